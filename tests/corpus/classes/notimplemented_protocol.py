# NotImplemented protocol: fallbacks, subclass reflected method tried first, errors
class A:
    def __add__(self, other):
        print("A.__add__")
        return NotImplemented
    def __radd__(self, other):
        print("A.__radd__")
        return NotImplemented
class B(A):
    def __radd__(self, other):
        print("B.__radd__")
        return "B wins"
print(A() + B())
class C:
    def __add__(self, other):
        print("C.__add__")
        return NotImplemented
class D:
    def __radd__(self, other):
        print("D.__radd__")
        return "D"
print(C() + D())
try:
    A() + A()
except TypeError as e:
    print("TypeError:", e)
try:
    A() - 1
except TypeError as e:
    print("TypeError:", e)
try:
    1 ** A()
except TypeError as e:
    print("TypeError:", e)
class E(int):
    def __radd__(self, other):
        return "E.__radd__ first"
print(1 + E(2), E(2) + 1)
class F:
    def __iadd__(self, other):
        return NotImplemented
    def __add__(self, other):
        return "F.__add__ fallback"
f = F()
f += 1
print(f)
print(bool(NotImplemented) if False else type(NotImplemented).__name__, repr(NotImplemented))
try:
    A() < A()
except TypeError as e:
    print("TypeError:", e)
