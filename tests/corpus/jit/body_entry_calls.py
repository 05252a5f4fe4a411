# Body entry with calls and exceptions on the side path: a residual call that mutates a
# class the loop body uses, a raise with its exact traceback, a callee rebinding a global.

class Shape:
    sides = 3


def grow():
    Shape.sides = Shape.sides + 1


def count_sides(n):
    Shape.sides = 3
    total = 0
    for i in range(n):
        if i % 10 == 9:
            grow()
        else:
            total += Shape.sides
    return total, Shape.sides


class Meter:
    def __init__(self):
        self.unit = 1

    def read(self, x):
        return x * self.unit


def patch_method(n):
    m = Meter()
    total = 0
    for i in range(n):
        if i == n // 2:
            Meter.read = lambda self, x: -x
        else:
            total += m.read(i)
    return total


OFFSET = 0


def bump():
    global OFFSET
    OFFSET += 10


def callee_rebinds(n):
    global OFFSET
    OFFSET = 0
    total = 0
    for i in range(n):
        if i % 7 == 6:
            bump()
        else:
            total += i + OFFSET
    return total, OFFSET


def fails_late(n):
    acc = 0
    i = 0
    while i < n:
        if acc & 1:
            acc += 7
        else:
            acc = acc * 3 + 1
        if i == n - 5:
            acc = acc // (i - i)
        i += 1
    return acc


def overflow_then_error(n):
    x = 1
    for i in range(n):
        if i % 2:
            x = x * 3
        else:
            x = x + 1
        if x > 10**30:
            raise OverflowError("too big at %d" % i)
    return x


print(count_sides(200))
print(patch_method(200))
print(callee_rebinds(200))


def lines(tb):
    out = []
    while tb is not None:
        out.append((tb.tb_frame.f_code.co_name, tb.tb_lineno))
        tb = tb.tb_next
    return out


try:
    fails_late(300)
except ZeroDivisionError as e:
    print(type(e).__name__, e, lines(e.__traceback__))
# Uncaught: the full traceback goes to stderr.
overflow_then_error(500)
