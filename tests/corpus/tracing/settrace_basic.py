# tracing: call/line/return events of a simple function, with a local trace function
import sys
events = []
def tracer(frame, event, arg):
    events.append((event, frame.f_code.co_name, frame.f_lineno, arg))
    return tracer

def add(a, b):
    c = a + b
    d = c * 2
    return d

sys.settrace(tracer)
result = add(1, 2)
sys.settrace(None)
print(result)
for e in events:
    print(e)
print(sys.gettrace())
