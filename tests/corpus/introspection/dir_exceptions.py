# dir() of exception objects (their data descriptors: args, __traceback__, __cause__, the
# typed fields of OSError, SyntaxError, StopIteration...), every listed name served by
# getattr, __reduce__/__setstate__, and the descriptors in their types' dicts.


def show(label, obj):
    names = dir(obj)
    print(label, names)
    print("  not served by getattr:", [n for n in names if not hasattr(obj, n)])


show("BaseException", BaseException("b"))
show("ValueError", ValueError(1, 2))
show("KeyError", KeyError("k"))
show("StopIteration", StopIteration(5))
show("OSError", OSError(2, "No such file", "f.txt"))
show("SyntaxError", SyntaxError("bad", ("f.py", 1, 2, "x y", 1, 3)))
show("ImportError", ImportError("m", name="mod"))
show("SystemExit", SystemExit(3))


e = ValueError(1, 2)
print(e.__reduce__(), KeyError("k").__reduce__())
e.note = "n"
print(e.__reduce__()[2])
e.__setstate__({"extra": 3, "args": ("new",)})
print(e.extra, e.args, e.__setstate__(None))
for bad in [5, [1]]:
    try:
        e.__setstate__(bad)
    except TypeError as err:
        print("TypeError", err)

d = BaseException.__dict__
for name in ["args", "__traceback__", "__cause__", "__context__", "__suppress_context__", "__dict__"]:
    print(name, repr(d[name]))
print(d["args"].__get__(ValueError(1)), d["__suppress_context__"].__get__(KeyError()))
print(repr(StopIteration.__dict__["value"]), StopIteration.__dict__["value"].__get__(StopIteration(7)))
print(repr(OSError.__dict__["errno"]), OSError.__dict__["errno"].__get__(OSError(2, "x")))
print(repr(SyntaxError.__dict__["lineno"]), SyntaxError.__dict__["lineno"].__get__(SyntaxError("m", ("f", 4, 1, "t"))))
try:
    d["args"].__get__(5)
except TypeError as err:
    print("TypeError", err)
x = ValueError("v")
for name in ["args", "__traceback__", "__cause__", "__context__"]:
    try:
        delattr(x, name)
    except TypeError as err:
        print("TypeError", err)
o = OSError(1, "msg")
o.errno = 9
print(o.errno, o.strerror)
