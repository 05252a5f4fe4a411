# Generator expressions: laziness, scoping, first iterable evaluated eagerly
def source(n):
    print("source created")
    for i in range(n):
        print("producing", i)
        yield i

ge = (x * 10 for x in source(3))
print("genexpr made")
print(next(ge))
print(list(ge))
print(sum(x for x in range(10) if x % 2))
print(list((a, b) for a in range(3) for b in range(a)))
print(type(x for x in ()).__name__)
print((x for x in ()).__name__)
g = (y for y in [1])
print(g.__qualname__)
x = 5
print(list(x for x in range(3)), x)
try:
    (1 / 0 for _ in range(3))
    print("no error until iterated")
    gen = (1 / n for n in [1, 0])
    print(next(gen))
    next(gen)
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
try:
    (v for v in 5)
except TypeError as e:
    print("TypeError:", e)
print(max((len(w), w) for w in "the quick brown fox".split()))
print("".join(c.upper() for c in "abc"))
print(sorted((i % 3 for i in range(7)), reverse=True))
def make():
    return [lambda: i for i in range(3)]
print([f() for f in make()])
nested = ((i, j) for i in range(2) for j in (k for k in range(i + 1)))
print(list(nested))
print(any(x > 2 for x in [1, 2, 3]), all(x > 2 for x in [3, 4]))
