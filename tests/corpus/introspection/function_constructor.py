# types.FunctionType(code, globals, name, argdefs, closure, kwdefaults) and
# types.CellType([contents]): building functions from code objects (with new globals, a
# closure of cells, defaults), globals that are dict subclasses (__missing__ answers
# global lookups), and the argument errors with CPython's messages.
import types


def add(a, b=2, *, c=3):
    return a + b + c + offset


g = {"offset": 100}
f = types.FunctionType(add.__code__, g)
print(f.__name__, f.__qualname__, f.__defaults__, f.__kwdefaults__, f.__globals__ is g)
try:
    f(1)
except TypeError as e:
    print(type(e).__name__, e)
f2 = types.FunctionType(add.__code__, g, "renamed", (5,), None, {"c": 7})
print(f2.__name__, f2(1), f2.__defaults__, f2.__kwdefaults__)


def outer():
    x = 10

    def inner():
        return x
    return inner


inner = outer()
cell = types.CellType(42)
print(cell.cell_contents, types.FunctionType(inner.__code__, {}, closure=(cell,))())
empty = types.CellType()
try:
    empty.cell_contents
except ValueError as e:
    print(type(e).__name__, e)
empty.cell_contents = "set later"
print(types.FunctionType(inner.__code__, {}, closure=(empty,))())


class Fallback(dict):
    def __missing__(self, key):
        return f"<{key}>"


def uses_globals():
    return (missing_name, len)


print(types.FunctionType(uses_globals.__code__, Fallback())())

bad_calls = [
    lambda: types.FunctionType(1, {}),
    lambda: types.FunctionType(add.__code__, []),
    lambda: types.FunctionType(add.__code__, {}, 5),
    lambda: types.FunctionType(add.__code__, {}, None, [1]),
    lambda: types.FunctionType(add.__code__, {}, None, None, None, []),
    lambda: types.FunctionType(inner.__code__, {}),
    lambda: types.FunctionType(inner.__code__, {}, closure=(1,)),
    lambda: types.FunctionType(inner.__code__, {}, closure=(cell, cell)),
    lambda: types.FunctionType(add.__code__, {}, closure=(cell,)),
    lambda: types.FunctionType(inner.__code__, {}, closure=[cell]),
    lambda: types.FunctionType(add.__code__),
    lambda: types.CellType(1, 2),
]
for call in bad_calls:
    try:
        call()
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
