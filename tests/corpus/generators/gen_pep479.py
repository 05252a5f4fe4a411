# PEP 479: StopIteration raised inside a generator becomes RuntimeError
def leaky():
    yield 1
    raise StopIteration("leak")

g = leaky()
print(next(g))
try:
    next(g)
except RuntimeError as e:
    print("RuntimeError:", e)
    print("cause:", repr(e.__cause__))
    print("suppress:", e.__suppress_context__)

def via_next():
    it = iter([])
    yield next(it)
try:
    list(via_next())
except RuntimeError as e:
    print(e, type(e.__cause__).__name__)

def stop_subclass():
    class MyStop(StopIteration):
        pass
    yield 0
    raise MyStop
try:
    list(stop_subclass())
except RuntimeError as e:
    print(e, type(e.__cause__).__name__)

def caught_inside():
    try:
        raise StopIteration
    except StopIteration:
        yield "caught inside is fine"
print(list(caught_inside()))
print(list(x for x in [1, 2] if x))

def final():
    yield 1
    next(iter(()))
for v in final():
    print("value", v)
