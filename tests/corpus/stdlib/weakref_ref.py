# weakref.ref: calling, callbacks (order, __callback__), reuse, hashing, equality, errors
import weakref
import gc


class A:
    def __init__(self, name):
        self.name = name

    def __repr__(self):
        return f"A({self.name})"


a = A("a")
r = weakref.ref(a)
print(r() is a, r() )
print(weakref.ref(a) is r, weakref.getweakrefcount(a))
print(type(r).__name__, type(r) is weakref.ReferenceType, weakref.ref is weakref.ReferenceType)
print(r.__callback__)
print(a.__weakref__ is r)

log = []
def cb1(wr):
    log.append(("cb1", wr() is None))
def cb2(wr):
    log.append(("cb2", wr() is None))

b = A("b")
r1 = weakref.ref(b, cb1)
r2 = weakref.ref(b, cb2)
print(r1 is not r2, weakref.getweakrefcount(b), r1.__callback__ is cb1)
plain = weakref.ref(b)
print(weakref.getweakrefs(b)[0] is plain, len(weakref.getweakrefs(b)))
del b
print(log)
print(r1(), r2(), plain(), r1.__callback__)

# hashing: the referent's hash, kept after death
class H:
    def __hash__(self):
        return 42
h = H()
hr = weakref.ref(h)
print(hash(hr))
del h
print(hash(hr), hr())
d = A("d")
dr = weakref.ref(d)
del d
try:
    hash(dr)
except TypeError as e:
    print(type(e).__name__, e)

# equality: live refs compare referents, dead refs by identity
x, y = A("x"), A("y")
class E:
    def __eq__(self, other):
        return True
    __hash__ = object.__hash__
e1, e2 = E(), E()
print(weakref.ref(e1) == weakref.ref(e2), weakref.ref(x) == weakref.ref(y), weakref.ref(x) != weakref.ref(y))
rx = weakref.ref(x)
del x
print(rx == rx, rx == weakref.ref(y), rx != weakref.ref(y))
print(weakref.ref(y) == 5, weakref.ref(y).__eq__(5))

# what can be weakly referenced
for obj in [1, "s", (), [], {}, None, object(), 1.5, b"", set(), frozenset(), len, A, gc, lambda: 0]:
    try:
        weakref.ref(obj)
        print(type(obj).__name__, "ok")
    except TypeError as e:
        print(type(e).__name__, e)

class I(int): pass
class L(list): pass
class T(tuple): pass
class S:
    __slots__ = ("a",)
class SW:
    __slots__ = ("a", "__weakref__")
for obj in [I(1), L(), T(), S(), SW()]:
    try:
        weakref.ref(obj)
        print(type(obj).__name__, "ok")
    except TypeError as e:
        print(type(e).__name__, e)
try:
    class SW2(SW):
        __slots__ = ("__weakref__",)
except TypeError as e:
    print(type(e).__name__, e)
try:
    weakref.ref(weakref.ref(A("z")))
except TypeError as e:
    print(type(e).__name__, e)
try:
    weakref.ref()
except TypeError as e:
    print(type(e).__name__, e)

# subclassing ref
class MyRef(weakref.ref):
    def __init__(self, ob, callback=None, extra=None):
        super().__init__(ob, callback)
        self.extra = extra
    def __new__(cls, ob, callback=None, extra=None):
        return super().__new__(cls, ob, callback)
z = A("z")
mr = MyRef(z, None, "more")
print(mr() is z, mr.extra, isinstance(mr, weakref.ref), mr is not weakref.ref(z))
print(weakref.getweakrefcount(z))

# callbacks run after the referent is gone, most recent first
order = []
o = A("o")
refs = [weakref.ref(o, lambda r, i=i: order.append(i)) for i in range(4)]
del o
print(order)
print(gc.collect() >= 0)
