# C3 MRO: diamonds, multiple inheritance order, __mro__ and mro()
class O: pass
class A(O): pass
class B(O): pass
class C(O): pass
class D(O): pass
class E(O): pass
class K1(A, B, C): pass
class K2(D, B, E): pass
class K3(D, A): pass
class Z(K1, K2, K3): pass
print([k.__name__ for k in Z.__mro__])
print([k.__name__ for k in Z.mro()])
print([k.__name__ for k in K1.__bases__])
print(Z.__base__.__name__, O.__base__.__name__)

class Top:
    def who(self): return "Top"
class Left(Top):
    def who(self): return "Left>" + super().who()
class Right(Top):
    def who(self): return "Right>" + super().who()
class Bottom(Left, Right):
    def who(self): return "Bottom>" + super().who()
print(Bottom().who())
print([k.__name__ for k in Bottom.__mro__])
print(issubclass(Bottom, Top), issubclass(Top, Bottom), isinstance(Bottom(), Right))
