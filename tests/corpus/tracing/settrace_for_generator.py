# tracing: a for loop over a generator; the exhausted generator reports StopIteration
import sys
def tracer(frame, event, arg):
    name = frame.f_code.co_name
    if event == "exception":
        print(event, name, arg[0].__name__)
    elif event != "line":
        print(event, name, repr(arg))
    return tracer

def numbers():
    yield 1
    yield 2

def consume():
    total = 0
    for n in numbers():
        total += n
    return total

sys.settrace(tracer)
consume()
sys.settrace(None)
