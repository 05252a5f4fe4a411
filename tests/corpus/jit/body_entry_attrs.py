# Body entry when the root keeps an attribute in a register (stored back every
# iteration): the side trace's own attribute stores, aliasing objects, type changes and
# replaced objects must all be seen by the loop body it jumps into.


class Counter:
    def __init__(self):
        self.hits = 0
        self.misses = 0


def tally(n):
    c = Counter()
    for i in range(n):
        if i % 3 == 0:
            c.hits += 1
        else:
            c.misses += 1
    return c.hits, c.misses


def same_attribute(n):
    # The side path updates the attribute the root carries in a register.
    c = Counter()
    for i in range(n):
        if i % 4 == 0:
            c.misses += 10
        else:
            c.misses += 1
    return c.hits, c.misses


def aliased(n):
    # `d` is `c` under another name on the side path.
    c = Counter()
    d = c
    for i in range(n):
        if i % 5 == 0:
            d.misses = d.misses * 2
        else:
            c.misses += 1
    return c.misses


def other_object(n):
    c = Counter()
    e = Counter()
    for i in range(n):
        if i % 3 == 0:
            e.misses += 1
        else:
            c.misses += 1
    return c.misses, e.misses


def becomes_float(n):
    c = Counter()
    for i in range(n):
        if i == n // 2:
            c.hits = 0.5
        else:
            c.misses += 1
        if i % 7 == 0:
            c.hits += 1
    return c.hits, c.misses


def replaced(n):
    c = Counter()
    for i in range(n):
        if i % 50 == 49:
            c = Counter()
        else:
            c.misses += 1
    return c.misses


def grows_big(n):
    c = Counter()
    c.misses = 1
    for i in range(n):
        if i % 2 == 0:
            c.hits += 1
        else:
            c.misses *= 1000
    return c.hits, c.misses


def new_attribute(n):
    c = Counter()
    for i in range(n):
        if i == n - 10:
            c.extra = i
        else:
            c.misses += 1
    return c.misses, c.extra


class Stepper:
    def __init__(self):
        self.pos = 0.0
        self.bounces = 0


def float_attr(n):
    s = Stepper()
    v = 0.75
    for i in range(n):
        if s.pos > 10.0:
            s.bounces += 1
            v = -v
        s.pos += v
        if s.pos < 0.0:
            v = -v
    return round(s.pos, 6), s.bounces


print(tally(3000))
print(same_attribute(400))
print(aliased(60))
print(other_object(400))
print(becomes_float(400))
print(replaced(400))
print(grows_big(20))
print(new_attribute(200))
print(float_attr(500))
