# Assigning f.__code__: new arity/defaults, closures, generators, bad values and deletion.
import sys


def add(a, b):
    return a + b


def sub(a, b=10):
    return a - b


def show(label, fn, *args, **kw):
    try:
        print(label, fn(*args, **kw))
    except Exception as e:
        print(label, type(e).__name__, e)


show("add before", add, 5, 3)
add.__code__ = sub.__code__
show("add runs sub's body", add, 5, 3)
print("name kept:", add.__name__, add.__code__.co_name, add.__qualname__)
show("add without b (no defaults on add)", add, 5)
add.__defaults__ = (100,)
show("add with its own default", add, 5)


def one(x):
    return ("one", x)


def three(x, y, z=0, *rest, **kw):
    return ("three", x, y, z, rest, sorted(kw))


one.__code__ = three.__code__
show("arity grows", one, 1, 2, 3, 4, k=5)
show("too few now", one, 1)
one.__code__ = (lambda: "none").__code__
show("arity shrinks", one)
show("extra argument now", one, 1)


def outer(n):
    def inner():
        return n * 2

    return inner


def outer2(m):
    def other():
        return ("other", m)

    return other


c1 = outer(4)
c2 = outer2("q")
c1.__code__ = c2.__code__
show("closure swap uses own cell", c1)
print(c1.__closure__[0].cell_contents)


def plain():
    return "plain"


def gen():
    yield 1
    yield 2


plain.__code__ = gen.__code__
g = plain()
print(type(g).__name__, list(g), g.__name__, g.__qualname__)
gen.__code__ = (lambda: "back to plain").__code__
show("generator function becomes plain", gen)


async def coro():
    return "from coro"


def later():
    return "plain later"


later.__code__ = coro.__code__
co = later()
print(type(co).__name__)
try:
    co.send(None)
except StopIteration as e:
    print("coroutine returned", e.value)


# A running frame keeps the code it started with.
def self_swapping():
    self_swapping.__code__ = (lambda: "replacement").__code__
    return "original finished"


print(self_swapping())
print(self_swapping())

# Errors: not a code object, free variable mismatch, deletion.
def victim():
    return "victim"


for bad in [None, 1, "code", victim]:
    try:
        victim.__code__ = bad
    except TypeError as e:
        print("TypeError", e)
try:
    victim.__code__ = c2.__code__
except ValueError as e:
    print("ValueError", e)
try:
    c2.__code__ = victim.__code__
except ValueError as e:
    print("ValueError", e)
victim.__name__ = "renamed"
try:
    victim.__code__ = c2.__code__
except ValueError as e:
    print("ValueError", e)
try:
    del victim.__code__
except TypeError as e:
    print("TypeError", e)
try:
    setattr(victim, "__code__", 3.5)
except TypeError as e:
    print("TypeError", e)
print(victim())

# Deleting the other function attributes.
def target(a=1, *, b=2):
    "doc"


for name in ["__defaults__", "__kwdefaults__", "__doc__", "__module__", "__name__",
             "__qualname__", "__dict__", "__globals__", "__closure__", "__builtins__"]:
    try:
        delattr(target, name)
        print(name, "deleted ->", getattr(target, name))
    except (TypeError, AttributeError) as e:
        print(name, type(e).__name__, e)

# Swapping code between methods of a class.
class K:
    def m(self):
        return "m"

    def n(self):
        return "n of " + type(self).__name__


K.m.__code__ = K.n.__code__
print(K().m())
print(sys.getrecursionlimit() > 0)
