# __init_subclass__ is found along the new class's MRO (not only the first base)
class A:
    pass
class B:
    def __init_subclass__(cls, **kw):
        print("B.__init_subclass__", cls.__name__, kw)
        super().__init_subclass__()
class C(A, B, tag=1):
    pass
class D(C):
    pass
class E(B):
    def __init_subclass__(cls, **kw):
        print("E.__init_subclass__", cls.__name__)
        super().__init_subclass__(**kw)
class F(A, E, x=2):
    pass
try:
    class G(A, tag=3):
        pass
except TypeError as e:
    print("TypeError:", e)
print([k.__name__ for k in F.__mro__])
