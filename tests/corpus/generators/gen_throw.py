# Generators: throw() caught inside, propagated, and thrown into unstarted generators
def resilient():
    while True:
        try:
            yield "ok"
        except ValueError as e:
            print("caught", repr(e))
            yield "recovered"

g = resilient()
print(next(g))
print(g.throw(ValueError("bad")))
print(next(g))
print(g.throw(ValueError))
try:
    g.throw(KeyError("k"))
except KeyError as e:
    print("propagated", repr(e))
try:
    next(g)
except StopIteration:
    print("finished after propagation")

def unstarted():
    print("never printed")
    yield 1
u = unstarted()
try:
    u.throw(RuntimeError("early"))
except RuntimeError as e:
    print("early:", e)
print(list(u))

def returns_on_throw():
    try:
        yield 1
    except IndexError:
        return "handled"
r = returns_on_throw()
next(r)
try:
    r.throw(IndexError)
except StopIteration as e:
    print("stop value", e.value)
try:
    r.throw(TypeError("an instance"))
except TypeError as e:
    print(type(e).__name__, e)

def tb_gen():
    yield 1
    yield 2
t = tb_gen()
next(t)
t.throw(ZeroDivisionError("thrown in"))
