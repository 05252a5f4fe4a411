# Generators: gi_frame, gi_running, gi_code, gi_yieldfrom, gi_suspended, names
def inner():
    yield 1
    yield 2

def outer():
    yield from inner()

g = outer()
print(g.__name__, g.__qualname__)
print(g.gi_code.co_name, g.gi_code is outer.__code__)
print(g.gi_running, g.gi_suspended, g.gi_yieldfrom)
print(g.gi_frame is not None, g.gi_frame.f_code.co_name)
next(g)
print(g.gi_running, g.gi_suspended, type(g.gi_yieldfrom).__name__)
print(g.gi_yieldfrom.__name__)
print(g.gi_frame.f_lineno)
list(g)
print(g.gi_frame, g.gi_yieldfrom, g.gi_suspended)

class Holder:
    def method(self):
        yield self
h = Holder().method()
print(h.__qualname__)
h.__name__ = "renamed"
print(h.__name__)
try:
    h.__name__ = 5
except TypeError as e:
    print("TypeError:", e)
def running_check():
    yield gen.gi_running
gen = running_check()
print(next(gen))
def with_local(a):
    b = a + 1
    yield
lg = with_local(1)
print(lg.gi_frame.f_locals)
next(lg)
print(lg.gi_frame.f_locals)
print(hasattr(g, "gi_running"), hasattr(g, "cr_running"))
