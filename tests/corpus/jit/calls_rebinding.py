# Rebinding what the JIT folded or guarded: global functions, module attributes, class
# attributes and defaults, inside and outside hot loops.
import math


def f(x):
    return x + 1


def g(x):
    return x * 10


total = 0
for i in range(3000):
    if i == 2000:
        f = g
    total += f(i)
print("rebound inside", total)


def h(x):
    return x - 1


def call_h():
    t = 0
    for i in range(2000):
        t += h(i)
    return t


print("before", call_h())


def h(x):
    return x - 2


print("after", call_h())


def with_defaults(x, k=2):
    return x * k


def run_defaults():
    t = 0
    for i in range(2000):
        t += with_defaults(i)
    return t


print("defaults", run_defaults())
with_defaults.__defaults__ = (5,)
print("new defaults", run_defaults())


def roots():
    t = 0.0
    for i in range(2000):
        t += math.sqrt(i) + math.pi
    return t


print("sqrt", roots())
real_sqrt = math.sqrt
math.sqrt = lambda x: -1.0
print("patched", roots())
math.sqrt = real_sqrt
print("restored", roots())


def patch_inside():
    t = 0.0
    for i in range(2000):
        if i == 1500:
            math.pi = 3.0
        t += math.pi
    return t


saved_pi = math.pi
print("pi inside", patch_inside())
math.pi = saved_pi


class Config:
    SCALE = 3

    def scaled(self, x):
        return x * self.SCALE


def scale_loop():
    t = 0
    c = Config()
    for i in range(2000):
        t += Config.SCALE + c.scaled(i)
    return t


print("class attr", scale_loop())
Config.SCALE = 7
print("class attr rebound", scale_loop())


def method_swap():
    c = Config()
    t = 0
    for i in range(3000):
        if i == 2000:
            Config.scaled = lambda self, x: -x
        t += c.scaled(i)
    return t


print("method rebound inside", method_swap())
