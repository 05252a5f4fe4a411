# Descriptors: __get__ on class vs instance, bound methods, functions as descriptors
class Verbose:
    def __init__(self, v): self.v = v
    def __get__(self, obj, objtype=None):
        print("get", type(obj).__name__, objtype.__name__ if objtype else None)
        return self.v
class A:
    x = Verbose(1)
    def f(self, y): return (self, y)
a = A()
print(a.x, A.x)
bound = A.f.__get__(a, A)
print(bound(2)[1], bound.__self__ is a, bound.__func__ is A.f)
print(A.__dict__["f"].__get__(None, A) is A.f)
print(type(A.f).__name__, type(a.f).__name__)
m1, m2 = a.f, a.f
print(m1 == m2, m1 is m2, hash(m1) == hash(m2))
print(repr(a.f).startswith("<bound method A.f of <"))
sm = staticmethod(len)
cm = classmethod(lambda cls: cls.__name__)
class B:
    s = sm
    c = cm
print(B.s("abc"), B().s("ab"), B.c(), B().c())
print(sm.__func__ is len, type(cm.__func__).__name__)
print(sm.__get__(None, B) is len)
print(cm.__get__(None, B)())
print(isinstance(B.__dict__["s"], staticmethod), callable(sm))
