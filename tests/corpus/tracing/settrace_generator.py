# tracing: generators produce call/return events on every resume and yield
import sys
def tracer(frame, event, arg):
    if frame.f_code.co_name == "gen":
        print(event, frame.f_lineno - gen.__code__.co_firstlineno, repr(arg))
    return tracer

def gen():
    yield 1
    x = 2
    yield x
    return 3

sys.settrace(tracer)
g = gen()
print(next(g))
print(next(g))
try:
    next(g)
except StopIteration as e:
    print("stop", e.value)
sys.settrace(None)
