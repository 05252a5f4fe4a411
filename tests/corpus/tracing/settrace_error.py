# tracing: an exception inside the trace function disables tracing and propagates
import sys
calls = 0
def tracer(frame, event, arg):
    global calls
    calls += 1
    if event == "line":
        raise ValueError("tracer failed")
    return tracer

def f():
    x = 1
    return x

sys.settrace(tracer)
try:
    f()
except ValueError as e:
    print("caught", e)
print(sys.gettrace(), calls)
f()
print(calls)
sys.settrace(tracer)
f()
