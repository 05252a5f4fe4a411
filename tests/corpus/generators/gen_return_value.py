# Generators: return values travel in StopIteration.value
def gen(x):
    yield x
    return x * 2

g = gen(21)
print(next(g))
try:
    next(g)
except StopIteration as e:
    print(e.value, e.args)

def ret_none():
    yield 1
    return None
h = ret_none()
next(h)
try:
    next(h)
except StopIteration as e:
    print(e.value, e.args)

def ret_tuple():
    yield
    return (1, 2)
t = ret_tuple()
next(t)
try:
    next(t)
except StopIteration as e:
    print(e.value, e.args)

def ret_exc():
    yield
    return StopIteration("inner")
r = ret_exc()
next(r)
try:
    next(r)
except StopIteration as e:
    print(repr(e.value), e.args)

def outer():
    v = yield from gen(5)
    print("inner returned", v)
    return v + 1
o = outer()
print(list(o))
o2 = outer()
next(o2)
try:
    next(o2)
except StopIteration as e:
    print("outer value", e.value)

s = StopIteration(7, 8)
print(s.value, s.args)
print(StopIteration().value)
