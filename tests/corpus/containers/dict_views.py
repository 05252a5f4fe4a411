# dict views: dynamic updates, set operations on keys/items, membership, reversed, len.
d = {'a': 1, 'b': 2, 'c': 3}
k, v, it = d.keys(), d.values(), d.items()
print(k, v, it)
d['d'] = 4
del d['a']
print(k, v, it, len(k))
print(k & {'b', 'x'}, sorted(k | {'z'}), sorted(k - {'b'}), sorted(k ^ {'b', 'q'}))
print(it & {('b', 2), ('c', 99)}, ('c', 3) in it, ('c', 4) in it, 'b' in k, 3 in v)
print(k == {'b', 'c', 'd'}, list(reversed(k)), list(reversed(v)), list(reversed(it)))
print(k.isdisjoint({'x'}), d.keys() <= {'b', 'c', 'd', 'e'}, sorted(d.keys() - 'bd'))
try:
    v & {1}
except TypeError as e:
    print(type(e).__name__, e)
print(list(d), [key for key in d], list(zip(d.keys(), d.values())))
