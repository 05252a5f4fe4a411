# Method overriding, calling base implementations explicitly, and polymorphic dispatch
class Shape:
    sides = 0
    def area(self): raise NotImplementedError(type(self).__name__ + ".area")
    def describe(self): return f"{type(self).__name__} with {self.sides} sides, area {self.area()}"
class Rect(Shape):
    sides = 4
    def __init__(self, w, h): self.w, self.h = w, h
    def area(self): return self.w * self.h
class Square(Rect):
    def __init__(self, s): Rect.__init__(self, s, s)
    def describe(self): return "Square! " + Rect.describe(self)
class Tri(Shape):
    sides = 3
    def __init__(self, b, h): self.b, self.h = b, h
    def area(self): return self.b * self.h / 2
for s in [Rect(2, 3), Square(4), Tri(3, 4)]:
    print(s.describe())
try:
    Shape().describe()
except NotImplementedError as e:
    print("NotImplementedError:", e)
print(Square.__mro__[1].__name__, Square.area is Rect.area, Square.sides)
print(isinstance(Square(1), Shape), issubclass(Tri, Rect))
shapes = [Rect(i, i + 1) if i % 2 else Tri(i, 2) for i in range(10)]
print(sum(s.area() for s in shapes))
Rect.area = lambda self: -1
print(Square(3).area(), Square(3).describe())
