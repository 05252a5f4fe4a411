# type(name, bases, ns) creates classes; type(x) returns the type; argument errors
def init(self, v):
    self.v = v
Point = type("Point", (), {"__init__": init, "kind": "pt", "show": lambda self: f"P({self.v})"})
p = Point(3)
print(p.show(), Point.kind, Point.__name__, Point.__qualname__, Point.__module__)
Sub = type("Sub", (Point,), {})
print(Sub(4).show(), [c.__name__ for c in Sub.__mro__])
print(type(p) is Point, type(5), type("s"), type(None), type(type))
for args in [(), ("a", "b"), (1, (), {}), ("N", 5, {}), ("N", (), 5), ("N", (5,), {}), ("N", (bool,), {})]:
    try:
        type(*args)
        print("ok", args)
    except TypeError as e:
        print("TypeError:", e)
try:
    type("X", (), {}, extra=1)
except TypeError as e:
    print("TypeError:", e)
T = type("T", (int,), {"double": lambda self: self * 2})
print(T(21).double(), isinstance(T(1), int))
