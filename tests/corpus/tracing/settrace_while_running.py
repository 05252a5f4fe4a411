# tracing: settrace called inside a loop traces only calls made afterwards
import sys
def tracer(frame, event, arg):
    print(event, frame.f_code.co_name, frame.f_lineno - helper.__code__.co_firstlineno)
    return tracer

def helper(i):
    return i * 2

total = 0
for i in range(4):
    if i == 2:
        sys.settrace(tracer)
    total += helper(i)
sys.settrace(None)
print(total)
