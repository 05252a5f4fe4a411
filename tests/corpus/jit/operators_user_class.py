# Operators of user classes in hot loops: the method the interpreter calls first inlined
# (forward, in-place, reflected for a builtin number on the left, reflected first for a
# subclass overriding it), comparisons, results that are new objects used in the same
# iteration, and exits inside the methods (a field changing type mid-loop, an exception)
# that must run the operator again exactly.


class Vec:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def __add__(self, o):
        return Vec(self.x + o.x, self.y + o.y)

    def __sub__(self, o):
        return Vec(self.x - o.x, self.y - o.y)

    def __mul__(self, k):
        return Vec(self.x * k, self.y * k)

    def __rmul__(self, k):
        return Vec(k * self.x, k * self.y)

    def __lt__(self, o):
        return self.x * self.x + self.y * self.y < o.x * o.x + o.y * o.y

    def __eq__(self, o):
        return self.x == o.x and self.y == o.y

    def dot(self, o):
        return self.x * o.x + self.y * o.y

    def __repr__(self):
        return f"Vec({self.x}, {self.y})"


def lerp_sum(points, t):
    total = 0.0
    for i in range(len(points) - 1):
        a = points[i]
        b = points[i + 1]
        m = a + (b - a) * t
        total += m.dot(m)
    return total


pts = [Vec(i * 0.5, i * 0.25) for i in range(500)]
print(lerp_sum(pts, 0.25))
# Ints in some points: the float guards inside __add__ fail mid-loop.
pts2 = pts[:300] + [Vec(i, 2 * i) for i in range(200)]
print(lerp_sum(pts2, 0.5))


def scaled(points):
    total = 0.0
    for p in points:
        q = 2.0 * p
        r = p * 3
        total += q.x + r.y
    return total


print(scaled(pts))


def count_smaller(points, pivot):
    n = 0
    same = 0
    for p in points:
        if p < pivot:
            n += 1
        if p == pivot:
            same += 1
    return n, same


print(count_smaller(pts, Vec(10.0, 5.0)))
print(count_smaller(pts + [Vec(10.0, 5.0)] * 3, Vec(10.0, 5.0)))


class Acc:
    def __init__(self):
        self.total = 0

    def __iadd__(self, n):
        self.total += n
        return self


def accumulate(n):
    acc = Acc()
    for i in range(n):
        acc += i
    return acc.total


print(accumulate(3000))


class Meters:
    def __init__(self, v):
        self.v = v

    def __add__(self, o):
        if isinstance(o, Meters):
            return Meters(self.v + o.v)
        return NotImplemented

    def __radd__(self, o):
        return Meters(self.v + o)


class Feet(Meters):
    def __radd__(self, o):
        return Meters(o.v + self.v * 0.3048)


def total_length(items):
    m = 0.0
    for a, b in items:
        m += (a + b).v
    return m


pairs = [(Meters(i), Meters(1)) for i in range(300)]
print(total_length(pairs))
# Subclass on the right overriding __radd__: its method first.
print(total_length(pairs + [(Meters(1), Feet(10))] * 300))
# A number on the left: __radd__ of the class.
print(total_length(pairs + [(5, Meters(2))] * 300))


def plus_anything(items):
    out = []
    for a, b in items:
        out.append((a + b).v)
    return out


try:
    plus_anything([(Meters(i), Meters(i)) for i in range(300)] + [(Meters(1), "x")])
except TypeError as e:
    print(type(e).__name__, e)


class Broken:
    def __init__(self, v):
        self.v = v

    def __mul__(self, k):
        return Broken(self.v / k)


def divide_all(items, k):
    total = 0.0
    for b in items:
        total += (b * k).v
    return total


print(divide_all([Broken(i) for i in range(400)], 4))
try:
    divide_all([Broken(i) for i in range(400)], 0)
except ZeroDivisionError as e:
    print(type(e).__name__, e)


def replaced_mid_loop(n):
    total = 0.0
    v = Vec(1.0, 2.0)
    for i in range(n):
        if i == n // 2:
            Vec.__add__ = lambda self, o: Vec(self.x - o.x, 0.0)
        total += (v + v).x
    return total


print(replaced_mid_loop(2000))
