# Special methods are looked up on the type, not the instance
class A:
    def __len__(self): return 1
    def __repr__(self): return "A()"
a = A()
a.__len__ = lambda: 99
a.__repr__ = lambda: "patched"
print(len(a), repr(a), a.__len__(), a.__repr__())
A.__len__ = lambda self: 7
print(len(a))
class B:
    pass
b = B()
b.__add__ = lambda other: "inst add"
try:
    b + 1
except TypeError as e:
    print("TypeError:", e)
B.__add__ = lambda self, other: "class add"
print(b + 1)
def call(self, *a): return ("call", a)
c = B()
c.__call__ = call
try:
    c(1)
except TypeError as e:
    print("TypeError:", e)
B.__call__ = call
print(c(1))
B.__iter__ = lambda self: iter([1, 2])
print(list(b), 2 in b)
del B.__iter__
try:
    list(b)
except TypeError as e:
    print("TypeError:", e)
B.__bool__ = lambda self: False
print(bool(b), not b)
