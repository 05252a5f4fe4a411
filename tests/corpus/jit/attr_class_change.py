# Instance attribute loops while the class changes under them: a class attribute shadowed
# by a new instance attribute, a property or data descriptor installed on the class, a
# __setattr__ or __getattribute__ added mid-loop.


class Shadow:
    scale = 2

    def __init__(self):
        self.count = 0


def shadowing(n):
    o = Shadow()
    total = 0
    for i in range(n):
        o.count += 1
        total += o.scale
        if i == n // 2:
            o.scale = 10  # shadows the class attribute from now on
    return o.count, total, Shadow.scale


class Prop:
    def __init__(self):
        self.x = 0
        self.y = 1.5


def property_installed(n):
    o = Prop()
    seen = []
    for i in range(n):
        o.x += 1
        if i == n // 2:
            Prop.y = property(lambda self: -1.0)
        if i % 700 == 0:
            seen.append(o.y)
    return o.x, seen, o.y


class Guarded:
    def __init__(self):
        self.v = 0


def setattr_installed(n):
    o = Guarded()
    log = []
    for i in range(n):
        o.v += 1
        if i == n - 3:

            def __setattr__(self, name, value):
                log.append((name, value))
                object.__setattr__(self, name, value * 10)

            Guarded.__setattr__ = __setattr__
    return o.v, log


class Descr:
    def __get__(self, obj, owner):
        return obj.__dict__["hidden"] + 100

    def __set__(self, obj, value):
        obj.__dict__["hidden"] = value


class Data:
    def __init__(self):
        self.hidden = 0
        self.n = 0


def data_descriptor_installed(n):
    o = Data()
    for i in range(n):
        o.n += 1
        if i == n // 2:
            Data.n = Descr()
    return o.n, o.__dict__


class Counted:
    def __init__(self):
        self.k = 0


def getattribute_installed(n):
    o = Counted()
    reads = 0
    for i in range(n):
        o.k = o.k + 1
        if i == n - 10:

            def __getattribute__(self, name):
                nonlocal reads
                reads += 1
                return object.__getattribute__(self, name)

            Counted.__getattribute__ = __getattribute__
    return o.k, reads


print(shadowing(3000))
print(property_installed(3000))
print(setattr_installed(3000))
print(data_descriptor_installed(3000))
print(getattribute_installed(3000))
