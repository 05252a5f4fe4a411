# Exceptions and guard failures inside calls the JIT inlined: the interpreter must see
# exactly the frames CPython has (tracebacks, f_back, f_lineno, f_locals).
import sys


def level3(x, d):
    y = x * 2
    return y // d


def level2(x, d):
    z = x + 1
    return level3(z, d) + 1


def level1(x, d):
    return level2(x, d) - 1


def describe(tb):
    while tb is not None:
        frame = tb.tb_frame
        name = frame.f_code.co_name
        if name == "<module>":
            print(" ", name, tb.tb_lineno)
        else:
            print(" ", name, tb.tb_lineno, sorted(frame.f_locals.items()))
        tb = tb.tb_next


def run(stop):
    total = 0
    for i in range(2000):
        total += level1(i, stop - i)
    return total


try:
    print(run(1500))
except ZeroDivisionError as e:
    print(type(e).__name__, e)
    describe(e.__traceback__)


def checked(x):
    if x == 1700:
        raise ValueError("bad value " + str(x))
    return x


def loop_with_handler():
    caught = 0
    total = 0
    for i in range(2000):
        try:
            total += checked(i)
        except ValueError as e:
            caught += 1
            print("caught", e, e.__traceback__.tb_next.tb_lineno)
    return total, caught


print(loop_with_handler())


def peek(x):
    if x == 1234:
        caller = sys._getframe(1)
        print("caller", caller.f_code.co_name, caller.f_lineno)
        print("caller locals", sorted(k for k in caller.f_locals))
        print("caller i", caller.f_locals["i"])
        here = sys._getframe()
        print("back is caller", here.f_back is caller, here.f_back.f_back.f_code.co_name)
    return x + 1


def peeking_loop():
    t = 0
    for i in range(2000):
        t += peek(i)
    return t


print(peeking_loop())


def overflow(x):
    return x * x * x * x


def big_values():
    t = 0
    for i in range(2000):
        t += overflow(i * 1000)
    return t


print(big_values())


def typed(x):
    return x + 1


def changes_type():
    t = 0
    for i in range(2000):
        v = i if i < 1500 else i + 0.5
        t += typed(v)
    return t


print(changes_type())


def attribute_error(o):
    return o.missing


class Box:
    def __init__(self, v):
        self.v = v


def attr_loop():
    b = Box(1)
    t = 0
    for i in range(2000):
        t += b.v
        if i == 1900:
            try:
                attribute_error(b)
            except AttributeError as e:
                print(type(e).__name__, e)
    return t


print(attr_loop())
