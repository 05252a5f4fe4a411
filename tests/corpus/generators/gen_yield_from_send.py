# yield from: send, throw and close are delegated to the subgenerator
def inner():
    total = 0
    try:
        while True:
            try:
                v = yield total
            except KeyError as e:
                print("inner caught", repr(e))
                v = 100
            if v is None:
                return total
            total += v
    finally:
        print("inner finally")

def outer():
    result = yield from inner()
    print("result", result)
    yield "after"

g = outer()
print(next(g))
print(g.send(1))
print(g.send(2))
print(g.throw(KeyError("x")))
print(g.send(None))
try:
    next(g)
except StopIteration:
    print("outer exhausted")

g = outer()
next(g)
g.send(5)
g.close()
print("closed")

g = outer()
next(g)
try:
    g.throw(ValueError("not handled"))
except ValueError as e:
    print("propagated", e)

class SendOnly:
    def __init__(self):
        self.log = []
    def __iter__(self):
        return self
    def __next__(self):
        return "next"
    def send(self, v):
        self.log.append(v)
        if v == "stop":
            raise StopIteration("sent stop")
        return f"sent {v}"

def deleg(it):
    r = yield from it
    yield ("returned", r)
so = SendOnly()
d = deleg(so)
print(next(d), d.send("a"), d.send("b"), d.send("stop"))
print(so.log)
def deleg_iter():
    yield from iter([1, 2])
di = deleg_iter()
next(di)
try:
    di.send("x")
except AttributeError as e:
    print("AttributeError:", e)
