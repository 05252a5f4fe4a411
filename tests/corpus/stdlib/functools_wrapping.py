# functools: wraps/update_wrapper, total_ordering, singledispatch, singledispatchmethod, partialmethod
import functools as ft

def show(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

def deco(func):
    @ft.wraps(func)
    def wrapper(*args, **kwargs):
        return func(*args, **kwargs) * 2
    return wrapper

@deco
def double(x):
    """Docstring here."""
    return x
double.extra = 1
print(double(21), double.__name__, double.__doc__, double.__wrapped__(3), double.__qualname__)

def target():
    pass
target.attr = 'copied'
def shell():
    pass
ft.update_wrapper(shell, target)
print(shell.__name__, shell.attr, shell.__wrapped__ is target)
ft.update_wrapper(shell, target, assigned=(), updated=())
print(shell.__name__)

@ft.total_ordering
class V:
    def __init__(self, v): self.v = v
    def __eq__(self, o): return self.v == o.v
    def __lt__(self, o): return self.v < o.v
a, b = V(1), V(2)
print(a < b, a > b, a <= b, a >= b, a <= V(1), a >= V(1))

@ft.total_ordering
class G:
    def __init__(self, v): self.v = v
    def __eq__(self, o): return self.v == o.v
    def __ge__(self, o): return self.v >= o.v
print(G(1) < G(2), G(1) > G(2), G(2) <= G(2))
show(lambda: ft.total_ordering(type('X', (), {})))

@ft.singledispatch
def describe(x):
    return 'object'
@describe.register(int)
def _(x):
    return 'int'
@describe.register(str)
def _(x):
    return 'str'
@describe.register(list)
@describe.register(tuple)
def _(x):
    return 'sequence'
print(describe(1), describe('a'), describe(1.5), describe([1]), describe((1,)), describe(True))
print(describe.dispatch(bool).__name__ if hasattr(describe.dispatch(bool), '__name__') else '?', int in describe.registry)
show(lambda: describe())

class Shape:
    @ft.singledispatchmethod
    def area(self, arg):
        return 'generic'
    @area.register(int)
    def _(self, arg):
        return 'int %d' % arg
print(Shape().area(3), Shape().area('x'))

class Cell:
    def set(self, value, flag=False):
        return (value, flag)
    set_true = ft.partialmethod(set, flag=True)
    set_one = ft.partialmethod(set, 1)
c = Cell()
print(c.set_true(5), c.set_one(), c.set_one(flag=3))
