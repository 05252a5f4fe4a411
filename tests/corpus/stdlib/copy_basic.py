# copy.copy / copy.deepcopy of builtin containers and atomic values, memo sharing, cycles,
# __copy__/__deepcopy__ hooks, copy.replace and copy.Error.
import copy

values = [None, 1, 2.5, 3j, "s", b"b", True, range(3), len, (1, 2), frozenset({1})]
for v in values:
    print(repr(v), copy.copy(v) is v, copy.deepcopy(v) is v)

lst = [1, [2, 3], {"a": [4]}]
s = copy.copy(lst)
print(s == lst, s is lst, s[1] is lst[1])
d = copy.deepcopy(lst)
print(d == lst, d[1] is lst[1], d[2]["a"] is lst[2]["a"])

t = (1, [2])
dt = copy.deepcopy(t)
print(dt == t, dt is t, dt[1] is t[1])
t2 = (1, (2, "x"))
print(copy.deepcopy(t2) is t2)

cyc = [1]
cyc.append(cyc)
c2 = copy.deepcopy(cyc)
print(c2[1] is c2, c2 is not cyc)

dd = {"k": 1}
dd["self"] = dd
d2 = copy.deepcopy(dd)
print(d2["self"] is d2, sorted(d2.keys()))

shared = [0]
pair = [shared, shared]
p2 = copy.deepcopy(pair)
print(p2[0] is p2[1], p2[0] is shared)

s = {1, 2, 3}
print(copy.copy(s) == s, copy.copy(s) is s, copy.deepcopy(s) == s, copy.deepcopy(s) is s)
fs = frozenset([1, 2])
print(copy.deepcopy(fs) == fs)
ba = bytearray(b"xy")
print(copy.copy(ba), copy.copy(ba) is ba, copy.deepcopy(ba))

memo = {}
a = [1, 2]
b = copy.deepcopy(a, memo)
print(memo[id(a)] is b, id(memo) in memo, memo[id(memo)][0] is a)


class Hooked:
    def __init__(self, v):
        self.v = v

    def __copy__(self):
        print("__copy__ called")
        return Hooked(self.v)

    def __deepcopy__(self, memo):
        print("__deepcopy__ called", type(memo).__name__)
        return Hooked(copy.deepcopy(self.v, memo))


h = Hooked([1])
h1 = copy.copy(h)
h2 = copy.deepcopy(h)
print(h1.v is h.v, h2.v is h.v, h2.v == h.v)


class Plain:
    def __init__(self):
        self.x = [1, 2]
        self.y = "y"


p = Plain()
p1 = copy.copy(p)
p2 = copy.deepcopy(p)
print(type(p1).__name__, p1.x is p.x, p2.x is p.x, p2.x, p2.y, p1.__dict__ == p.__dict__)


class Empty:
    pass


e = copy.deepcopy(Empty())
print(type(e).__name__, e.__dict__)


class Meth:
    def f(self):
        return self


m = Meth()
bm = copy.deepcopy(m.f)
print(bm.__self__ is m, type(bm.__self__).__name__, bm.__func__ is Meth.f)
print(copy.copy(Meth) is Meth, copy.deepcopy(Meth) is Meth)


class R:
    def __init__(self, a, b):
        self.a = a
        self.b = b

    def __replace__(self, **changes):
        kw = {"a": self.a, "b": self.b}
        kw.update(changes)
        return R(**kw)


r = copy.replace(R(1, 2), b=5)
print(r.a, r.b)
try:
    copy.replace([1], x=1)
except TypeError as e:
    print(type(e).__name__, e)
try:
    copy.replace(R(1, 2), c=1)
except TypeError as e:
    print(type(e).__name__, e)

print(copy.Error is copy.error, issubclass(copy.Error, Exception), copy.__all__)


class NoReduce:
    __reduce_ex__ = None
    __reduce__ = None


try:
    copy.copy(NoReduce())
except copy.Error as e:
    print(type(e).__name__, e)
try:
    copy.deepcopy(NoReduce())
except copy.Error as e:
    print(type(e).__name__, e)
