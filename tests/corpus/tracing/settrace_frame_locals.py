# tracing: the tracer reads and writes locals through frame.f_locals on line events
import sys
def tracer(frame, event, arg):
    if frame.f_code.co_name != "compute":
        return tracer
    if event == "line":
        print(frame.f_lineno - compute.__code__.co_firstlineno, dict(frame.f_locals))
        if frame.f_locals.get("a") == 1:
            frame.f_locals["a"] = 10
    return tracer

def compute():
    a = 1
    b = a + 1
    return a + b

sys.settrace(tracer)
print(compute())
sys.settrace(None)
