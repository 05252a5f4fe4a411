# __slots__: slot descriptors, no __dict__, errors
class P:
    __slots__ = ("x", "y")
    def __init__(self, x):
        self.x = x
p = P(1)
print(p.x, type(P.x).__name__, P.__slots__)
try:
    p.y
except AttributeError as e:
    print("AttributeError:", e)
try:
    p.z = 3
except AttributeError as e:
    print("AttributeError:", e)
try:
    p.__dict__
except AttributeError as e:
    print("AttributeError:", e)
p.y = 5
del p.x
print(hasattr(p, "x"), p.y)
try:
    del p.x
except AttributeError as e:
    print("AttributeError:", e)
class Q(P):
    pass
q = Q(2)
q.z = 9
print(q.x, q.z, q.__dict__)
class R(P):
    __slots__ = ("z",)
r = R(3)
r.z = 4
print(r.x, r.z, hasattr(r, "__dict__"))
class S:
    __slots__ = "only"
s = S()
s.only = 1
print(s.only, S.__slots__)
class T:
    __slots__ = ("a", "__dict__")
t = T()
t.a = 1
t.b = 2
print(t.a, t.__dict__)
print(P.x.__name__, repr(P.x).startswith("<member 'x' of 'P' objects>"))
