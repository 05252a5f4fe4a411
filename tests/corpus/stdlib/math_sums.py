# math: fsum (exact), hypot and dist (accurate), sumprod and prod
import math

print(repr(math.fsum([0.1] * 10)), repr(sum([0.1] * 10)))
print(repr(math.fsum([1e-16, 1.0, 1e16])))
print(repr(math.fsum([1e308, -1e308, 1e308])))
print(repr(math.fsum([])), repr(math.fsum([-0.0])), repr(math.fsum([1, 2, 3])))
print(repr(math.fsum([1.0, 1e100, 1.0, -1e100] * 1000)))
print(repr(math.fsum([float("inf"), 1.0])), repr(math.fsum([float("nan"), 1.0])))
print(repr(math.fsum(x / 7 for x in range(1, 1000))))
print(repr(math.fsum([2.0 ** -1074, 1.0, -1.0])))
vals = [((i * 7919) % 1000 - 500) * 1.1 ** (i % 50) for i in range(2000)]
print(repr(math.fsum(vals)), repr(sum(vals)))
for bad in ([1e308, 1e308], [float("inf"), float("-inf")], ["x"], 5):
    try:
        print(math.fsum(bad))
    except Exception as e:
        print(type(e).__name__, e)

print(repr(math.hypot()), repr(math.hypot(-3)), repr(math.hypot(3, 4)), repr(math.hypot(1, 1)))
print(repr(math.hypot(1e308, 1e308)), repr(math.hypot(5e-324, 5e-324)), repr(math.hypot(1e-310, 3e-310)))
print(repr(math.hypot(*[0.1 * i for i in range(100)])))
print(repr(math.hypot(float("inf"), float("nan"))), repr(math.hypot(float("nan"), 1)))
print(repr(math.hypot(1.5, 2, 3.25, 4)), repr(math.hypot(True, 2**60)))
print(repr(math.dist((1, 2), (4, 6))), repr(math.dist([0.1, 0.2, 0.3], (1.0, -2.0, 3.5))))
print(repr(math.dist(iter([1.0]), iter([2.5]))), repr(math.dist((), ())))
for args in [((1,), (1, 2)), (1, 2), ((1,), ("a",))]:
    try:
        print(math.dist(*args))
    except Exception as e:
        print(type(e).__name__, e)

print(math.sumprod([1, 2, 3], [4, 5, 6]), math.sumprod([], []))
print(repr(math.sumprod([0.1] * 10, [1.0] * 10)), repr(math.sumprod([1e16, 1.0, -1e16], [1.0, 1.0, 1.0])))
print(repr(math.sumprod([1, 2.5, 3], [0.5, 2, True])), math.sumprod([2**62, 2**62], [4, 4]))
print(repr(math.sumprod([1.5, 2], [2, 1e308])))
print(repr(math.sumprod([1e308, 1e308], [10.0, -10.0])))
for args in [([1], [1, 2]), ([1], 5)]:
    try:
        print(math.sumprod(*args))
    except Exception as e:
        print(type(e).__name__, e)

print(math.prod([]), math.prod(range(1, 25)), math.prod([2] * 70), math.prod([1, 2.5, 3]))
print(repr(math.prod([0.1] * 5)), math.prod([[1]], start=3), math.prod([], start=2.5))
print(math.prod([3, 2**62, 5]), repr(math.prod([1.5, 2**70])), math.prod(["ab", 3]))
for call in [lambda: math.prod([1], 2), lambda: math.prod([1], begin=2), lambda: math.prod(5)]:
    try:
        print(call())
    except Exception as e:
        print(type(e).__name__, e)
