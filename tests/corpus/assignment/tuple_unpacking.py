# Tuple/list unpacking, nested targets, swapping and unpacking from iterables.
a, b = 1, 2
print(a, b)
a, b = b, a
print(a, b)
(c, d), e = (3, 4), 5
print(c, d, e)
[f, g] = 'xy'
print(f, g)
h, (i, [j, k]) = 1, (2, [3, 4])
print(h, i, j, k)
x = y = z = 0
print(x, y, z)
p, q, r = range(3)
print(p, q, r)
m, n = {'one': 1, 'two': 2}
print(m, n)
for (u, v), w in [((1, 2), 3), ((4, 5), 6)]:
    print(u + v + w)
lst = [0, 0, 0]
i = 0
i, lst[i] = 1, 9
print(i, lst)
try:
    a, b = 1, 2, 3
except ValueError as e:
    print(type(e).__name__, e)
try:
    a, b, c = [1, 2]
except ValueError as e:
    print(type(e).__name__, e)
try:
    a, b = 5
except TypeError as e:
    print(type(e).__name__, e)
