# dir() of builtin types and their instances lists their data attributes (getsets and
# members such as int.real, slice.start) and __doc__ as CPython's does. (Types whose
# dunder set still differs, such as functions and generators, are checked by name.)
import sys

def f():
    pass

def g():
    yield 1

class C:
    def m(self):
        pass

for obj in [1, True, 1.5, 2j, "s", [], (), {}, set(), frozenset(), range(3), slice(1),
            object(), int, complex, slice, bool, C, C()]:
    names = dir(obj)
    print(type(obj).__name__, names == sorted(names), len(names) == len(set(names)))
    print(names)
print([n for n in dir(f) if not n.startswith("__") or n in ("__code__", "__defaults__", "__name__")])
print([n for n in dir(C().m) if n in ("__func__", "__self__")])
print([n for n in dir(g()) if n.startswith("gi_")], [n for n in dir(f.__code__) if n.startswith("co_") and n[3:] in ("name", "flags", "varnames")])
print([n for n in dir(ValueError("x")) if n in ("args", "__traceback__", "__cause__", "__context__", "__suppress_context__")])
print(all(hasattr(1, n) for n in dir(1)), all(hasattr(slice(1), n) for n in dir(slice(1))))
print(C.__doc__, C().__doc__, (1).__doc__ is None or isinstance((1).__doc__, str))
print(list(C.__dict__))
