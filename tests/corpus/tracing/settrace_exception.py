# tracing: exception events in each frame an exception passes through, return None on unwind
import sys
def tracer(frame, event, arg):
    if event == "exception":
        print(event, frame.f_code.co_name, arg[0].__name__, arg[1], frame.f_lineno)
    else:
        print(event, frame.f_code.co_name, frame.f_lineno, repr(arg))
    return tracer

def inner():
    raise KeyError("k")

def middle():
    inner()

def outer():
    try:
        middle()
    except KeyError:
        return "handled"

sys.settrace(tracer)
outer()
sys.settrace(None)
