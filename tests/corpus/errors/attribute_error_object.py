# Uncaught AttributeError on a module-level instance of a user class.
print(hasattr(object(), 'z'), getattr(1, 'z', 'missing'))
class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y
p = Point(1, 2)
print(p.x, p.y)
q = Point(3, 4)
print(vars(q), q.x * q.y)
print(p.z)
