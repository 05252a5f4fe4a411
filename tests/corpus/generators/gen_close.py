# Generators: close() runs finally blocks, GeneratorExit, ignoring it is an error
def with_finally():
    try:
        yield 1
        yield 2
    finally:
        print("cleanup")

g = with_finally()
print(next(g))
g.close()
g.close()
print(list(g))

def catches_exit():
    try:
        yield 1
    except GeneratorExit:
        print("got GeneratorExit")
        raise

c = catches_exit()
next(c)
print(c.close())

def returns_value():
    try:
        yield 1
    except GeneratorExit:
        return "closing value"
rv = returns_value()
next(rv)
print("close returned", rv.close())

unstarted = with_finally()
unstarted.close()
print("unstarted closed without cleanup")

def raises_other():
    try:
        yield
    except GeneratorExit:
        raise ValueError("during close")
ro = raises_other()
next(ro)
try:
    ro.close()
except ValueError as e:
    print("ValueError:", e)

def stubborn():
    try:
        yield "still here"
    except GeneratorExit:
        print("ignoring once")
        yield "refused"

s = stubborn()
next(s)
s.close()
