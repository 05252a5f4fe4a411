# types.GenericAlias: list[int] and friends — repr, __origin__/__args__/__parameters__,
# equality and hashing, calling, attribute forwarding, isinstance errors, PEP 560 bases.
print(list[int], dict[str, int], tuple[int, ...], type[int], tuple[()], list[list[int]])
print(frozenset[int], set[str], enumerate[int], dict[str, list[tuple[int, ...]]])
a = list[int]
print(a.__origin__, a.__args__, a.__parameters__, type(a), type(a).__module__, type(a).__name__)
print(a.__class__ is type(a), a.__unpacked__)
print(a == list[int], a != list[str], a == list, hash(a) == hash(list[int]))
print({list[int]: "found"}[list[int]], len({a, list[int], list[str]}))
print(a(), a("ab"), a.__name__, a.__qualname__, a.append is list.append)
print(dict[str, int](x=1), tuple[int, ...]((1, 2)))
for bad in (lambda: isinstance([], list[int]), lambda: issubclass(list, list[int])):
    try:
        bad()
    except TypeError as e:
        print(type(e).__name__, e)
try:
    list[int][str]
except TypeError as e:
    print(type(e).__name__, e)
try:
    list[int].nonexistent
except AttributeError as e:
    print(type(e).__name__)
class MyList(list[int]):
    pass
print(MyList.__mro__, MyList.__orig_bases__, MyList([1, 2]))
class Plain(dict):
    pass
print(hasattr(Plain, "__orig_bases__"))
GA = type(a)
print(GA(list, int), GA(dict, (str, int)), GA(list, int) == list[int])
try:
    GA(list)
except TypeError as e:
    print(type(e).__name__, e)
class Box:
    pass
print(dict[str, Box], list[...], list[None], tuple[int, str][0] if False else tuple[int, str])
print(repr(list[int]), str(list[int]), f"{list[int]}")
print(type[int].__origin__ is type, type[int](3))
print(list[int].__mro_entries__((list[int],)))
