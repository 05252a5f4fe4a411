# tracing: the global tracer decides per call; returning None disables local events
import sys
def local(frame, event, arg):
    print("  local", event, frame.f_lineno)
    return local

def global_tracer(frame, event, arg):
    name = frame.f_code.co_name
    print("global", event, name)
    if name == "traced":
        return local
    return None

def traced():
    x = 1
    return x

def untraced():
    y = 2
    return y

sys.settrace(global_tracer)
traced()
untraced()
traced()
sys.settrace(None)
print("done")
