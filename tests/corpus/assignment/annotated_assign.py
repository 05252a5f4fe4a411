# Annotated assignments: values stored, annotation-only names unbound, and the
# annotations dicts of modules, classes and functions.
# Python 3.14 defers annotations (PEP 649/749): they are computed by __annotate__ when
# __annotations__ is first read. This program prints the same under 3.13's eager
# semantics and 3.14's deferred ones, and checks these 3.14 behaviours: module
# annotations read through the module object; annotations in a branch that did not run
# are left out (3.14's __conditional_annotations__); class annotations see class-level
# names; method annotations see names of the class body; names are mangled; local
# annotations in functions are never stored; a subclass gets its own empty dict;
# __annotations__ can be replaced, with CPython's type check.
import sys
x: int = 5
y: list = [1, 2]
z: str
print(x, y)
try:
    print(z)
except NameError as e:
    print(type(e).__name__, e)
if False:
    skipped: int
for i in range(1):
    looped: float
try:
    raise ValueError
    after_raise: bytes
except ValueError:
    handled: complex
module = sys.modules[__name__]
print(module.__annotations__)
def f():
    a: int = 3
    b: float
    return a
print(f(), f.__annotations__)
def g(p: int, q: "str" = "s", *args: float, k: bool, **kw: dict) -> None:
    return p
print(g.__annotations__)
def h(a, /, b: int, c: str): pass
print(h.__annotations__)
class C:
    n: int = 0
    m: str
    T = float
    k: T
    __secret: bytes
    if True:
        shown: int
    else:
        hidden: str
    def meth(self, v: T) -> "C":
        pass
print(C.n, C.__annotations__)
print(C.meth.__annotations__)
class D(C):
    pass
print(D.__annotations__)
def outer():
    local_type = list
    class Inner:
        item: local_type
    return Inner
print(outer().__annotations__)
g.__annotations__ = {"replaced": True}
print(g.__annotations__)
try:
    g.__annotations__ = 5
except TypeError as e:
    print(type(e).__name__, e)
del g.__annotations__
print(g.__annotations__)
count: int = 0
for i in range(5):
    count += i
print(count)
