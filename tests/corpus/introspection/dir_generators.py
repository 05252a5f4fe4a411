# dir() of generators, coroutines and async generators, and the dunders and attributes
# they list: __class_getitem__, __del__, gi_*/cr_*/ag_*, __name__, __qualname__.


def gen():
    yield 1
    yield 2


async def coro():
    return 3


async def agen():
    yield 4


g, c, a = gen(), coro(), agen()
for label, obj in [("generator", g), ("coroutine", c), ("async_generator", a)]:
    names = dir(obj)
    print(label, names)
    print("  not served by getattr:", [n for n in names if not hasattr(obj, n)])

print(type(g).__class_getitem__(int), type(c)[str], type(a)[int, str])
print(next(g), g.gi_running, g.gi_suspended, g.gi_frame.f_lineno - gen.__code__.co_firstlineno)
g.__del__()
print(g.gi_frame, g.gi_suspended, list(g))
print(c.cr_running, c.cr_suspended, c.cr_await, c.cr_code is coro.__code__, c.cr_origin)
try:
    c.send(None)
except StopIteration as e:
    print("returned", e.value)
c.__del__()
print(c.cr_frame, c.cr_suspended)
print(a.ag_running, a.ag_code.co_name, a.ag_await, a.__name__, a.__qualname__)
for name in ["gi_running", "gi_code", "__name__"]:
    print(name, repr(type(g).__dict__[name]))
print(type(g).__dict__["gi_code"].__get__(g) is gen.__code__)
try:
    type(g).__dict__["gi_code"].__get__(c)
except TypeError as e:
    print("TypeError", e)
try:
    g.gi_running = True
except AttributeError as e:
    print("AttributeError", e)
print(repr(type(g).__repr__(g)).split(" at ")[0])
