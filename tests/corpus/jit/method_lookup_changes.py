# Method calls in hot loops while the lookup's guards change: methods replaced on the
# class and on a base class mid-loop, __class__ reassigned, the instance's __dict__
# shadowing a method, __slots__ classes, static and class methods, bound methods called
# later, and a method that disappears (AttributeError with its traceback).


class Base:
    def value(self, i):
        return i + 1


class Child(Base):
    pass


class Other(Base):
    def value(self, i):
        return -i


def replaced_on_class():
    c = Child()
    t = 0
    for i in range(3000):
        if i == 2000:
            Child.value = lambda self, i: i * 10
        t += c.value(i)
    del Child.value
    return t


print("class", replaced_on_class())


def replaced_on_base():
    c = Child()
    t = 0
    for i in range(3000):
        if i == 1500:
            Base.value = lambda self, i: 7
        t += c.value(i)
    return t


print("base", replaced_on_base())


def class_reassigned():
    objs = [Child() for _ in range(4)]
    t = 0
    for i in range(3000):
        o = objs[i % 4]
        if i == 2222:
            o.__class__ = Other
        t += o.value(i)
    return t, [type(o).__name__ for o in objs]


print("__class__", class_reassigned())


def dict_shadows():
    c = Child()
    t = 0
    for i in range(3000):
        if i == 1700:
            c.__dict__["value"] = lambda i: 1000
        if i == 2500:
            del c.__dict__["value"]
        t += c.value(i)
    return t


print("__dict__", dict_shadows())


class Slotted:
    __slots__ = ("k",)

    def __init__(self, k):
        self.k = k

    def scaled(self, i):
        return self.k * i


def slots_methods():
    s = Slotted(3)
    t = 0
    for i in range(3000):
        if i == 2000:
            s.k = 5
        t += s.scaled(i)
    return t


print("slots", slots_methods())


class Kinds:
    factor = 2

    @staticmethod
    def twice(i):
        return i * 2

    @classmethod
    def times(cls, i):
        return i * cls.factor


class MoreKinds(Kinds):
    factor = 3


def static_and_class():
    objs = [Kinds(), MoreKinds()]
    t = 0
    for i in range(3000):
        o = objs[i % 2]
        t += o.twice(i) + o.times(i) + Kinds.twice(i)
    return t


print("static/class", static_and_class())


def bound_later():
    c = Child()
    f = c.value
    t = 0
    for i in range(3000):
        g = c.value
        t += f(i) + g(1)
        if i == 2000:
            f = Other().value
    return t


print("bound", bound_later())


class Prop:
    def __init__(self):
        self.calls = 0

    def get(self):
        self.calls += 1
        return self.calls


def property_shadows():
    p = Prop()
    t = 0
    for i in range(3000):
        if i == 1800:
            Prop.get = property(lambda self: lambda: -1)
        t += p.get()
    return t


print("property", property_shadows())


class Gone:
    def m(self):
        return 1


def method_deleted():
    g = Gone()
    t = 0
    for i in range(3000):
        if i == 2900:
            del Gone.m
        t += g.m()
    return t


try:
    method_deleted()
except AttributeError as e:
    print(type(e).__name__, e)


def huge(i):
    return i


class Big:
    def grow(self, x):
        return x * x


def huge_ints():
    b = Big()
    x = 3
    for i in range(40):
        x = b.grow(x) if x < 10**200 else x - 1
    return x % 1000003


print("huge", huge_ints())
Child.value = Base.value


def uncaught():
    g = Gone()
    for i in range(3000):
        g.m()


uncaught()
