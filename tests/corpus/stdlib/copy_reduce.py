# copy with the reduce protocol: object.__reduce_ex__ for plain instances, __slots__,
# subclasses of builtins, __getstate__/__setstate__, __getnewargs(_ex)__, __reduce__
# returning a string, copyreg.dispatch_table and bad reduce results.
import copy
import copyreg


class Plain:
    pass


p = Plain()
p.a = 1
r = p.__reduce_ex__(4)
print(r[0] is copyreg.__newobj__, r[1] == (Plain,), r[2], r[3], r[4])
print(Plain().__reduce_ex__(2)[2])
print(p.__getstate__(), Plain().__getstate__())
r0 = p.__reduce_ex__(0)
print(r0[0] is copyreg._reconstructor, r0[1] == (Plain, object, None), r0[2])
r0 = p.__reduce__()
print(r0[0] is copyreg._reconstructor, len(r0))


class Slotted:
    __slots__ = ("x", "__y", "z")

    def __init__(self):
        self.x = 1
        self.__y = [2]


s = Slotted()
st = s.__reduce_ex__(4)
print(st[2])
print(Slotted.__slotnames__)
s2 = copy.deepcopy(s)
print(s2.x, s2._Slotted__y, s2._Slotted__y is s._Slotted__y, hasattr(s2, "z"))
s3 = copy.copy(s)
print(s3._Slotted__y is s._Slotted__y)


class Mixed(Slotted):
    def __init__(self):
        super().__init__()
        self.w = "w"


print(Mixed().__getstate__())
print(copy.deepcopy(Mixed()).w)


class MyInt(int):
    pass


mi = MyInt(7)
mi2 = MyInt(8)
print((7).__getnewargs__(), MyInt(7).__getnewargs__(), type(MyInt(7).__getnewargs__()[0]).__name__)
r = mi.__reduce_ex__(4)
print(r[1] == (MyInt, 7), r[2])
c = copy.deepcopy(mi)
print(type(c).__name__, c)


class MyList(list):
    pass


ml = MyList([1, [2]])

r = ml.__reduce_ex__(4)
print(r[1] == (MyList,), r[2], list(r[3]), r[4])
c = copy.deepcopy(ml)
print(type(c).__name__, c, c[1] is ml[1])


class MyDict(dict):
    pass


md = MyDict(a=[1])
r = md.__reduce_ex__(4)
print(r[2], r[3], list(r[4]))
c = copy.copy(md)
print(type(c).__name__, c, c["a"] is md["a"])


class MyStr(str):
    pass


print(copy.deepcopy(MyStr("hi")), type(copy.deepcopy(MyStr("hi"))).__name__)
print(copy.copy((1, 2)) == (1, 2), "x".__getnewargs__(), (1, 2).__getnewargs__(), 1.5.__getnewargs__(), (1+2j).__getnewargs__(), b"q".__getnewargs__())


class State:
    def __init__(self, n):
        self.n = n

    def __getstate__(self):
        print("getstate")
        return {"n": self.n * 10}

    def __setstate__(self, state):
        print("setstate", state)
        self.n = state["n"] + 1


c = copy.deepcopy(State(1))
print(c.n)
c = copy.copy(State(2))
print(c.n)


class NewArgs:
    def __new__(cls, a, b=0):
        print("new", a, b)
        self = super().__new__(cls)
        self.a = a
        return self

    def __getnewargs__(self):
        return (self.a,)


c = copy.copy(NewArgs(5))
print(c.a)


class NewArgsEx:
    def __new__(cls, a, *, b):
        self = super().__new__(cls)
        self.a, self.b = a, b
        return self

    def __getnewargs_ex__(self):
        return ((self.a,), {"b": self.b})


n = NewArgsEx(1, b=2)
r = n.__reduce_ex__(4)
print(r[0] is copyreg.__newobj_ex__, r[1][1:], r[2])
c = copy.deepcopy(n)
print(c.a, c.b)


class BadNewArgs:
    def __init__(self, r):
        self.r = r

    def __getnewargs_ex__(self):
        return self.r


for bad in [[1], (1,), ([], {}), ((), [])]:
    try:
        BadNewArgs(bad).__reduce_ex__(4)
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)


class BadNewArgs2:
    def __getnewargs__(self):
        return [1]


try:
    BadNewArgs2().__reduce_ex__(2)
except TypeError as e:
    print(type(e).__name__, e)


class Singleton:
    def __reduce__(self):
        return "Singleton"


o = Singleton()
print(copy.copy(o) is o, copy.deepcopy(o) is o, o.__reduce_ex__(4))


class Custom:
    def __init__(self, v):
        self.v = v

    def __reduce__(self):
        return (Custom, (self.v,))


c = copy.deepcopy(Custom([1]))
print(type(c).__name__, c.v)


class Pt:
    def __init__(self, x):
        self.x = x


def reduce_pt(p):
    print("reduce_pt")
    return (Pt, (p.x * 2,))


copyreg.pickle(Pt, reduce_pt)
print(copy.copy(Pt(3)).x, copy.deepcopy(Pt(4)).x)
del copyreg.dispatch_table[Pt]
print(copy.copy(Pt(3)).x)

try:
    copyreg.pickle(Pt, 5)
except TypeError as e:
    print(type(e).__name__, e)
try:
    copyreg.pickle(Pt, reduce_pt, 5)
except TypeError as e:
    print(type(e).__name__, e)
print(complex in copyreg.dispatch_table, copyreg.dispatch_table[complex](1+2j))

try:
    object().__reduce_ex__("x")
except TypeError as e:
    print(type(e).__name__, e)
try:
    object().__reduce_ex__()
except TypeError as e:
    print(type(e).__name__, e)
print(type(object().__reduce_ex__(4)).__name__, object().__reduce_ex__(4)[1:])


def gen():
    yield 1


try:
    copy.copy(gen())
except TypeError as e:
    print(type(e).__name__, e)

print(copyreg.__newobj__(Plain).__class__.__name__)
copyreg.add_extension("mod", "name", 240)
try:
    copyreg.add_extension("mod", "name", 241)
except ValueError as e:
    print(e)
try:
    copyreg.add_extension("mod", "other", 240)
except ValueError as e:
    print(e)
try:
    copyreg.add_extension("mod", "other", 0)
except ValueError as e:
    print(e)
copyreg.remove_extension("mod", "name", 240)
try:
    copyreg.remove_extension("mod", "name", 240)
except ValueError as e:
    print(e)
print({1, 2}.__reduce__(), frozenset([3]).__reduce__())
