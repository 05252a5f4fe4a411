# tracing: hostile trace/profile functions: not callable, recursive, switching tracing off, raising
import sys
def f():
    return 1
sys.settrace(5)
try:
    f()
except TypeError as e:
    print("TypeError", e)
print(sys.gettrace())
def rec_tracer(frame, event, arg):
    f()
    return rec_tracer
sys.settrace(rec_tracer)
f()
sys.settrace(None)
def setter(frame, event, arg):
    sys.settrace(None)
    print("turned off in", event)
sys.settrace(setter)
f()
f()
print(sys.gettrace())
def deep(n):
    return n if n == 0 else deep(n - 1)
sys.settrace(lambda fr, ev, a: None)
print(deep(500))
sys.settrace(None)
sys.setprofile(lambda fr, ev, a: 1/0)
try:
    f()
except ZeroDivisionError as e:
    print("ZeroDivisionError", e)
print(sys.getprofile())
def g():
    yield sys._getframe()
fr = next(g())
print(fr.f_back)
print(sys._getframe().f_back)
