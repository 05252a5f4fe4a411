# Generators suspended and resumed many times (their saved frame storage is reused):
# close/throw while a `for` drives them, `yield from` chains driven by send/throw,
# frames kept alive by tracebacks and gi_frame after the generator finished.
import sys


def counter(n):
    try:
        for i in range(n):
            got = yield i
            if got is not None:
                print("got", got)
    finally:
        print("counter cleanup", n)


g = counter(100)
total = 0
for x in g:
    total += x
    if x == 50:
        g.close()
print(total, g.gi_frame)

g = counter(10)
seen = []
try:
    for x in g:
        seen.append(x)
        if x == 5:
            g.throw(ValueError("stop at 5"))
except ValueError as e:
    print(type(e).__name__, e, seen)


def leaf(tag):
    received = []
    try:
        while True:
            v = yield tag + str(len(received))
            received.append(v)
    except KeyError as e:
        print("leaf caught", e)
        return received


def middle():
    result = yield from leaf("m")
    print("middle result", result)
    r2 = yield from leaf("n")
    return r2


def outer():
    r = yield from middle()
    return ("outer", r)


g = outer()
print(next(g))
for i in range(20):
    out = g.send(i)
print(out)
print(g.throw(KeyError("first")))
print(g.send("x"))
try:
    g.throw(KeyError("second"))
except StopIteration as e:
    print("StopIteration", e.value)


def failing(n):
    local_marker = "kept"
    for i in range(n):
        yield i
    raise RuntimeError("ran out " + str(n))


def catch_tb():
    try:
        for x in failing(30):
            pass
    except RuntimeError as e:
        return e


err = catch_tb()
tb = err.__traceback__
frames = []
while tb is not None:
    frames.append((tb.tb_frame.f_code.co_name, tb.tb_lineno))
    tb = tb.tb_next
print(frames)
last = err.__traceback__
while last.tb_next is not None:
    last = last.tb_next
print(last.tb_frame.f_locals["local_marker"], last.tb_frame.f_locals["i"])


def nested(depth):
    if depth == 0:
        yield sys._getframe().f_back.f_code.co_name
        return
    yield from nested(depth - 1)


for _ in range(30):
    name = list(nested(8))
print(name)


def pingpong():
    a = yield
    while True:
        a = yield a * 2


gens = [pingpong() for _ in range(5)]
for g in gens:
    next(g)
acc = 0
for i in range(200):
    acc += gens[i % 5].send(i)
print(acc)
gens[0].close()
try:
    gens[0].send(1)
except StopIteration:
    print("closed generator raises StopIteration")


def reentrant():
    yield g2.send(None)


g2 = reentrant()
try:
    next(g2)
except ValueError as e:
    print(type(e).__name__, e)
