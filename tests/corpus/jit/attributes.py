# Instance attribute loads and stores in traces (guarded by the type version and the
# instance's map): every way the guards can fail mid-loop must give the interpreter's results.


class Counter:
    def __init__(self):
        self.hits = 0
        self.misses = 0
        self.f = 0.5


def tally(n):
    c = Counter()
    for i in range(n):
        if i % 3 == 0:
            c.hits += 1
        else:
            c.misses += 1
        c.f = c.f * 1.0001
    return c.hits, c.misses, round(c.f, 6)


def type_changes(n):
    c = Counter()
    for i in range(n):
        c.hits += 1
        if i == n // 2:
            c.hits = 0.5  # int -> float in the middle
        if i == n - 10:
            c.hits = 10 ** 20  # a big int: the store guard refuses, the interpreter stores
    return c.hits


def map_changes(n):
    c = Counter()
    for i in range(n):
        c.hits += i
        if i == 500:
            c.extra = "new attribute"  # the instance's map changes
        if i == 700:
            del c.misses  # and again
    return c.hits, c.extra, hasattr(c, "misses")


def class_mutated(n):
    c = Counter()
    total = 0
    for i in range(n):
        total += c.hits
        c.hits += 1
        if i == 300:
            Counter.bonus = 1  # the type version changes
    return total, c.hits


class Slotted:
    __slots__ = ("a", "b")

    def __init__(self):
        self.a = 1
        self.b = 2.0


def slotted(n):
    s = Slotted()
    for i in range(n):
        s.a += 1
        s.b *= 1.5
    return s.a, s.b


class Prop:
    def __init__(self):
        self._v = 0

    @property
    def v(self):
        return self._v + 100


def with_property(n):
    p = Prop()
    total = 0
    for i in range(n):
        total += p.v
        p._v += 1
    return total


def missing_attribute(n):
    c = Counter()
    for i in range(n):
        c.hits += 1
        if i == 400:
            del c.hits
    return c.hits


def nan_store(n):
    c = Counter()
    for i in range(n):
        c.f = c.f * 2.0
        if i > 2000:
            c.f = float("inf") - float("inf")
    return c.f


print(tally(3000))
print(type_changes(1000))
print(map_changes(1000))
print(class_mutated(1000))
print(slotted(100))
print(with_property(1000))
try:
    missing_attribute(1000)
except AttributeError as e:
    print(type(e).__name__, e)
print(nan_store(2010))
