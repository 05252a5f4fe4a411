# tracing: class bodies, lambdas and comprehensions produce call events with their names
import sys
def tracer(frame, event, arg):
    if event in ("call", "return"):
        print(event, frame.f_code.co_name)
    return None

sys.settrace(tracer)
class Box:
    size = 3
    def area(self):
        return self.size ** 2
f = lambda v: v + 1
values = [f(i) for i in range(2)]
gen_total = sum(i for i in range(3))
Box().area()
sys.settrace(None)
print(values, gen_total)
