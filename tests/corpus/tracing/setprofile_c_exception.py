# tracing: c_exception when a builtin raises, and profile return events during unwinding
import sys
def profiler(frame, event, arg):
    print(event, frame.f_code.co_name, getattr(arg, "__name__", repr(arg)))

def bad():
    return int("nope")

def caller():
    try:
        bad()
    except ValueError:
        pass
    return "ok"

sys.setprofile(profiler)
caller()
sys.setprofile(None)
print(sys.getprofile())
