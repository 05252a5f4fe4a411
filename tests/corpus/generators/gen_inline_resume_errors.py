# Generators driven by `for` and `yield from`/`await` (resumed inside the interpreter
# loop): exceptions leaving them (tracebacks, __context__), the exception state they see,
# frames (f_back, depth), recursion limits, and generators closed or finished mid-loop.
import sys


def boom(n):
    for i in range(n):
        yield i
    raise KeyError("boom %d" % n)


def walk(n):
    total = 0
    for x in boom(n):
        total += x
    return total


try:
    walk(5)
except KeyError as e:
    tb = e.__traceback__
    names = []
    while tb is not None:
        names.append((tb.tb_frame.f_code.co_name, tb.tb_lineno))
        tb = tb.tb_next
    print(type(e).__name__, e, names, e.__context__)


def sees_exc():
    yield sys.exception()
    try:
        raise ValueError("inside")
    except ValueError:
        yield sys.exception()
    yield sys.exception()


try:
    raise TypeError("outer")
except TypeError:
    for v in sees_exc():
        print(repr(v))
    print(repr(sys.exception()))
print(repr(sys.exception()))


def raises_in_handler():
    yield 1
    raise IndexError("from gen")


try:
    raise OSError("handled")
except OSError:
    try:
        for v in raises_in_handler():
            pass
    except IndexError as e:
        print(type(e).__name__, e, repr(e.__context__))


def frames():
    f = sys._getframe()
    yield f.f_back.f_code.co_name
    yield f.f_back.f_code.co_name


def driver():
    return list(frames())


print(driver())


def inner():
    x = yield "a"
    y = yield "b" + str(x)
    raise LookupError("inner fails " + str(y))


def middle():
    try:
        r = yield from inner()
    except LookupError as e:
        yield "middle caught " + str(e)
        raise RuntimeError("middle re-raises") from e


g = middle()
print(next(g))
print(g.send(1))
print(g.send(2))
try:
    g.send(3)
except RuntimeError as e:
    print(type(e).__name__, e, repr(e.__cause__))
    tb = e.__traceback__
    names = []
    while tb is not None:
        names.append(tb.tb_frame.f_code.co_name)
        tb = tb.tb_next
    print(names)


def deep(n):
    if n == 0:
        yield 0
        return
    for x in deep(n - 1):
        yield x + 1


print(list(deep(50)))
try:
    list(deep(5000))
except RecursionError as e:
    print(type(e).__name__, e)


class Awaitable:
    def __await__(self):
        v = yield "suspended"
        return v * 2


async def leaf(x):
    return await Awaitable() + x


async def chain(n):
    if n == 0:
        return await leaf(1)
    return await chain(n - 1) + 1


c = chain(10)
print(c.send(None))
try:
    c.send(20)
except StopIteration as e:
    print("result", e.value)


async def failing():
    await Awaitable()
    raise ZeroDivisionError("coro failed")


async def outer_coro():
    try:
        await failing()
    except ZeroDivisionError as e:
        return "caught " + str(e)


c = outer_coro()
c.send(None)
try:
    c.send(1)
except StopIteration as e:
    print(e.value)


def stopping():
    yield 1
    raise StopIteration("explicit")


try:
    for v in stopping():
        pass
except RuntimeError as e:
    print(type(e).__name__, e, repr(e.__cause__))


def self_closing():
    yield 1
    yield 2


g = self_closing()
out = []
for v in g:
    out.append(v)
    g.close()
print(out, g.gi_running, g.gi_frame)


def counts():
    n = 0
    while True:
        n += 1
        yield n


total = 0
for v in counts():
    total += v
    if v == 1000:
        break
print(total)
