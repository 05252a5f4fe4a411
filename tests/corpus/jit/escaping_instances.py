# Instances made in a hot loop that escape (stored into a list or an attribute, kept in a
# local across iterations) are allocated by the trace; exits rebuild the ones still
# virtual. Identity, attribute values after deopts, finalizers of the objects they hold,
# nested instances and long loops (the deferred references stay bounded).


class P:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def __add__(self, o):
        return P(self.x + o.x, self.y + o.y)

    def __repr__(self):
        return f"P({self.x!r}, {self.y!r})"


def collect(n):
    out = []
    for i in range(n):
        out.append(P(i, i * 0.5))
    return out


ps = collect(1000)
print(len(ps), ps[0], ps[-1], ps[10] is ps[10], ps[10] is ps[11])
print(sum(p.x for p in ps), type(ps[5]).__name__, vars(ps[7]))


def walk(n, step):
    pos = P(0.0, 0.0)
    for i in range(n):
        pos = pos + step
        if i == n - 3:
            # A local kept across iterations, inspected after an exit.
            snapshot = pos
    return pos, snapshot


print(walk(5000, P(0.5, -0.25)))
# Int steps added to float positions.
print(walk(3000, P(1, 2)))


def walk_steps(steps):
    pos = P(0, 0)
    for s in steps:
        pos = pos + s
    return pos


# The fields change type mid-loop (int to float to big int): exits rebuild the virtual.
print(walk_steps([P(1, 1)] * 500 + [P(0.5, 1)] * 500 + [P(2**62, 1)] * 3))


class Box:
    def __init__(self):
        self.item = None


def store_into(box, n):
    for i in range(n):
        box.item = P(i, -i)
    return box.item


b = Box()
print(store_into(b, 2000), b.item.x)


class Node:
    def __init__(self, value, child):
        self.value = value
        self.child = child


def chain(n):
    nodes = []
    for i in range(n):
        leaf = Node(i, None)
        nodes.append(Node(i * 2, leaf))
    return nodes


nodes = chain(800)
print(nodes[-1].value, nodes[-1].child.value, nodes[3].child is nodes[3].child)


class Noisy:
    count = 0

    def __init__(self, n):
        self.n = n

    def __del__(self):
        Noisy.count += 1


def wrap_all(items):
    out = []
    for x in items:
        out.append(Node(x, None))
    return out


wrapped = wrap_all([Noisy(i) for i in range(600)])
print(len(wrapped), Noisy.count)
del wrapped
print(Noisy.count)


def long_loop(n):
    acc = P(0, 0)
    one = P(1, 2)
    for _ in range(n):
        acc = acc + one
    return acc


print(long_loop(200000))


def identity(n):
    same = 0
    prev = None
    for i in range(n):
        cur = P(i, i)
        if cur is prev:
            same += 1
        prev = cur
    return same, prev


print(identity(3000))


class Loud:
    def __init__(self, n):
        self.n = n

    def __del__(self):
        print("del", self.n)


def hold_each(items):
    last = None
    for x in items:
        last = P(x, 0)
    return last.x.n


loud = [Loud(i) for i in range(5)]
print(hold_each(loud))
del loud
print("end")


def hold_popped(items):
    last = None
    while items:
        last = P(items.pop(), 0)
    return last.x.n


print(hold_popped([Loud(i) for i in range(6)]))
print("after")


def hold_many(n):
    items = [Loud(i) for i in range(n)]
    last = None
    while items:
        last = P(items.pop(), 0)
        if len(items) == n // 2:
            print("half")
    return last.x.n


print(hold_many(12))
