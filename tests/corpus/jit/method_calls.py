# Method calls on user classes in hot loops (inlined, no bound method made).


class Vec:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def dot(self, other):
        return self.x * other.x + self.y * other.y

    def norm2(self):
        return self.dot(self)

    def scale(self, k=2.0):
        return self.x * k + self.y * k


class Vec3(Vec):
    def __init__(self, x, y, z):
        Vec.__init__(self, x, y)
        self.z = z

    def norm2(self):
        return self.x * self.x + self.y * self.y + self.z * self.z


def run():
    a = Vec(1.5, 2.0)
    b = Vec(-0.5, 4.0)
    t = 0.0
    for i in range(3000):
        t += a.dot(b) + a.norm2() + b.scale() + a.scale(0.5)
    return t


print(run())


def polymorphic():
    items = [Vec(1, 2), Vec3(1, 2, 3), Vec(3, 4)]
    t = 0
    for i in range(3000):
        t += items[i % 3].norm2()
    return t


print(polymorphic())


class Counter:
    def __init__(self):
        self.n = 0

    def bump(self, k):
        self.n = self.n + k
        return self.n


def counting():
    c = Counter()
    for i in range(3000):
        c.bump(i % 5)
    return c.n


print(counting())


def late_attribute():
    c = Counter()
    t = 0
    for i in range(2000):
        if i == 1500:
            c.extra = 1
        t += c.bump(1)
    return t, c.extra


print(late_attribute())


class Shadow:
    def value(self):
        return 1


def instance_shadows_method():
    s = Shadow()
    t = 0
    for i in range(2000):
        if i == 1000:
            s.value = lambda: 100
        t += s.value()
    return t


print(instance_shadows_method())
