# Generators keep their own "exception being handled" across yields (sys.exception())
import sys

def inside_handler():
    try:
        raise KeyError("in generator")
    except KeyError:
        yield repr(sys.exception())
        yield repr(sys.exception())
    yield repr(sys.exception())

g = inside_handler()
print(next(g))
print("caller sees", sys.exception())
try:
    raise ValueError("in caller")
except ValueError:
    print(next(g))
    print("caller still sees", repr(sys.exception()))
print(next(g))

def reports():
    while True:
        yield repr(sys.exception())
r = reports()
print(next(r))
try:
    raise IndexError("outer")
except IndexError:
    print(next(r))
print(next(r))

def chains():
    try:
        yield
    except TypeError:
        raise RuntimeError("while handling")
c = chains()
next(c)
try:
    c.throw(TypeError("thrown"))
except RuntimeError as e:
    print(repr(e), repr(e.__context__))
