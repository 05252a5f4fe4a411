# Generators: an exception thrown in with throw() and not handled carries the yield line
def worker():
    print("start")
    while True:
        x = yield
        print("got", x)

w = worker()
next(w)
w.send(1)
try:
    w.throw(OSError(2, "thrown"))
except OSError as e:
    print("caught", e.errno, e.strerror)
print(w.gi_frame)

def delegating():
    yield from worker()

d = delegating()
next(d)
d.send("via delegation")
d.throw(KeyError("deep"))
