# match: class patterns with __match_args__, keyword sub-patterns and self-matching builtins
class Point:
    __match_args__ = ("x", "y")
    def __init__(self, x, y):
        self.x = x
        self.y = y

class Point3(Point):
    __match_args__ = ("x", "y", "z")
    def __init__(self, x, y, z):
        super().__init__(x, y)
        self.z = z

def where(p):
    match p:
        case Point3(0, 0, 0):
            return "3d origin"
        case Point(0, 0):
            return "origin"
        case Point(x=0, y=y):
            return f"on y axis at {y}"
        case Point(x, 0):
            return f"on x axis at {x}"
        case Point(x, y) if x == y:
            return f"diagonal {x}"
        case Point():
            return "somewhere"
        case _:
            return "not a point"

for p in [Point(0, 0), Point3(0, 0, 0), Point3(0, 0, 1), Point(0, 5), Point(3, 0),
          Point(2, 2), Point(1, 2), (0, 0)]:
    print(where(p))

for v in [5, True, 2.5, "s", b"b", [1], (1,), {1: 2}, {1}, frozenset({2}), bytearray(b"x")]:
    match v:
        case bool(x):
            print("bool", x)
        case int(x) | float(x):
            print("number", x)
        case str(x) | bytes(x) | bytearray(x):
            print("text", x)
        case list(x) | tuple(x):
            print("sequence", x)
        case dict(x) | set(x) | frozenset(x):
            print("collection", x)
