# Attribute counters updated in hot loops (loop_attr's tally): plain instances and
# __slots__, a second name for the same object, a callee reading the object mid-loop,
# an exception mid-loop, ints crossing the 48-bit immediate range and i64, and floats.

class Counter:
    def __init__(self):
        self.hits = 0
        self.misses = 0


class Slotted:
    __slots__ = ("hits", "misses")

    def __init__(self):
        self.hits = 0
        self.misses = 0


def tally(c, n):
    for i in range(n):
        if i % 3 == 0:
            c.hits += 1
        else:
            c.misses += 1
    return c.hits, c.misses


print(tally(Counter(), 3000))
print(tally(Slotted(), 3001))


def aliased(n):
    c = Counter()
    d = c
    for i in range(n):
        if i % 4 == 0:
            c.hits += 1
        else:
            d.misses += 2
        if d.hits == 7:
            d.hits = 100
    return c.hits, d.misses, c is d


print(aliased(2000))


seen = []


def look(c):
    seen.append((c.hits, c.misses))


def with_callee(n):
    c = Counter()
    for i in range(n):
        if i % 5 == 0:
            c.hits += 1
            if i % 500 == 0:
                look(c)
        else:
            c.misses += 1
    return c.hits, c.misses


print(with_callee(3000), seen[:4], len(seen))


def raising(n):
    c = Counter()
    try:
        for i in range(n):
            if i % 3 == 0:
                c.hits += 1
            else:
                c.misses += 1
            if i == n - 7:
                raise ValueError(i)
    except ValueError as e:
        print("raised at", e.args[0], c.hits, c.misses)
    return c


r = raising(2500)
print(r.hits, r.misses)


def crossing(start, step, n):
    c = Counter()
    c.hits = start
    c.misses = -start
    for i in range(n):
        if i % 2 == 0:
            c.hits += step
        else:
            c.misses -= step
    return c.hits, c.misses


print(crossing(2**47 - 1500, 1, 4000))
print(crossing(2**47 - 1500, 3, 4000))
print(crossing(2**63 - 3000, 2, 4000))
print(crossing(-(2**63) + 1000, -1, 4000))


def growing(n):
    c = Counter()
    c.hits = 1
    c.misses = -1
    for i in range(n):
        c.hits *= 3
        if i % 7 == 0:
            c.misses *= 2
    return c.hits, c.misses


print(growing(60))
print(growing(1500) == (3**1500, -(2 ** len(range(0, 1500, 7)))))


def local_growing(n):
    x = 1
    y = 7
    for i in range(n):
        x = x * 3
        y = y + 2**40
    return x, y


print(local_growing(70))


class Point:
    def __init__(self):
        self.x = 0.0
        self.y = 0.5


def floats(n):
    p = Point()
    for i in range(n):
        if i % 3 == 0:
            p.x += 0.25
        else:
            p.y *= 1.0001
    return p.x, p.y


print(floats(3000))


def identity(n):
    c = Counter()
    c.hits = 10**20
    big = c.hits
    for i in range(n):
        if i % 2:
            c.misses += 1
        else:
            c.hits += 0
    return c.hits is big, c.hits == big, c.misses


print(identity(2000))
