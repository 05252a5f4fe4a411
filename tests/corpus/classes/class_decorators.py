# Class decorators, decorators adding methods, and functools-free wrapping
def add_repr(cls):
    def __repr__(self):
        fields = ", ".join(f"{k}={v!r}" for k, v in vars(self).items())
        return f"{cls.__name__}({fields})"
    cls.__repr__ = __repr__
    return cls
def register(registry):
    def deco(cls):
        registry[cls.__name__] = cls
        return cls
    return deco
REG = {}
@register(REG)
@add_repr
class Point:
    def __init__(self, x, y):
        self.x, self.y = x, y
print(Point(1, "b"), list(REG), REG["Point"] is Point)
def replace_with_instance(cls):
    return cls()
@replace_with_instance
class Thing:
    value = 42
print(type(Thing).__name__, Thing.value)
def counted(method):
    def wrapper(self, *a):
        wrapper.calls += 1
        return method(self, *a)
    wrapper.calls = 0
    return wrapper
class Svc:
    @counted
    def run(self, x): return x + 1
s = Svc()
print([s.run(i) for i in range(3)], Svc.run.calls, Svc.run.__name__)
