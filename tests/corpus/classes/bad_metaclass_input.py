# Pathological metaclasses and class bodies: errors, never crashes
class M(type):
    def __new__(mcls, name, bases, ns):
        return 42
class A(metaclass=M): pass
print(A)
def fake_meta(name, bases, ns, **kw):
    return (name, bases, sorted(k for k in ns if not k.startswith("__")), kw)
class B(metaclass=fake_meta, x=1):
    y = 2
print(B)
try:
    class C(metaclass=5): pass
except TypeError as e:
    print("TypeError:", e)
try:
    class D(5): pass
except TypeError as e:
    print("TypeError:", e)
try:
    class E(int, str): pass
except TypeError as e:
    print("TypeError:", e)
try:
    class F(bool): pass
except TypeError as e:
    print("TypeError:", e)
class RaisingMeta(type):
    def __init__(cls, *a):
        raise ValueError("meta init")
try:
    class G(metaclass=RaisingMeta): pass
except ValueError as e:
    print("ValueError:", e)
try:
    class H:
        raise KeyError("body")
except KeyError as e:
    print("KeyError:", e)
try:
    type.__new__(int, "X", (), {})
except TypeError as e:
    print("TypeError:", e)
class I(type(None).__class__): pass
print(I.__name__, I.__mro__)
