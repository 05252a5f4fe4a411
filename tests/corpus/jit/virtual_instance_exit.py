# Instances created and consumed inside a hot loop (`Point(a, b).dot(q)`) are never
# allocated by the trace: exits inside the consuming call must rebuild them with the
# right class, attributes and identity, and classes the trace cannot treat that way
# (__del__, an __init__ with branches, extra attributes) must behave as in CPython.

kept = []


class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def dot(self, o):
        if self.x == 1234.0:
            kept.append(self)  # an untaken branch: the exit rebuilds `self`
        return self.x * o.x + self.y * o.y

    def scaled(self, k):
        return Point(self.x * k, self.y * k)


def dots(n):
    q = Point(1.0, 0.5)
    s = 0.0
    for i in range(n):
        s += Point(float(i), 2.0).dot(q)
    return s


def chained(n):
    q = Point(0.25, 4.0)
    s = 0.0
    for i in range(n):
        s += Point(float(i), 1.0).scaled(2.0).dot(q)
    return s


def type_change(n):
    q = Point(1.0, 1.0)
    s = 0.0
    for i in range(n):
        if i == n // 2:
            q.x = 3  # an int from now on: the float guard inside dot fails
        s += Point(float(i), 0.5).dot(q)
    return s


class Noisy:
    def __init__(self, v):
        self.v = v

    def __del__(self):
        if self.v % 1000 == 0:
            print("del", self.v)


def finalized(n):
    t = 0
    for i in range(n):
        t += Noisy(i).v
    return t


class Branchy:
    def __init__(self, v):
        if v < 0:
            v = -v
        self.v = v


def branchy(n):
    t = 0
    for i in range(n):
        t += Branchy(i - n // 2).v
    return t


class Extra:
    def __init__(self, a):
        self.a = a


def extra_attribute(n):
    t = 0
    for i in range(n):
        e = Extra(i)
        t += e.a
    return t


class BadInit:
    def __init__(self, a):
        self.a = a
        if a == 2500:
            return 1


def bad_init(n):
    t = 0
    try:
        for i in range(n):
            t += BadInit(i).a
    except TypeError as e:
        print(type(e).__name__, e, t)


print(dots(3000))
print(chained(3000))
print(type_change(3000))
print(finalized(3000))
print(branchy(3000))
print(extra_attribute(3000))
bad_init(3000)
print(len(kept), [(type(p).__name__, vars(p)) for p in kept])
