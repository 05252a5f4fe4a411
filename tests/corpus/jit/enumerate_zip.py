# `enumerate` and `zip` over lists, tuples and ranges, inlined into traces: the tuples they
# produce are unpacked straight away and never allocated; positions and counts are written
# back at exits.


def weighted(items):
    s = 0
    for i, x in enumerate(items):
        s += i * x
    return s


def enumerate_start(items):
    s = 0
    for i, x in enumerate(items, 10):
        s += i - x
    return s


def dot(a, b):
    s = 0.0
    for x, y in zip(a, b):
        s += x * y
    return s


def zip_three(a, b, c):
    s = 0
    for x, y, z in zip(a, b, c):
        s += x * y - z
    return s


def zip_range(items):
    s = 0
    for i, x in zip(range(1000, 0, -3), items):
        s += i ^ x
    return s


def enumerate_break(items):
    for i, x in enumerate(items):
        if x < 0:
            return i
    return -1


def pairs_kept(items):
    # The tuple escapes: it is stored, so it must exist.
    last = None
    n = 0
    for pair in enumerate(items):
        last = pair
        n += pair[0]
    return n, last


def zip_uneven():
    a = list(range(100))
    b = list(range(70))
    it_a = iter(a)
    n = 0
    for x, y in zip(it_a, b):
        n += x + y
    return n, next(it_a)


def zip_strict(a, b):
    try:
        s = 0
        for x, y in zip(a, b, strict=True):
            s += x * y
        return s
    except ValueError as e:
        return type(e).__name__, str(e)


print(weighted(list(range(500))))
print(weighted(tuple(range(0, 1000, 2))))
print(enumerate_start([3] * 400))
print(dot([i * 0.25 for i in range(300)], [1.5] * 300))
print(zip_three(list(range(200)), tuple(range(200, 400)), [7] * 250))
print(zip_range(list(range(500))))
print(enumerate_break(list(range(300)) + [-1] + [5] * 10))
print(pairs_kept(list(range(100, 400))))
print(zip_uneven())
print(zip_strict(list(range(100)), list(range(100))))
print(zip_strict(list(range(100)), list(range(99))))
big = 0
for i, x in enumerate([2 ** 40] * 200):
    big += x * i
print(big)
