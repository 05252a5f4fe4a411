# A simple class with __init__, methods, class attributes, __repr__ and __str__.
class Point:
    dims = 2
    created = 0
    def __init__(self, x, y):
        self.x = x
        self.y = y
        Point.created += 1
    def norm2(self):
        return self.x * self.x + self.y * self.y
    def moved(self, dx, dy):
        return Point(self.x + dx, self.y + dy)
    def __repr__(self):
        return f'Point({self.x!r}, {self.y!r})'
    def __str__(self):
        return f'({self.x}, {self.y})'
p = Point(3, 4)
q = p.moved(1, -1)
print(p, q, repr(p), [p, q], str(q), p.norm2(), q.norm2())
print(Point.dims, p.dims, Point.created, type(p).__name__, isinstance(q, Point))
p.x = 10
print(p, Point.norm2(p))
print(f'{p}', f'{p!r}', '%s %r' % (p, p), '{} {!r}'.format(q, q))
