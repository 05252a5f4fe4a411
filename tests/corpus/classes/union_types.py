# PEP 604 unions: X | Y between classes, None and generic aliases (types.UnionType): repr,
# __args__, flattening and de-duplication, equality and hashing, isinstance/issubclass,
# __parameters__, typing.get_args/get_origin/get_type_hints, and the errors.
import types, typing
U = int | None
print(U, repr(U), U.__args__, U == (None | int), hash(U) == hash(None|int), int | int, list[int] | str, (int|str)|(bytes|int))
print(isinstance(3, int|str), issubclass(bool, int|None), U.__parameters__, type(U).__module__, type(U).__qualname__)
T = typing.TypeVar('T')
print(list[T] | int, (list[T] | int).__parameters__)
try: isinstance(3, list[int] | str)
except TypeError as e: print(e)
try: int | 3
except TypeError as e: print(e)
print(typing.get_args(int|str), typing.get_origin(int|str))
class A: pass
print(A | None, typing.Optional[A] == (A | None))
print(types.UnionType is type(int | str))
def f(x: int | None, y: "A | None") -> list[int] | None: pass
print(typing.get_type_hints(f))
print(int | str == str | int, (int | str) | None, None | int, str | list[int])
for bad in (lambda: int | 3, lambda: 3 | int, lambda: None | None):
    try:
        bad()
    except TypeError as e:
        print(type(e).__name__, e)
try:
    issubclass(int, list[int] | str)
except TypeError as e:
    print(e)
try:
    class Sub(type(int | str)):
        pass
except TypeError as e:
    print(type(e).__name__, e)
print({int | str: 1}[str | int], len({int | None, None | int}))
