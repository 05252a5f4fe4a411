# tracing: profile events for builtin methods, method descriptors and Python methods
import sys
log = []
def profiler(frame, event, arg):
    if event.startswith("c_"):
        log.append((event, arg.__name__, type(arg).__name__))
    else:
        log.append((event, frame.f_code.co_name))

class Stack:
    def __init__(self):
        self.items = []
    def push(self, v):
        self.items.append(v)

sys.setprofile(profiler)
s = Stack()
s.push(1)
"a,b".split(",")
list.append(s.items, 2)
max(1, 2)
sys.setprofile(None)
for entry in log:
    print(entry)
