# __class__ assignment between compatible classes and its errors
class A:
    def who(self): return "A"
class B:
    def who(self): return "B"
a = A()
a.x = 1
print(a.who())
a.__class__ = B
print(a.who(), type(a).__name__, a.x, isinstance(a, B))
for i in range(3):
    a.__class__ = A if i % 2 == 0 else B
    print(a.who(), a.x)
try:
    a.__class__ = int
except TypeError as e:
    print("TypeError:", e)
try:
    a.__class__ = 5
except TypeError as e:
    print("TypeError:", e)
class S:
    __slots__ = ("p",)
try:
    a.__class__ = S
except TypeError as e:
    print("TypeError:", e)
try:
    (1).__class__ = bool
except TypeError as e:
    print("TypeError:", e)
class L(list): pass
class L2(list): pass
l = L([1])
l.__class__ = L2
print(type(l).__name__, l)
