# Operator overloading: __add__/__radd__/__mul__/__neg__/__len__/__getitem__/__contains__/__iter__/__bool__.
class Vec:
    def __init__(self, *xs):
        self.xs = list(xs)
    def __add__(self, o):
        if isinstance(o, Vec):
            return Vec(*[a + b for a, b in zip(self.xs, o.xs)])
        return Vec(*[a + o for a in self.xs])
    def __radd__(self, o):
        return self + o
    def __mul__(self, k):
        return Vec(*[a * k for a in self.xs])
    __rmul__ = __mul__
    def __neg__(self):
        return self * -1
    def __len__(self):
        return len(self.xs)
    def __getitem__(self, i):
        return self.xs[i]
    def __contains__(self, v):
        return v in self.xs
    def __bool__(self):
        return any(self.xs)
    def __eq__(self, o):
        return isinstance(o, Vec) and self.xs == o.xs
    def __repr__(self):
        return f'Vec{tuple(self.xs)}'
v, w = Vec(1, 2, 3), Vec(10, 20, 30)
print(v + w, v + 1, 1 + v, v * 2, 3 * v, -v, len(v), v[1], v[-1], v[0:2], 2 in v, 9 in v)
print(bool(Vec(0, 0)), bool(v), list(v), sum(Vec(1, 2), Vec(0, 0)), v == Vec(1, 2, 3), v != w)
try:
    v - w
except TypeError as e:
    print(type(e).__name__, e)
try:
    'a' * v
except TypeError as e:
    print(type(e).__name__, e)
