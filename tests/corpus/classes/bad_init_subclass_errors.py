# Errors raised inside class creation hooks propagate with CPython's messages
class Base:
    def __init_subclass__(cls, **kw):
        if kw.get("fail"):
            raise ValueError("refused " + cls.__name__)
try:
    class A(Base, fail=True): pass
except ValueError as e:
    print("ValueError:", e)
class B(Base, fail=False): pass
print(B.__name__)
class NotClassmethodCall:
    def __init_subclass__(cls):
        return "ignored"
class C(NotClassmethodCall): pass
print(C.__name__)
try:
    class D(object, metaclass=type, bad=1): pass
except TypeError as e:
    print("TypeError:", e)
class E:
    def __init_subclass__(cls, a, b=2):
        print("E sub", cls.__name__, a, b)
class F(E, a=1): pass
class G(E, b=3, a=0): pass
try:
    class H(E): pass
except TypeError as e:
    print("TypeError:", e)
class H2(E, a=4, b=5): pass
class I(E, a=1, c=1): pass
