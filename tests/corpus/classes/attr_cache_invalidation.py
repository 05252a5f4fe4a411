# Cached attribute and method lookups notice class and base-class mutation
class Base:
    def m(self): return "base"
    k = 1
class Derived(Base):
    pass
d = Derived()
out = []
for i in range(6):
    out.append(d.m())
    out.append(d.k)
    if i == 1:
        Base.m = lambda self: "patched"
    if i == 2:
        Derived.k = 2
    if i == 3:
        d.m = lambda: "instance"
    if i == 4:
        del d.m
        del Base.m
        Derived.m = lambda self: "derived"
print(out)
class A:
    def __init__(self): self.x = 1
a = A()
vals = []
for i in range(5):
    vals.append(a.x)
    if i == 2:
        A.x = property(lambda self: "prop")
print(vals)
class B: pass
b = B()
res = []
for i in range(4):
    b.y = i
    res.append(b.y)
    if i == 1:
        B.y = property(lambda self: "ro", lambda self, v: res.append(("set", v)))
print(res)
