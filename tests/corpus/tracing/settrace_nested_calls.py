# tracing: nested calls, recursion and calls through builtins (sorted key) are traced
import sys
depth = 0
def tracer(frame, event, arg):
    global depth
    if event == "call":
        print("  " * depth + "call", frame.f_code.co_name, frame.f_back.f_code.co_name)
        depth += 1
    elif event == "return":
        depth -= 1
        print("  " * depth + "return", frame.f_code.co_name, repr(arg))
    return tracer

def fact(n):
    return 1 if n <= 1 else n * fact(n - 1)

def key(x):
    return -x

def main():
    a = fact(3)
    b = sorted([1, 3, 2], key=key)
    return a, b

sys.settrace(tracer)
main()
sys.settrace(None)
