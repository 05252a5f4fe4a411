# list/tuple/dict/set/frozenset constructors from various iterables and their errors.
print(list(), list('abc'), list((1, 2)), list(range(3)), list({'a': 1, 'b': 2}), list({'a': 1}.items()))
print(tuple(), tuple([1, 2]), tuple('xy'), tuple(x * 2 for x in range(3)))
print(dict(), dict(a=1, b=2), dict([('x', 1), ('y', 2)]), dict({'k': 'v'}, extra=1), dict(zip('ab', 'cd')))
print(dict([('a', 1), ('a', 2)]), dict(['ab', 'cd']))
print(set(), set('hello') == {'h', 'e', 'l', 'o'}, set([3, 1, 2]), frozenset(), frozenset([1, 1, 2]))
print(sorted(set('mississippi')), frozenset('aa') == {'a'}, set(range(5)) - {0, 4})
l = [1, 2]
l2 = list(l)
l2.append(3)
print(l, l2, l is not l2, tuple(l) == (1, 2))
bad = [lambda: list(5), lambda: dict([1, 2]), lambda: dict([('a', 1, 2)]), lambda: dict(['abc']),
       lambda: set([[1]]), lambda: tuple(None), lambda: frozenset(3), lambda: dict(1)]
for b in bad:
    try:
        b()
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
