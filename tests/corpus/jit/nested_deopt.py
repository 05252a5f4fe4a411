# Nested loops leaving their traces: an exception in the inner loop under a compiled outer
# loop (exact traceback), a global the inner loop reads rebound by the outer loop (the
# inner trace is refused and recorded again), types changing mid-way, generators.
import sys


def divide(n):
    total = 0
    for i in range(n):
        for j in range(5):
            total += 100 // (i - n + 3 + j)
    return total


try:
    divide(1200)
except ZeroDivisionError as e:
    tb = e.__traceback__
    while tb.tb_next is not None:
        tb = tb.tb_next
    print("ZeroDivisionError at line", tb.tb_lineno, e)

SCALE = 1


def rebinding(n):
    global SCALE
    acc = 0
    for i in range(n):
        for j in range(4):
            acc += SCALE * j
        if i % 500 == 499:
            SCALE = SCALE + 1
    return acc


print(rebinding(2000))


def types_change(n):
    acc = 0
    for i in range(n):
        step = 1 if i < n // 2 else 0.5
        for j in range(3):
            acc += step * j
    return acc


print(types_change(2000))


def squares(k):
    for x in range(k):
        yield x * x


def with_generators(n):
    acc = 0
    for i in range(n):
        for s in squares(i % 7):
            acc += s
        for j in range(3):
            acc += j
    return acc


print(with_generators(1500))


def uncaught(n):
    acc = 0
    for i in range(n):
        for j in range(3):
            acc += [1, 2, 3][j + i // (n - 1)]
    return acc


print(uncaught(1100), file=sys.stderr)
