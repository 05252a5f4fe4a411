# Object-valued attribute stores in hot loops: references moved between objects, a
# `__del__` on objects overwritten in the loop (finalizers run exactly when the
# interpreter runs them), objects stored in the loop and read after a deopt, reference
# cycles made in the loop and collected by gc.collect(), and exceptions with tracebacks.
import gc


class Node:
    def __init__(self, name):
        self.name = name
        self.next = None
        self.other = None


def relink():
    nodes = [Node(i) for i in range(8)]
    for i in range(3000):
        a = nodes[i % 8]
        b = nodes[(i * 3 + 1) % 8]
        a.next = b
        b.other = a.next
    return [(n.name, n.next.name if n.next else None, n.other.name if n.other else None)
            for n in nodes]


print("relink", relink())


class Noisy:
    def __init__(self, tag):
        self.tag = tag

    def __del__(self):
        print("del", self.tag)


class Holder:
    def __init__(self):
        self.item = None


def finalizers():
    h = Holder()
    keep = [Noisy(k) for k in range(3)]
    for i in range(2000):
        h.item = keep[i % 3]
        if i == 1500:
            # The next store drops the last reference: __del__ runs right there.
            h.item = Noisy("last-%d" % i)
            print("stored", h.item.tag)
    print("loop done")
    del keep
    print("keep dropped")
    return h


h = finalizers()
print("returned", h.item.tag)
del h
print("holder dropped")


def read_after_deopt():
    nodes = [Node(i) for i in range(5)]
    head = Node("head")
    for i in range(3000):
        head.next = nodes[i % 5]
        if i % 997 == 0:
            # An exit after the store: the interpreter must see it.
            head.other = head.next.name
    return head.next.name, head.other


print("deopt", read_after_deopt())


def cycles():
    gc.collect()
    pairs = [(Node("a%d" % i), Node("b%d" % i)) for i in range(6)]
    for i in range(3000):
        a, b = pairs[i % 6]
        a.next = b
        b.next = a
    del a, b
    pairs = None
    return gc.collect() > 0


print("cycles collected", cycles())


class Tree:
    def __init__(self, v):
        self.v = v
        self.left = None
        self.right = None


def rotate():
    nodes = [Tree(i) for i in range(16)]
    root = nodes[0]
    for i in range(4000):
        n = nodes[i % 16]
        n.left, n.right = n.right, nodes[(i + 5) % 16]
        if n.left is not None and n.left.v == 7:
            root = n
    total = 0
    for n in nodes:
        total += (n.left.v if n.left is not None else -1) + n.right.v
    return root.v, total


print("rotate", rotate())


def overwrite_with_numbers():
    n = Node("x")
    seen = []
    for i in range(3000):
        n.next = n if i % 2 else 10**30 + i
        if i > 2995:
            seen.append(n.next is n)
    return seen, n.next is n


print("mixed", overwrite_with_numbers())


def broken():
    n = Node("y")
    items = [Node(i) for i in range(4)] + [None]
    for i in range(3000):
        n.next = items[i % 5]
        n.other = n.next.name


try:
    broken()
except AttributeError as e:
    print(type(e).__name__, e)


def uncaught():
    n = Node("z")
    for i in range(3000):
        n.next = Node(i) if i < 2500 else None
        n.next.other = n


uncaught()
