# Calls specialized for plain positional arguments (CALL_PY_EXACT_ARGS) with missing
# trailing parameters taken from defaults; then the callee changes under the hot call
# site (__defaults__, __code__, rebinding), and errors raised right at the call.
import sys


def scale(x, factor=2, offset=0):
    return x * factor + offset


def run(f, n):
    total = 0
    for i in range(n):
        total += f(i)
    return total


print(run(scale, 100))
scale.__defaults__ = (3, 1)
print(run(scale, 100))
scale.__defaults__ = (5,)
try:
    run(scale, 100)
except TypeError as e:
    print(type(e).__name__, e)
scale.__defaults__ = None
try:
    run(scale, 10)
except TypeError as e:
    print(type(e).__name__, e)


def other(x, factor=10, offset=0):
    return -x


scale.__defaults__ = (2, 0)
acc = []
for i in range(60):
    if i == 30:
        scale.__code__ = other.__code__
    acc.append(scale(i))
print(sum(acc[:30]), sum(acc[30:]))


class Point:
    def __init__(self, x, y=0, z=None):
        self.x = x
        self.y = y
        self.z = z

    def moved(self, dx, dy=1):
        return Point(self.x + dx, self.y + dy, self.z)


p = Point(0)
for i in range(200):
    p = p.moved(i)
print(p.x, p.y, p.z)


def mutable_default(item, bucket=[]):
    bucket.append(item)
    return len(bucket)


print([mutable_default(i) for i in range(40)][-1])


def pos_and_default(a, b, /, c=7):
    return a + b + c


print(sum(pos_and_default(i, i) for i in range(50)))
try:
    for i in range(50):
        pos_and_default(i)
except TypeError as e:
    print(type(e).__name__, e)


def with_cell(a, b=4):
    def inner():
        return a * b
    return inner()


print(sum(with_cell(i) for i in range(50)))


def frame_depth(n, depth=0):
    if n == 0:
        return sys._getframe().f_back.f_code.co_name, depth
    return frame_depth(n - 1, depth + 1)


for _ in range(40):
    r = frame_depth(20)
print(r)


def raises(x, y=0):
    return x // y


for i in range(40):
    try:
        raises(i, 1 if i < 35 else 0)
    except ZeroDivisionError as e:
        tb = e.__traceback__
        names = []
        while tb is not None:
            names.append(tb.tb_frame.f_code.co_name)
            tb = tb.tb_next
        print(i, type(e).__name__, e, names)
