# Starred assignment targets and starred expressions in displays and calls.
first, *rest = [1, 2, 3, 4]
print(first, rest)
*init, last = 'abcde'
print(init, last)
a, *mid, z = range(6)
print(a, mid, z)
a, *mid, z = (1, 2)
print(a, mid, z)
(x, *ys), w = [1, 2, 3], 4
print(x, ys, w)
print([*range(3), *'ab', *(9,)])
print((*[1, 2], 3), {*[1, 1, 2]}, {**{'a': 1}, 'b': 2, **{'a': 3}})
def f(*args, **kw):
    return args, sorted(kw.items())
print(f(*[1, 2], *(3,), **{'k': 1}, j=2))
for h, *t in [(1, 2, 3), (4,), 'xyz']:
    print(h, t)
try:
    a, *b, c = [1]
except ValueError as e:
    print(type(e).__name__, e)
*s, = 'hi'
print(s)
