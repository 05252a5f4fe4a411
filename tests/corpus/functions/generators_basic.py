# Simple generator functions and generator expressions consumed by builtins and loops.
def count_up(n):
    i = 0
    while i < n:
        yield i
        i += 1
print(list(count_up(5)), sum(count_up(101)))
def evens(seq):
    for x in seq:
        if x % 2 == 0:
            yield x
print(list(evens(range(15))))
gen = (x * x for x in range(5))
print(next(gen), next(gen), list(gen), list(gen))
def fib_gen():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b
out = []
for v in fib_gen():
    if v > 200:
        break
    out.append(v)
print(out)
def delegate():
    yield from range(3)
    yield from 'ab'
print(list(delegate()))
g = count_up(2)
print(next(g), next(g), next(g, 'exhausted'))
try:
    next(g)
except StopIteration as e:
    print(type(e).__name__, repr(e))
print(sorted(x % 7 for x in range(20)), max(len(w) for w in 'a bb ccc'.split()))
