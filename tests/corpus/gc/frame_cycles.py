# Cycles through frames and the objects the interpreter keeps: a caught exception stored
# in a local (exception -> traceback -> frame -> locals), a finished frame kept through
# sys._getframe, suspended generators and coroutines holding themselves in their
# locals, a generator's yielded-from iterator, bound methods, closure cells, property
# objects, classmethods, a frame's f_locals proxy and async-generator awaitables.
# gc.collect() must free them (a weakref callback on a witness shows it) with
# CPython 3.13's count. Only the witness is printed (`count=False`) where the count
# legitimately differs: CPython's classmethod/staticmethod objects carry a __dict__ (a
# copy of the wrapped function's attributes) that Pyrite's do not; when the finalizer
# closes a generator or coroutine suspended in a `yield from`/`await` chain, CPython's
# close runs the frame to its end and reference counting frees the cycle during the
# collection, which then counts 0, while Pyrite counts those objects.
import gc
import sys
import weakref

gc.collect()
gc.disable()


class Witness:
    pass


freed = []


def check(label, build, count=True):
    w = build()
    ref = weakref.ref(w, lambda r, label=label: freed.append(label))
    del w
    n = gc.collect()
    if count:
        print(label, n, label in freed)
    else:
        print(label, label in freed)


def caught_exception():
    w = Witness()
    try:
        raise ValueError("x")
    except ValueError as e:
        w.exc = e
        saved = e
    return w


check("exception in a local", caught_exception)


def finished_frame():
    w = Witness()
    w.frame = sys._getframe()
    return w


check("finished frame", finished_frame)


def gen_self():
    w = Witness()

    def gen():
        me = w
        yield 1
        yield 2

    g = gen()
    next(g)
    w.gen = g
    return w


check("suspended generator", gen_self)


def gen_unstarted():
    w = Witness()

    def gen(x):
        yield x

    w.gen = gen(w)
    return w


check("unstarted generator", gen_unstarted)


def gen_yield_from():
    w = Witness()

    def inner():
        yield w

    def outer():
        yield from inner()

    g = outer()
    next(g)
    w.gen = g
    return w


check("yield from", gen_yield_from, count=False)


class Step:
    def __await__(self):
        yield


def coroutine_cycle():
    w = Witness()

    async def coro(x):
        await Step()
        return x

    c = coro(w)
    c.send(None)
    w.coro = c
    return w


check("coroutine", coroutine_cycle, count=False)


class Holder:
    def m(self):
        pass


def bound_method():
    w = Witness()
    h = Holder()
    h.w = w
    w.m = h.m
    return w


check("bound method", bound_method)


def cell_cycle():
    w = Witness()

    def f():
        return w

    w.f = f
    return w


check("closure cell", cell_cycle)


def property_cycle():
    w = Witness()
    w.prop = property(lambda self: w)
    return w


check("property", property_cycle)


def classmethod_cycle():
    w = Witness()
    w.cm = classmethod(lambda cls: w)
    w.sm = staticmethod(lambda: w)
    return w


check("classmethod/staticmethod", classmethod_cycle, count=False)


def frame_locals_proxy():
    w = Witness()
    w.locals = sys._getframe().f_locals
    return w


check("f_locals proxy", frame_locals_proxy)


def async_gen_asend():
    w = Witness()

    async def agen():
        yield w
        yield 2

    a = agen()
    step = a.asend(None)
    try:
        step.send(None)
    except StopIteration as stop:
        print("agen yielded witness:", stop.value is w)
    w.send = step
    w.agen = a
    return w


check("asend awaitable", async_gen_asend)
gc.enable()
