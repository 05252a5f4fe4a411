# Metaclass conflict: bases with unrelated metaclasses
class M1(type): pass
class M2(type): pass
class A(metaclass=M1): pass
class B(metaclass=M2): pass
try:
    class C(A, B): pass
except TypeError as e:
    print("TypeError:", e)
class M3(M1, M2): pass
class D(A, B, metaclass=M3): pass
print(type(D).__name__)
class E(A): pass
print(type(E).__name__)
class F(D, A): pass
print(type(F).__name__)
try:
    class G(A, metaclass=M2): pass
except TypeError as e:
    print("TypeError:", e)
try:
    M2("H", (A,), {})
except TypeError as e:
    print("TypeError:", e)
class I(A, B, metaclass=M3): pass
class J(I, B): pass
print(type(J).__name__)
class K(B, A): pass
