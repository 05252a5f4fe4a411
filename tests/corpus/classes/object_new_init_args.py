# object.__new__/__init__ argument rules and their messages
class A: pass
try:
    A(1)
except TypeError as e:
    print("TypeError:", e)
try:
    A(x=1)
except TypeError as e:
    print("TypeError:", e)
class B:
    def __init__(self, x): self.x = x
print(B(5).x)
class C:
    def __new__(cls, *a):
        return super().__new__(cls)
print(type(C(1, 2)).__name__)
class D:
    def __new__(cls, *a):
        return super().__new__(cls, *a)
try:
    D(1)
except TypeError as e:
    print("TypeError:", e)
class E:
    def __init__(self, *a):
        super().__init__(*a)
try:
    E(1)
except TypeError as e:
    print("TypeError:", e)
try:
    object(1)
except TypeError as e:
    print("TypeError:", e)
try:
    object.__new__(5)
except TypeError as e:
    print("TypeError:", e)
try:
    object.__new__()
except TypeError as e:
    print("TypeError:", e)
try:
    object.__init__(A(), 1)
except TypeError as e:
    print("TypeError:", e)
class F:
    def __init__(self):
        return 5
try:
    F()
except TypeError as e:
    print("TypeError:", e)
class G:
    def __new__(cls):
        return 42
    def __init__(self):
        print("never")
print(G())
class H:
    def __new__(cls, v):
        self = object.__new__(cls)
        self.v = v
        return self
print(H(3).v)
