# cycles with __del__ are finalized exactly once (PEP 442); resurrection keeps objects alive
import gc


class Node:
    def __init__(self, name):
        self.name = name
        self.peer = None

    def __del__(self):
        print("del", self.name)


gc.collect()
a = Node("a")
b = Node("b")
a.peer = b
b.peer = a
del a, b
print("before collect")
n = gc.collect()
print("collected", n)

saved = []


class Phoenix:
    def __init__(self):
        self.me = self
        self.deaths = 0

    def __del__(self):
        self.deaths += 1
        print("phoenix __del__", self.deaths)
        saved.append(self)


p = Phoenix()
del p
print("collect 1:", gc.collect())
print("resurrected:", len(saved), saved[0].deaths, gc.is_finalized(saved[0]))
saved.clear()
print("collect 2:", gc.collect())
print("after second collect (no second __del__)")

# a finalizer sees its peers intact
class Holder:
    def __init__(self, items):
        self.items = items
        self.items.append(self)

    def __del__(self):
        print("holder sees", len(self.items), "items")


Holder([1, 2])
gc.collect()
print(gc.is_finalized(Node("tmp")))
print("done")
