# weakref.finalize (called on death, detach, peek, alive, at exit) and WeakMethod
import weakref


class R:
    def method(self):
        return "called"


def done(*args, **kwargs):
    print("finalized", args, kwargs)
    return "result"


r = R()
f = weakref.finalize(r, done, 1, 2, key="v")
print(f.alive, f.peek()[1:] == (done, (1, 2), {"key": "v"}), f.atexit)
del r
print(f.alive, f.peek(), f())

r2 = R()
f2 = weakref.finalize(r2, done, "manual")
print(f2(), f2.alive, f2())
del r2

r3 = R()
f3 = weakref.finalize(r3, done, "detached")
info = f3.detach()
print(info[0] is r3, info[1] is done, info[2], f3.alive, f3.detach())
del r3

r4 = R()
wm = weakref.WeakMethod(r4.method)
print(wm()(), wm() == r4.method, isinstance(wm, weakref.ref))
wm_log = []
wm2 = weakref.WeakMethod(r4.method, lambda w: wm_log.append("dead"))
print(wm == wm2)
del r4
print(wm(), wm_log)
try:
    weakref.WeakMethod(len)
except TypeError as e:
    print(type(e).__name__, e)

keep = R()
weakref.finalize(keep, print, "at exit 1")
weakref.finalize(keep, print, "at exit 2")
no_exit = weakref.finalize(keep, print, "never")
no_exit.atexit = False
print("end of program")
