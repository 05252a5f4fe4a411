# Counter loops whose side traces are compiled into the root's function: a side path that
# changes the counter object's layout or class late in the loop, nested side paths, a
# second counter object, and a position the side path reads after the body stored it.


class Counter:
    def __init__(self):
        self.hits = 0
        self.misses = 0


class Other:
    def __init__(self):
        self.hits = 0
        self.misses = 0


def layout_change(n):
    c = Counter()
    for i in range(n):
        if i % 3 == 0:
            c.hits += 1
            if i == n - 300:
                c.extra = i
        else:
            c.misses += 1
    return c.hits, c.misses, c.extra, sorted(vars(c))


print(layout_change(6000))


def class_change(n):
    c = Counter()
    for i in range(n):
        if i % 3 == 0:
            c.hits += 1
            if i == n - 501:
                c.__class__ = Other
        else:
            c.misses += 1
    return c.hits, c.misses, type(c).__name__


print(class_change(6000))


def nested(n):
    c = Counter()
    c.even = 0
    for i in range(n):
        if i % 3 == 0:
            c.hits += 1
            if i % 2 == 0:
                c.even += 1
        else:
            c.misses += 1
    return c.hits, c.misses, c.even


print(nested(6000))


def two_counters(n):
    a = Counter()
    b = Counter()
    for i in range(n):
        if i % 4 == 0:
            a.hits += 1
            b.misses += 2
        else:
            a.misses += 1
        if i % 7 == 0:
            b.hits += i
    return a.hits, a.misses, b.hits, b.misses


print(two_counters(7000))


def swapped(n):
    a = Counter()
    b = Counter()
    c = a
    for i in range(n):
        if i % 3 == 0:
            c.hits += 1
            if i % 999 == 0:
                c = b if c is a else a
        else:
            c.misses += 1
    return a.hits, a.misses, b.hits, b.misses


print(swapped(6000))


def last_item(n):
    c = Counter()
    i = -1
    for i in range(n):
        if i % 3 == 0:
            c.hits += i
        else:
            c.misses += 1
    return i, c.hits, c.misses


print(last_item(5000), last_item(0))


def floats(n):
    c = Counter()
    c.hits = 0.5
    c.misses = -0.25
    for i in range(n):
        if i % 5 == 0:
            c.hits *= 1.5
        else:
            c.misses -= 0.125
        if c.hits > 1e300:
            c.hits = 1.0
    return c.hits, c.misses


print(floats(5000))
