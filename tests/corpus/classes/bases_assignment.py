# Assigning cls.__bases__: the new MRO takes effect for lookups (attribute caches are
# invalidated), and CPython's checks and messages for bad assignments.
class A:
    def f(self):
        return "A"
    x = "A.x"

class B:
    def f(self):
        return "B"
    x = "B.x"

class C(A):
    pass

c = C()
for _ in range(3):
    print(c.f(), C.x, c.x)
C.__bases__ = (B,)
print(C.__bases__, C.__base__, C.__mro__)
for _ in range(3):
    print(c.f(), C.x, c.x)
C.__bases__ = (A, B)
print(C.__mro__, c.f(), isinstance(c, B), issubclass(C, A))
C.__bases__ = (B, A)
print(C.__mro__, c.f())
C.__bases__ = (object,)
print(C.__mro__, hasattr(c, "f"), C.__base__)

def attempt(f, *args):
    try:
        f(*args)
        print("ok")
    except Exception as e:
        print(type(e).__name__, e)

class D(C):
    pass

class S:
    __slots__ = ("a",)

attempt(setattr, C, "__bases__", ())
attempt(setattr, C, "__bases__", [A])
attempt(setattr, C, "__bases__", (1,))
attempt(setattr, C, "__bases__", (C,))
attempt(setattr, C, "__bases__", (D,))
attempt(setattr, C, "__bases__", (int,))
attempt(setattr, C, "__bases__", (A, A))
attempt(setattr, C, "__bases__", (S,))
attempt(setattr, int, "__bases__", (object,))
attempt(delattr, C, "__bases__")
attempt(setattr, C, "__bases__", (A,))
print(C.__mro__, D().f())

class M(type):
    pass
class K(metaclass=M):
    pass
K.__bases__ = (B,)
print(K().f(), type(K).__name__)

class P:
    def who(self):
        return "P"
class Q:
    def who(self):
        return "Q"
class Mid(P):
    pass
class Leaf(Mid):
    pass
leaf = Leaf()
print(leaf.who(), [k.__name__ for k in Leaf.__mro__])
Mid.__bases__ = (Q,)
print(leaf.who(), [k.__name__ for k in Leaf.__mro__], P.__subclasses__(), Q.__subclasses__())
