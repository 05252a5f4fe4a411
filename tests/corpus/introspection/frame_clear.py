# frame.clear(): clears a finished frame's locals; running and suspended frames refuse.
import sys

def finished():
    secret = [1, 2, 3]
    return sys._getframe()

f = finished()
print(sorted(f.f_locals))
print(f.clear())
print(f.f_locals, f.clear())

def gen():
    yield sys._getframe()
    yield 2

g = gen()
fo = next(g)
try:
    fo.clear()
except RuntimeError as e:
    print(type(e).__name__, e)
print(next(g), next(g, "done"))

def running():
    try:
        sys._getframe().clear()
    except RuntimeError as e:
        print(type(e).__name__, e)

running()

def outer():
    me = sys._getframe()
    def inner():
        try:
            me.clear()
        except RuntimeError as e:
            print("caller:", type(e).__name__, e)
    inner()

outer()
try:
    f.clear(1)
except TypeError as e:
    print(type(e).__name__, e)
