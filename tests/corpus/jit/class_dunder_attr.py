# `Base.__init__(self, ...)` and other dunder functions loaded from a class in hot loops:
# a constant while the class keeps its version; rebinding it mid-loop, a class whose
# metaclass is not `type`, and `type`'s own data descriptors (`__name__`) stay exact.


class A:
    def __init__(self, s):
        self.s = s

    def __repr__(self):
        return f"A({self.s})"


class B(A):
    def __init__(self, s, t):
        A.__init__(self, s)
        self.t = t


def build(n):
    total = 0
    for i in range(n):
        b = B(i, 1)
        total += b.s + b.t
    return total


print(build(5000))


def rebind(n):
    total = 0
    for i in range(n):
        if i == n // 2:
            def init(self, s):
                self.s = -s
            A.__init__ = init
        b = B(i, 1)
        total += b.s
    return total


print(rebind(3000))


def names(n):
    out = 0
    for i in range(n):
        out += len(B.__name__) + len(A.__repr__(A(i)))
    return out


print(names(2000))


class Meta(type):
    def __getattribute__(cls, name):
        if name == "__init__":
            return lambda self, s: setattr(self, "s", "meta")
        return super().__getattribute__(name)


class C(metaclass=Meta):
    def __init__(self, s):
        self.s = s


def via_meta(n):
    last = None
    for i in range(n):
        obj = object.__new__(C)
        C.__init__(obj, i)
        last = obj.s
    return last


print(via_meta(2000))
