# Loops over attributes of classes the JIT does not read through maps: __slots__,
# __setattr__/__getattr__ overrides, properties, and a subclass of a builtin.


class Slotted:
    __slots__ = ("x", "y")

    def __init__(self):
        self.x = 0
        self.y = 0.5


class Logged:
    def __init__(self):
        object.__setattr__(self, "x", 0)
        object.__setattr__(self, "writes", 0)

    def __setattr__(self, name, value):
        object.__setattr__(self, "writes", self.writes + 1)
        object.__setattr__(self, name, value)


class Fallback:
    def __init__(self):
        self.real = 1

    def __getattr__(self, name):
        return len(name)


class WithProp:
    def __init__(self):
        self._v = 0

    @property
    def v(self):
        return self._v

    @v.setter
    def v(self, value):
        self._v = value + 1


class MyList(list):
    pass


def run(n):
    s = Slotted()
    g = Logged()
    f = Fallback()
    p = WithProp()
    m = MyList()
    m.tag = 0
    acc = 0
    for i in range(n):
        s.x += 1
        s.y = s.y * 0.5 + 1.0
        g.x += 2
        acc += f.real + f.missing
        p.v += 1
        m.tag += 3
    return s.x, s.y, g.x, g.writes, acc, p.v, m.tag


print(run(3000))
try:
    Slotted().z
except AttributeError as e:
    print(type(e).__name__, e)
