# Lean self-recursion called natively (a record per level on the native stack): recursion
# past the native nesting budget, exceptions and frame lookups deep in a native chain,
# results of every kind (floats, bools, None, big ints, objects), several arguments, a
# side trace adding a home after native calls were compiled, a global-storing function,
# nested lean calls of other functions, generators and a tracer started at the bottom.
import sys


def down(n):
    if n < 2:
        return n
    return down(n - 1) + 1


# Warm up, then recurse past the native budget (200 nesting levels).
print("warm", sum(down(i % 40) for i in range(3000)))
print("deep", down(350), down(199), down(201), down(600))


def raise_at(n, at):
    if n == at:
        raise ValueError("at %d" % n)
    if n == 0:
        return 0
    return raise_at(n - 1, at) + 1


def tb_depth(e):
    count, tb = 0, e.__traceback__
    while tb is not None:
        count += 1
        tb = tb.tb_next
    return count


total = 0
for i in range(3000):
    at = (i % 37) if i % 250 == 249 else -1
    try:
        total += raise_at(i % 45, at)
    except ValueError as e:
        total += 1000 * tb_depth(e)
        print("caught", e, tb_depth(e))
print("raised", total)
for n, at in ((300, 5), (260, 250), (40, 30)):
    try:
        raise_at(n, at)
    except ValueError as e:
        print("deep caught", e, tb_depth(e))


def look(k):
    # A loop: called residually, so the native chain materializes under it.
    chain = []
    for _ in range(1):
        f = sys._getframe(k + 1)
        while f is not None and f.f_code.co_name == "peek" and len(chain) < 4:
            chain.append(f.f_locals["n"] * 100 + f.f_lineno % 7)
            f = f.f_back
    return sum(chain) * 10 + len(chain)


def peek(n, k):
    if n == 0:
        return look(k)
    return peek(n - 1, k) + 1


print("peek", sum(peek(i % 30 + 2, i % (i % 30 + 2)) for i in range(2500)))


def kinds(n, kind):
    if n == 0:
        if kind == 0:
            return 0.25
        if kind == 1:
            return True
        if kind == 2:
            return None
        if kind == 3:
            return 2 ** 50
        return [kind]
    r = kinds(n - 1, kind)
    return r


print("kinds", [kinds(i % 20, i % 5) for i in range(2000)][-5:])


def float_down(x, n):
    if n == 0:
        return x
    return float_down(x * 0.5, n - 1) + 1.0


print("floats", sum(float_down(1.0 * i, i % 30) for i in range(2500)))


def three(a, b, c):
    if a == 0:
        return b - c
    return three(a - 1, c, b + 1) + 2


def four(a, b, c, d):
    if a <= 0:
        return b * 3 + c - d
    return four(a - 2, d, c, b) + four(a - 3, b, d, c)


print("three", sum(three(i % 33, i, 7) for i in range(2500)))
print("four", sum(four(i % 14, i % 5, 2, 3) for i in range(1500)))


def late(n, m):
    if n == 0:
        return 0
    if m > 0 and n % 5 == 0:
        t = n * 2
        return late(n - 1, m) + t
    return late(n - 1, m) + 1


print("late", sum(late(i % 30, 0) for i in range(2500)), sum(late(i % 30, 1) for i in range(2500)))

calls = 0


def counted(n):
    global calls
    calls += 1
    if n == 0:
        return 0
    return counted(n - 1) + 1


print("counted", sum(counted(i % 25) for i in range(2000)), calls)


def leaf(n):
    if n < 3:
        return n * 10
    return leaf(n - 3) + 1


def branch(n):
    if n == 0:
        return leaf(7)
    if n % 4 == 0:
        return branch(n - 1) + leaf(n)
    return branch(n - 1) + 1


print("nested", sum(branch(i % 35) for i in range(2500)))


def evens(n):
    for i in range(n):
        if i % 2 == 0:
            yield i


def gen_bottom(n, m):
    if n == 0:
        return sum(evens(m))
    return gen_bottom(n - 1, m) + 1


print("gen", sum(gen_bottom(i % 30, i % 9) for i in range(2500)))

events = []


def tracer(frame, event, arg):
    if frame.f_code.co_name == "traced":
        events.append((event, frame.f_locals.get("n")))
    return tracer


def traced(n, start):
    if n == 0:
        if start:
            sys.settrace(tracer)
        return 0
    return traced(n - 1, start) + 1


print("traced", sum(traced(i % 20, False) for i in range(2500)))
print("traced start", traced(12, True), traced(3, False))
sys.settrace(None)
print("events", events)
print("traced after", sum(traced(i % 20, False) for i in range(500)))
