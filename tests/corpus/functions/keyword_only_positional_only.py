# Keyword-only (after *) and positional-only (before /) parameters and their errors.
def f(a, b, /, c, *, d, e=5):
    return (a, b, c, d, e)
print(f(1, 2, 3, d=4))
print(f(1, 2, c=3, d=4, e=6))
def g(x, /, **kw):
    return x, kw
print(g(1, x=2))
tests = [
    lambda: f(1, b=2, c=3, d=4),
    lambda: f(1, 2, 3, 4),
    lambda: f(1, 2, 3),
    lambda: f(1, 2, 3, d=4, z=0),
    lambda: f(a=1, b=2, c=3, d=4),
]
for t in tests:
    try:
        print(t())
    except TypeError as e:
        print(type(e).__name__, e)
def h(*, key):
    return key
print(h(key='k'))
try:
    h('k')
except TypeError as e:
    print(type(e).__name__, e)
