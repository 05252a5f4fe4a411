# Generators: send() values, the first send must be None
def accumulate():
    total = 0
    while True:
        value = yield total
        if value is None:
            break
        total += value
    return total

g = accumulate()
print(g.send(None))
print(g.send(5))
print(g.send(10))
try:
    g.send(None)
except StopIteration as e:
    print("returned", e.value)

g2 = accumulate()
try:
    g2.send(3)
except TypeError as e:
    print("TypeError:", e)
print(next(g2))
print(g2.send(1))

def echo():
    received = []
    while len(received) < 3:
        received.append((yield len(received)))
    return received
e = echo()
next(e)
e.send("a")
e.send("b")
try:
    e.send("c")
except StopIteration as s:
    print(s.value)
try:
    e.send(1)
except StopIteration as s:
    print("again", s.args)
g3 = accumulate()
g3.send(None)
g3.send(None) if False else None
print(g3.send(7))
g4 = accumulate()
g4.send(99)
