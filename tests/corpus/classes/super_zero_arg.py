# Zero-argument super() in methods, classmethods, properties and nested functions
class Base:
    def __init__(self, x):
        self.x = x
    def describe(self):
        return f"Base({self.x})"
    @classmethod
    def make(cls, x):
        return cls(x)
    @staticmethod
    def helper(v):
        return v * 2

class Child(Base):
    def __init__(self, x, y):
        super().__init__(x)
        self.y = y
    def describe(self):
        return "Child:" + super().describe() + f"+{self.y}"
    @classmethod
    def make(cls, x):
        obj = super().make(x)
        return obj
    def __init_subclass__(cls, **kw):
        super().__init_subclass__()
    def lam(self):
        f = lambda: super(Child, self).describe()
        return f()
    def helper2(self):
        return super().helper(21)

class GrandChild(Child):
    def __init__(self, *a):
        super().__init__(*a)

c = Child(1, 2)
print(c.describe())
print(c.lam(), c.helper2())
try:
    Child.make(5)
except TypeError as e:
    print("TypeError:", e)
g = GrandChild(3, 4)
print(g.describe(), type(g).__name__)
print(super(Child, c).describe())
print(super(Base, c).__init__ is not None)
s = super(Child, c)
print(type(s).__name__, s.__thisclass__.__name__, s.__self_class__.__name__)
