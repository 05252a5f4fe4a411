# Generators: yield, next(), exhaustion, list(), StopIteration from next()
def count(n):
    i = 0
    while i < n:
        yield i
        i += 1

g = count(3)
print(type(g).__name__)
print(next(g), next(g), next(g))
try:
    next(g)
except StopIteration as e:
    print("stop", e.args, e.value)
print(list(count(5)))
print(sum(count(101)))
print(next(count(0), "default"))
it = iter(count(2))
print(it is iter(it))
def empty():
    return
    yield
print(list(empty()))
def two_yields():
    x = yield 1
    print("got", x)
    y = yield 2
    print("got", y)
print(list(two_yields()))
print([a * b for a, b in zip(count(4), count(10))])
print(dict(enumerate(count(3))))
