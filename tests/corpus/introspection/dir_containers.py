# dir() of range, dict, str, bytes, set and frozenset objects, every listed name served by
# getattr, and a few of the listed dunders called unbound from the type.


def show(label, obj):
    names = dir(obj)
    print(label, names)
    print("  not served by getattr:", [n for n in names if not hasattr(obj, n)])


for label, obj in [("range", range(2, 10, 3)), ("dict", {"a": 1}), ("str", "text"),
                   ("bytes", b"ab"), ("set", {1, 2}), ("frozenset", frozenset({3}))]:
    show(label, obj)

r = range(2, 10, 3)
print(range.__len__(r), range.__getitem__(r, 1), range.__contains__(r, 5), range.__repr__(r))
print(range.__dict__["start"].__get__(r), range.__dict__["step"].__get__(r), r.__reduce__())
print(dict.__getitem__({"a": 1}, "a"), dict.__len__({}), dict.__repr__({1: 2}), dict.__or__({1: 2}, {3: 4}))
print(str.__add__("a", "b"), str.__mul__("ab", 2), str.__len__("abc"), str.__mod__("%d", 5))
print(bytes.__add__(b"a", b"b"), bytes.__getitem__(b"ab", 0), bytes.__buffer__(b"xy", 0).tobytes())
print(set.__or__({1}, {2}), frozenset.__and__(frozenset({1, 2}), {2}), set.__len__({1, 2, 3}))
for call in [lambda: bytes.__buffer__(b"", "x"), lambda: bytes.__buffer__(1, 0)]:
    try:
        call()
    except TypeError as e:
        print("TypeError", e)

# Slot dunders of builtin types are slot wrappers (list.__getitem__, dict.__getitem__ and
# the containers' __contains__ are plain methods in CPython, which keeps both).
for descr in [str.__dict__["__add__"], int.__add__, list.__len__, list.__dict__["__getitem__"],
              dict.__getitem__, set.__contains__, dict.__repr__, object.__init__, (1).__add__]:
    print(repr(descr).split(" at 0x")[0])
for call in [lambda: dict.__len__([]), lambda: str.__add__(1, "a"), lambda: int.__neg__("x"),
             lambda: list.__getitem__((), 0)]:
    try:
        call()
    except TypeError as e:
        print("TypeError", e)
