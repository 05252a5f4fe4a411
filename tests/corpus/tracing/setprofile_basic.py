# tracing: setprofile sees call/return and c_call/c_return for builtins, not lines
import sys
def profiler(frame, event, arg):
    if event.startswith("c_"):
        print(event, frame.f_code.co_name, getattr(arg, "__name__", arg))
    else:
        print(event, frame.f_code.co_name, repr(arg))

def helper(n):
    return len([0] * n)

def main():
    x = helper(3)
    s = sorted([3, 1, 2])
    return x + s[0]

sys.setprofile(profiler)
main()
sys.setprofile(None)
print(sys.getprofile())
