# tracing: line events inside for/while loops, including one-line loops and backward jumps
import sys
def tracer(frame, event, arg):
    if event == "line":
        print("line", frame.f_lineno - first)
    else:
        print(event, frame.f_code.co_name)
    return tracer

first = 0
def loops():
    total = 0
    for i in range(3):
        total += i
    n = 2
    while n > 0:
        n -= 1
    for j in range(2): total += j
    while n < 2: n += 1
    return total

first = loops.__code__.co_firstlineno
sys.settrace(tracer)
loops()
sys.settrace(None)
