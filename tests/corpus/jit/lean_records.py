# Native (lean) self-recursion reusing per-depth records: lean chains that end in a
# materialization (a type change, an exception, a frame lookup, a generator at the bottom)
# followed by more lean calls at the same depths; recursive closures sharing one code
# object; mutual and self recursion mixed; defaults filled on self-calls; RecursionError
# under a lowered limit; a callee rebound and a __code__ replaced mid-recursion.
import sys


def down(n):
    if n < 2:
        return n
    return down(n - 1) + 1


def odd_bottom(n, k):
    # At depth k the result turns into a float: a guard fails deep in the lean chain.
    if n == 0:
        return 0.5 if k else 0
    return odd_bottom(n - 1, k) + 1


total = 0
for i in range(4000):
    total += down(i % 35)
    total += odd_bottom(i % 30, i % 97 == 96)
print("mixed", total)


def raiser(n, at):
    if n == at:
        raise KeyError(n)
    if n == 0:
        return 0
    return raiser(n - 1, at) + 1


caught = 0
for i in range(3000):
    try:
        total += raiser(i % 40, 30 if i % 300 == 299 else -1)
    except KeyError as e:
        tb = e.__traceback__
        depth = 0
        while tb is not None:
            depth += 1
            tb = tb.tb_next
        caught += 1
        total += depth
print("raised", total, caught)


def peek(n, k):
    if n == 0:
        f = sys._getframe(k)
        return f.f_locals["n"] * 100 + f.f_lineno % 7
    return peek(n - 1, k) + 1


print("peek", sum(peek(i % 20 + 15, i % 15) for i in range(2500)))


def squares(n):
    for i in range(n):
        yield i * i


def with_gen(n):
    if n == 0:
        return sum(squares(6))
    return with_gen(n - 1) + 2


print("gen", sum(with_gen(i % 25) for i in range(2500)))


def make(step):
    def rec(n):
        if n == 0:
            return 0
        return rec(n - 1) + step
    return rec


r1, r2 = make(1), make(3)
print("closures", sum(r1(i % 20) + r2(i % 20) for i in range(3000)))


def ping(n):
    if n == 0:
        return 0
    if n % 3 == 0:
        return pong(n - 1) + 1
    return ping(n - 1) + 1


def pong(n):
    if n == 0:
        return 100
    return ping(n - 1) + 2


print("mutual", sum(ping(i % 40) for i in range(3000)))


def with_default(n, add=2):
    if n == 0:
        return 0
    return with_default(n - 1) + add


print("defaults", sum(with_default(i % 30) for i in range(3000)), with_default(5, 10))


def bottomless(n):
    return bottomless(n + 1) + 1


for i in range(2000):
    down(i % 30)
old_limit = sys.getrecursionlimit()
for limit in (200, 120, 500):
    sys.setrecursionlimit(limit)
    try:
        bottomless(0)
    except RecursionError as e:
        print("limit", limit, type(e).__name__)
    print("after limit", sum(down(i % 30) for i in range(500)))
sys.setrecursionlimit(old_limit)


def chain(n, at):
    global chain
    if n == 0:
        return 0
    if n == at:
        saved = chain
        chain = lambda m, a: -1000
        try:
            return saved(n - 1, at) + 1
        finally:
            chain = saved
    return chain(n - 1, at) + 1


print("rebound", sum(chain(i % 25, 12 if i % 400 == 399 else -1) for i in range(3000)))


def target(n):
    if n == 0:
        return 0
    return target(n - 1) + 1


def replacement(n):
    return 7 * n


print("code", sum(target(i % 20) for i in range(2500)))
target.__code__ = replacement.__code__
print("code after", sum(target(i % 20) for i in range(100)))
