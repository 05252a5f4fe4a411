# sum(): ints, floats, start value, lists via start, and precision behaviour.
print(sum([1, 2, 3]), sum([]), sum([], 10), sum(range(10), start=100), sum([0.1] * 10))
print(sum([1e100, 1.0, -1e100]), sum([0.1, 0.2, 0.3]), sum([1, 2.5]), sum([True, True, False]))
print(sum([[1], [2, 3]], []), sum([(1,), (2,)], ()), sum(x * x for x in range(5)))
print(sum([10 ** 20, 10 ** 20]), sum([-1, 1]), sum([2 ** 64] * 4))
print(sum([0.5, 0.25], 1), sum((1.5, 2.5)), sum([1] * 1000), sum([1.1] * 3))
try:
    sum(['a', 'b'])
except TypeError as e:
    print(type(e).__name__, e)
try:
    sum([b'a'], b'')
except TypeError as e:
    print(type(e).__name__, e)
try:
    sum(5)
except TypeError as e:
    print(type(e).__name__, e)
try:
    sum([1, 'x'])
except TypeError as e:
    print(type(e).__name__, e)
