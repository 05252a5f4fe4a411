# tracing: an exception raised and caught in the same frame: exception then line events
import sys
def tracer(frame, event, arg):
    rel = frame.f_lineno - catch.__code__.co_firstlineno
    if event == "exception":
        print(event, rel, arg[0].__name__)
    else:
        print(event, rel)
    return tracer

def catch():
    try:
        x = int("zz")
    except ValueError:
        x = -1
    finally:
        y = 2
    return x + y

sys.settrace(tracer)
catch()
sys.settrace(None)
