# Builtins the JIT lowers to IR (abs, min/max, len, int/float, math functions), with the
# cases where Python raises or results change kind, inside hot loops.
import math


def numeric():
    t = 0.0
    n = 0
    s = "héllo wörld"
    d = {1: 2, 3: 4}
    for i in range(3000):
        x = i * 0.37 - 500.0
        t += abs(x) + abs(i - 1500) + min(i, 1000) + max(x, 3.5) + len(s) + len(d)
        t += math.sqrt(i) + math.sin(x) + math.cos(x) + math.exp(-abs(x) / 100.0)
        t += math.fabs(x) + int(x) + float(i) + int(i) + math.atan(x) + math.tan(x * 0.001)
        n += int(x / 3.0) + min(-i, i) + max(i % 7, 3)
    return t, n


print(numeric())


def sqrt_of_negative():
    t = 0.0
    for i in range(2000, -10, -1):
        t += math.sqrt(i - 5)
    return t


try:
    print(sqrt_of_negative())
except ValueError as e:
    # Only the type: 3.14 reworded math's domain errors ("expected a nonnegative input").
    print(type(e).__name__)


def exp_overflow():
    t = 0.0
    for i in range(2000):
        t += math.exp(i * 0.4)
    return t


try:
    print(exp_overflow())
except OverflowError as e:
    print(type(e).__name__, e)


def int_of_huge():
    t = 0
    for i in range(2000):
        t += int(10.0 ** (i // 100))
    return t


print(int_of_huge())


def int_of_inf():
    t = 0
    for i in range(2000):
        x = 1e308 * (i // 1500 + 1) * 10.0 if i > 1800 else i * 1.5
        t += int(x)
    return t


try:
    print(int_of_inf())
except OverflowError as e:
    print(type(e).__name__, e)


def min_max_nan():
    nan = float("nan")
    out = []
    for i in range(2000):
        a = min(float(i), 5.0)
        if i == 1999:
            out.append(repr(min(nan, 1.0)))
            out.append(repr(min(1.0, nan)))
            out.append(repr(max(nan, 1.0)))
            out.append(repr(max(-0.0, 0.0)))
            out.append(repr(min(0.0, -0.0)))
        a = a + 1.0
    return a, out


print(min_max_nan())


def mixed_kinds():
    t = []
    for i in range(2000):
        v = max(i, 2.5) if i > 1990 else max(i, 3)
        w = abs(-i if i < 1995 else -i * 0.5)
        if i > 1990:
            t.append((v, w))
    return t


print(mixed_kinds())


def len_changes():
    s = "ab"
    total = 0
    for i in range(2000):
        if i == 1000:
            s = "abcdef"
        total += len(s)
    return total


print(len_changes())


def rebound_builtin():
    total = 0
    for i in range(2000):
        total += abs(-i)
    return total


print(rebound_builtin())
abs = lambda x: 7
print(rebound_builtin())
del abs
print(rebound_builtin())
