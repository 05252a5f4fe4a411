# Attribute stores that drop the attribute's reference while a local still holds the
# object (popping a linked queue), with finalizers: each popped item dies when the
# interpreter would drop its last reference, in the same order; polymorphic receivers
# (a store site specialized for another class).


class Item:
    def __init__(self, tag, link):
        self.tag = tag
        self.link = link

    def __del__(self):
        print("del", self.tag)


class Queue:
    def __init__(self):
        self.head = None
        self.popped = 0


def fill(q, n, base):
    for i in range(n):
        q.head = Item(base + i, q.head)


def drain(q):
    total = 0
    item = q.head
    while item is not None:
        q.head = item.link
        q.popped += 1
        total += item.tag
        item = q.head
    return total


q = Queue()
fill(q, 5, 0)
print("drain", drain(q), q.popped)
fill(q, 3, 100)
print("drain", drain(q), q.popped)


class Plain:
    def __init__(self, v):
        self.v = v
        self.link = None


def drain_plain(n):
    q = Queue()
    for i in range(n):
        p = Plain(i)
        p.link = q.head
        q.head = p
    total = 0
    node = q.head
    while node is not None:
        q.head = node.link
        total += node.v
        node = q.head
    return total, q.head


print("plain", drain_plain(3000))


class A:
    def __init__(self):
        self.x = None
        self.y = 1


class B:
    def __init__(self):
        self.y = 2
        self.x = None


def polymorphic_stores():
    objs = [A(), B(), A(), B()]
    shared = [A(), B()]
    for i in range(3000):
        o = objs[i % 4]
        o.x = shared[i % 2]
        o.y = o.y + 1
    return [(type(o).__name__, type(o.x).__name__, o.y) for o in objs]


print("poly", polymorphic_stores())
print("end")
