# tracing: settrace plus f_trace set on the running frame starts line events at the next line
import sys
def tracer(frame, event, arg):
    print(event, frame.f_code.co_name, frame.f_lineno - base)
    return tracer

def run():
    a = 1
    sys.settrace(tracer)
    sys._getframe().f_trace = tracer
    b = 2
    for i in range(2):
        a += i
    sys.settrace(None)
    c = 3
    return a + b + c

base = run.__code__.co_firstlineno
print(run())
print(sys.gettrace())
