# __class__ cell, class scope not visible in methods, nested classes and qualnames
x = "global"
class Outer:
    x = "class"
    def get_x(self):
        return x
    def get_class(self):
        return __class__
    class Inner:
        def where(self):
            return __class__.__qualname__
    ys = [x for _ in range(2)]
    zs = [len(x) for x in ("ab", "c")]
print(Outer().get_x(), Outer().get_class() is Outer, Outer.ys, Outer.zs)
print(Outer.Inner.__qualname__, Outer.Inner().where(), Outer.Inner.__name__)
print(Outer.get_x.__qualname__, Outer.Inner.where.__qualname__)
def factory(n):
    class Local:
        val = n
        def get(self):
            return self.val + n
    return Local
L = factory(5)
print(L().get(), L.__qualname__, L.__module__)
class Doc:
    "Docstring here."
print(Doc.__doc__, Outer.__doc__)
class Sub(Outer):
    def get_class(self):
        return __class__, super().get_class()
print([c.__name__ for c in Sub().get_class()])
class WithClassAttr:
    __class__ = int
print(WithClassAttr().__class__, type(WithClassAttr()).__name__)
