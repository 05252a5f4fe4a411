# itertools: accumulate, chain, compress, dropwhile, takewhile, filterfalse, starmap, pairwise, batched, zip_longest, islice
import itertools as it
import operator

def show(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

print(list(it.accumulate([1, 2, 3, 4, 5])))
print(list(it.accumulate([1, 2, 3, 4, 5], operator.mul)))
print(list(it.accumulate([3, 1, 4, 1, 5], max)))
print(list(it.accumulate([1, 2, 3], initial=100)))
print(list(it.accumulate([], initial=5)))
print(list(it.accumulate([])))
print(list(it.accumulate('abc')))
print(list(it.accumulate([1, 2], func=lambda a, b: a - b, initial=None)))
show(lambda: it.accumulate())
show(lambda: list(it.accumulate([1, 'a'])))

print(list(it.chain('ab', [1, 2], (), range(3))))
print(list(it.chain()))
print(list(it.chain.from_iterable(['ab', 'cd', []])))
print(list(it.chain.from_iterable(x for x in [[1], [2, 3]])))
show(lambda: it.chain(x=1))
show(lambda: list(it.chain([1], 1)))
show(lambda: it.chain.from_iterable(1))
ch = it.chain([1], 5)
print(next(ch))
show(lambda: next(ch))

print(list(it.compress('ABCDEF', [1, 0, 1, 0, 1, 1])))
print(list(it.compress('ABC', [1, 1, 1, 1, 1])))
print(list(it.compress(data='AB', selectors=[0, 1])))
show(lambda: it.compress([1]))

print(list(it.dropwhile(lambda x: x < 5, [1, 4, 6, 3, 8])))
print(list(it.takewhile(lambda x: x < 5, [1, 4, 6, 3, 8])))
print(list(it.filterfalse(lambda x: x % 2, range(10))))
print(list(it.filterfalse(None, [0, 1, '', 'a', None, []])))
show(lambda: it.dropwhile(len))
show(lambda: it.takewhile())
show(lambda: it.filterfalse(None))
show(lambda: list(it.takewhile(lambda x: 1 / x, [1, 0])))

print(list(it.starmap(pow, [(2, 5), (3, 2), (10, 3)])))
print(list(it.starmap(lambda *a: a, [[1, 2], 'xy', ()])))
show(lambda: it.starmap(len))
show(lambda: it.starmap(len, 1))
show(lambda: list(it.starmap(len, [1])))

print(list(it.pairwise('ABCDE')))
print(list(it.pairwise('A')), list(it.pairwise([])))
show(lambda: it.pairwise())
show(lambda: it.pairwise(1))

print(list(it.batched('ABCDEFG', 3)))
print(list(it.batched(range(4), 2)))
print(list(it.batched([], 2)))
print(list(it.batched('ABCD', n=2, strict=True)))
show(lambda: list(it.batched('ABC', 2, strict=True)))
show(lambda: it.batched([1], 0))
show(lambda: it.batched([1]))
show(lambda: it.batched([1], 'a'))

print(list(it.zip_longest('ABCD', 'xy', fillvalue='-')))
print(list(it.zip_longest('AB', [1, 2, 3], [True])))
print(list(it.zip_longest()))
show(lambda: it.zip_longest([1], fillvalue=1, x=2))

print(list(it.islice('ABCDEFG', 2)))
print(list(it.islice('ABCDEFG', 2, 4)))
print(list(it.islice('ABCDEFG', 2, None)))
print(list(it.islice('ABCDEFG', 0, None, 2)))
print(list(it.islice('ABCDEFG', None)))
print(list(it.islice('ABCDEFG', None, None, None)))
print(list(it.islice(it.count(), 3, 20, 5)))
print(list(it.islice('AB', 5, 10)))
source = iter(range(10))
print(list(it.islice(source, 3)), next(source))
for args in [(), (-1,), ('a',), (1, -1), (-1, 2), (0, 2, 0), (0, 2, 'x'), (0, 2, 1, 3), (2.5,)]:
    show(lambda: it.islice([1, 2, 3], *args))
show(lambda: it.islice([1, 2, 3], stop=2))
