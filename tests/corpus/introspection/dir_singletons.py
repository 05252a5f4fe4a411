# dir() of None, NotImplemented, Ellipsis, object(), type and a class, and the unbound
# dunders their types define: type(None).__repr__(None), None.__bool__()...
# 3.14 adds type.__annotate__ (PEP 649): left out of the printed list.


def show(label, obj):
    names = [n for n in dir(obj) if n != "__annotate__"]
    print(label, names)
    print("  not served by getattr:", [n for n in names if not hasattr(obj, n)])


class K:
    "K doc"
    x = 1


for label, obj in [("None", None), ("NotImplemented", NotImplemented),
                   ("Ellipsis", ...), ("object()", object()), ("type", type),
                   ("class", K), ("instance", K()), ("int", int)]:
    show(label, obj)

print(type(None).__repr__(None), type(...).__repr__(...), type(NotImplemented).__repr__(NotImplemented))
print(type(None).__bool__(None), None.__bool__(), None.__repr__(), None.__hash__() == hash(None))
print(repr(type(None).__dict__["__repr__"]), repr(type(...).__dict__["__repr__"]))
for call in [lambda: type(None).__bool__(None, 1), lambda: type(None).__repr__(0),
             lambda: type(None).__bool__(False)]:
    try:
        call()
    except TypeError as e:
        print("TypeError", e)

# type's data attributes are descriptors in type.__dict__.
td = type.__dict__
for name in ["__name__", "__qualname__", "__bases__", "__mro__", "__module__", "__doc__",
             "__dict__", "__base__", "__flags__", "__basicsize__", "__text_signature__",
             "__type_params__", "__abstractmethods__"]:
    print(name, repr(td[name]))
print(td["__name__"].__get__(K), td["__qualname__"].__get__(int), td["__mro__"].__get__(K))
print(td["__bases__"].__get__(K), td["__base__"].__get__(bool), td["__module__"].__get__(K))
print(K.__type_params__, K.__text_signature__, type.__module__)
print(bool(K.__flags__ & (1 << 9)), bool(int.__flags__ & (1 << 9)), bool(bool.__flags__ & (1 << 24)))
for call in [lambda: int.__abstractmethods__, lambda: type.__abstractmethods__,
             lambda: td["__name__"].__get__(5)]:
    try:
        call()
    except (AttributeError, TypeError) as e:
        print(type(e).__name__, e)
print(type[int], type(type[int]).__name__)
