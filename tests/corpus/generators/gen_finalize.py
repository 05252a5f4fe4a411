# Generators: dropping the last reference closes the generator (finally blocks run)
def resource(name):
    print("open", name)
    try:
        yield 1
        yield 2
    finally:
        print("close", name)

g = resource("a")
next(g)
del g
print("after del")

def use():
    r = resource("b")
    print(next(r))
    return "returned"
print(use())

g = resource("c")
next(g)
g = None
print("after rebind")

for v in resource("d"):
    print("loop", v)
    break
print("after break")

unstarted = resource("e")
del unstarted
print("unstarted dropped silently")

def catch_exit(log):
    try:
        yield
    except GeneratorExit:
        log.append("GeneratorExit")
        raise
log = []
c = catch_exit(log)
next(c)
del c
print(log)
lst = [resource("f"), resource("g")]
for r in lst:
    next(r)
lst.clear()
print("end")
