# functools: lru_cache (hits/misses, maxsize None/0/n, typed, clear, __wrapped__), cache, cached_property
import functools as ft

def show(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

@ft.lru_cache(maxsize=None)
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)

print(fib(80), fib.cache_info())
print(fib.cache_info().hits, fib.cache_info().currsize)
fib.cache_clear()
print(fib.cache_info(), fib.__name__, fib.__wrapped__(1))

calls = []
@ft.lru_cache(maxsize=2)
def sq(x):
    calls.append(x)
    return x * x
for v in [1, 2, 1, 3, 2, 1]:
    sq(v)
print(calls, sq.cache_info())
print(sq.cache_parameters())

@ft.lru_cache
def plain(x, y=1):
    return x + y
print(plain(1), plain(1), plain(1, y=1), plain(1, 1), plain.cache_info())

@ft.lru_cache(maxsize=0)
def nocache(x):
    return x
nocache(1); nocache(1)
print(nocache.cache_info())

@ft.lru_cache(typed=True)
def typed(x):
    return type(x).__name__
print(typed(1), typed(1.0), typed(True), typed.cache_info())
print(ft.lru_cache(-1)(len).cache_info())
show(lambda: ft.lru_cache(maxsize='a'))

@ft.cache
def fact(n):
    """Factorial."""
    return n * fact(n - 1) if n else 1
print(fact(20), fact.cache_info(), fact.__doc__, fact.__name__, fact.__qualname__)

class Thing:
    def __init__(self):
        self.count = 0
    @ft.cached_property
    def value(self):
        self.count += 1
        return 42
    @ft.lru_cache
    def method(self, x):
        return x * 2
t = Thing()
print(t.value, t.value, t.count, t.__dict__)
del t.value
print(t.value, t.count, t.method(4), t.method(4), Thing.method.cache_info().hits)
print(type(Thing.__dict__['value']).__name__, Thing.value is Thing.__dict__['value'])

class Slotted:
    __slots__ = ('x',)
    @ft.cached_property
    def prop(self):
        return 1
Slotted.prop.__set_name__(Slotted, 'prop')
show(lambda: Slotted().prop)
cp = ft.cached_property(lambda self: 1)
class Late:
    pass
Late.p = cp
show(lambda: Late().p)
