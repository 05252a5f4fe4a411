# dir() of functions, builtin functions, bound methods, method descriptors and slot
# wrappers, and the dunders it lists: __call__, __get__, __repr__, the data descriptors in
# type(f).__dict__. 3.14 adds function.__annotate__ (PEP 649): it is left out of the
# printed lists here (3.13 records the expected output) and checked separately.


def show(label, obj, skip=("__annotate__",)):
    names = [n for n in dir(obj) if n not in skip]
    print(label, names == sorted(names), names)
    missing = [n for n in names if not hasattr(obj, n)]
    print("  not served by getattr:", missing)


def f(a, b=2):
    "doc of f"
    return a + b


class C:
    def m(self):
        return "m"


show("function", f)
show("lambda", lambda: 0)
show("builtin", len)
show("bound method", C().m)
show("builtin method", [].append)
show("method descriptor", list.append)
show("slot wrapper", object.__init__)
show("slot wrapper of NoneType", type(None).__repr__)
show("method-wrapper", None.__repr__)

# __call__ and __get__ behave as calling and binding do.
print(f.__call__(1), f.__call__(1, b=5), type(f).__call__(f, 2))
print(len.__call__([1, 2, 3]), type(len).__call__(len, "ab"))
m = C().m
print(m.__call__(), m.__get__(C()) is m, type(m).__get__(m, None, C) is m)
bound = f.__get__(10)
print(type(bound).__name__, bound(), bound.__self__, bound.__func__ is f)
print(f.__get__(None, C) is f)
for args in [(None, None), (None,)]:
    try:
        f.__get__(*args)
    except TypeError as e:
        print("TypeError", e)
append = list.append.__get__([1])
print(type(append).__name__, append.__name__, append.__self__)
print(list.append.__get__(None, list) is list.append)
try:
    list.append.__get__(5)
except TypeError as e:
    print("TypeError", e)
print(list.append.__name__, list.append.__qualname__, list.append.__objclass__)
print(type(None).__repr__.__objclass__, None.__repr__.__objclass__, None.__repr__.__self__)

# Reprs of the wrappers themselves.
print(repr(type(f).__dict__["__repr__"]))
print(repr(type(None).__dict__["__bool__"]))
print(repr(None.__repr__).split(" at ")[0])
print(repr(f.__call__).split(" at ")[0])
print(type(f).__repr__(f).split(" at ")[0])

# Unbound slot wrappers check their receiver.
for call in [lambda: type(f).__call__(5), lambda: type(f).__repr__(len),
             lambda: type(None).__repr__(0), lambda: type(f).__get__(1, 2)]:
    try:
        call()
    except TypeError as e:
        print("TypeError", e)

# The data descriptors of type(f).__dict__ (getsets and members).
d = type(f).__dict__
for name in ["__code__", "__globals__", "__name__", "__defaults__", "__closure__", "__doc__"]:
    descr = d[name]
    print(name, repr(descr), type(descr).__name__, descr.__name__, descr.__qualname__,
          descr.__objclass__.__name__)
print(d["__code__"].__get__(f) is f.__code__, d["__name__"].__get__(f))
print(d["__name__"].__get__(None, type(f)) is d["__name__"])
d["__name__"].__set__(f, "renamed")
print(f.__name__)
d["__defaults__"].__delete__(f)
print(f.__defaults__)
for call in [lambda: d["__name__"].__get__(5), lambda: d["__globals__"].__set__(f, {}),
             lambda: d["__code__"].__set__(f, None), lambda: d["__name__"].__delete__(f)]:
    try:
        call()
    except (TypeError, AttributeError) as e:
        print(type(e).__name__, e)
print(type(len).__dict__["__self__"].__get__(len).__name__)
print(type(C().m).__dict__["__func__"].__get__(C().m).__name__)
