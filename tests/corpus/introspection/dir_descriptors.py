# dir() of property, classmethod, staticmethod and member/getset descriptors, and what it
# lists: property.__set_name__/__name__, the __dict__ classmethod and staticmethod copy
# their callable's names into, __get__/__set__/__delete__ of descriptors.
# 3.14 gives classmethod/staticmethod __annotate__ and __annotations__ getsets (reading
# the callable's) where 3.13 copies __annotations__ into their __dict__: __annotate__ and
# the __annotations__ key are left out of what is printed.


def show(label, obj):
    names = [n for n in dir(obj) if n != "__annotate__"]
    print(label, names)
    print("  not served by getattr:", [n for n in names if not hasattr(obj, n)])


def f(x):
    "f doc"
    return x


class Slotted:
    __slots__ = ("a",)


class C:
    @property
    def p(self):
        "p doc"
        return 1

    q = property(lambda self: 2)
    s = staticmethod(f)
    c = classmethod(f)


show("property", C.p)
show("classmethod", C.__dict__["c"])
show("staticmethod", C.__dict__["s"])
show("member", Slotted.a)
show("getset", type(f).__dict__["__code__"])

print(C.p.__name__, C.q.__name__, C.p.__doc__, C.p.fget.__name__)
anon = property()
try:
    anon.__name__
except AttributeError as e:
    print("AttributeError", e)
anon.__set_name__(C, "given")
print(anon.__name__, property.__set_name__(anon, C, "again"), anon.__name__)
print(anon.getter(f).__name__)
try:
    anon.__set_name__(C)
except TypeError as e:
    print("TypeError", e)

cm = C.__dict__["c"]
sm = C.__dict__["s"]
for w in (cm, sm):
    print(sorted(k for k in w.__dict__ if k != "__annotations__"))
    print(w.__name__, w.__qualname__, w.__doc__, w.__module__, w.__func__ is f, w.__wrapped__ is f)
    w.extra = 5
    print(w.extra, "extra" in w.__dict__, w.__isabstractmethod__)
print(repr(type(cm).__dict__["__func__"]), repr(type(cm).__dict__["__dict__"]))

# member and getset descriptors answer __get__/__set__/__delete__ directly.
o = Slotted()
Slotted.a.__set__(o, 7)
print(Slotted.a.__get__(o), Slotted.a.__get__(None, Slotted) is Slotted.a, Slotted.a.__objclass__)
Slotted.a.__delete__(o)
try:
    o.a
except AttributeError as e:
    print("AttributeError", e)
print(Slotted.a.__name__, Slotted.a.__qualname__, repr(Slotted.a))
r = range.__dict__["start"]
print(repr(r), r.__get__(range(3, 9)), r.__objclass__)
try:
    r.__set__(range(3), 1)
except AttributeError as e:
    print("AttributeError", e)
try:
    r.__get__(None, None)
except TypeError as e:
    print("TypeError", e)
