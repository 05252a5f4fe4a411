# tracing: f_trace_opcodes (set with f_trace in the call event) produces opcode events
import sys
events = []
def tracer(frame, event, arg):
    if frame.f_code.co_name == "work":
        if event == "call":
            frame.f_trace = tracer
            frame.f_trace_opcodes = True
        events.append((event, frame.f_lineno - work.__code__.co_firstlineno))
    return tracer

def work():
    x = 1
    y = x + 2
    return y

sys.settrace(tracer)
work()
sys.settrace(None)
for e in events:
    print(e)
print(len([e for e in events if e[0] == "opcode"]) > 3)
