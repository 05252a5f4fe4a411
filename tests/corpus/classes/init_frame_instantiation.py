# Instantiating plain classes whose __init__ is a Python function: the result,
# __init__ returning non-None, raising, recursion, frames and finalizers.
import sys


class Point:
    def __init__(self, x, y=0, *, z=1):
        self.x, self.y, self.z = x, y, z


p = Point(1, z=3)
print(p.x, p.y, p.z)
print([Point(i).x for i in range(5)])


class BadInit:
    def __init__(self):
        return 42


for _ in range(3):
    try:
        BadInit()
    except TypeError as e:
        print(type(e).__name__, e)


class Raises:
    def __init__(self, n):
        if n > 2:
            raise ValueError("too big: %d" % n)
        self.n = n


for n in range(5):
    try:
        print(Raises(n).n)
    except ValueError as e:
        print("caught", e, e.__traceback__.tb_next.tb_frame.f_code.co_name)


class WrongArgs:
    def __init__(self, a):
        self.a = a


for args in [(), (1, 2)]:
    try:
        WrongArgs(*args)
    except TypeError as e:
        print(type(e).__name__, e)


class Caller:
    def __init__(self):
        self.caller = sys._getframe(1).f_code.co_name


def make():
    return Caller()


print(make().caller)


class Node:
    def __init__(self, depth):
        self.child = Node(depth - 1) if depth else None


def depth(n):
    d = 0
    while n is not None:
        n, d = n.child, d + 1
    return d


print(depth(Node(200)))
try:
    Node(100000)
except RecursionError as e:
    print("RecursionError", e)


class Noisy:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print("del", self.name)


Noisy("a")
print("after a")
x = Noisy("b")
x = None
print("after b")


class GenInit:
    def __init__(self):
        yield 1


try:
    GenInit()
except TypeError as e:
    print(type(e).__name__, e)


class Sub(Point):
    pass


s = Sub(5, 6)
print(type(s).__name__, s.x, s.y)


class WithNew:
    def __new__(cls, *args):
        print("new", args)
        return super().__new__(cls)

    def __init__(self, v):
        self.v = v


print(WithNew(9).v)


def trace_init():
    BadInit()


trace_init()
