# tuple methods and operations: count, index, concatenation, nesting, hashing, immutability.
t = (1, 2, 3, 2, 1, 2)
print(t.count(2), t.count(9), t.index(3), t.index(2, 2), t.index(1, 1))
print(t + (4,), t * 2, (0,) * 3, (), (1,), (1), tuple([1]), len(()), t[::2], t[-1])
print((1, 2) < (1, 2, 0), (1, [2]) == (1, [2]), (3, 'a') > (3, 'B'), hash((1, 2)) == hash((1, 2)))
a, b = t[:2]
print(a, b, max(t), min(t), sum(t), sorted(t), 2 in t)
nested = ((1, 2), (3, (4, 5)))
print(nested[1][1][0], len(nested))
mutable_inside = ([1], 2)
mutable_inside[0].append(9)
print(mutable_inside)
try:
    mutable_inside[0] += [10]
except TypeError as e:
    print(type(e).__name__, e)
print(mutable_inside)
for bad in [lambda: t.index(9), lambda: t.__setitem__(0, 1), lambda: (1, 2) + [3], lambda: hash(([],))]:
    try:
        bad()
    except (ValueError, TypeError, AttributeError) as e:
        print(type(e).__name__, e)
