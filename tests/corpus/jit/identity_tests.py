# `is`, `is not` and `x is None` tests in hot loops: linked-list walks that end at None,
# identity of objects, numbers, bools and None, and outcomes that change mid-loop.


class Link:
    def __init__(self, v, nxt):
        self.v = v
        self.link = nxt


def build(n):
    head = None
    for i in range(n):
        head = Link(i, head)
    return head


def walk(head, rounds):
    t = 0
    for _ in range(rounds):
        node = head
        while node is not None:
            t += node.v
            node = node.link
    return t


print("walk", walk(build(50), 60))


def identity_mix():
    a, b = Link(1, None), Link(2, None)
    objs = [a, b, a, None, 3, 3.5, True, a]
    counts = [0, 0, 0, 0]
    for i in range(4000):
        x = objs[i % 8]
        if x is a:
            counts[0] += 1
        if x is not b:
            counts[1] += 1
        if x is None:
            counts[2] += 1
        counts[3] += (x is True) + (x is not None)
    return counts


print("mix", identity_mix())


def numbers_are_never_none():
    t = 0
    x = 0
    for i in range(3000):
        x = x + i
        if x is None:
            t -= 1
        if i is not None:
            t += 1
        big = 10**20 + i
        if big is None:
            t -= 100
    return t, x


print("numbers", numbers_are_never_none())


def changes_midway():
    marker = object()
    seen = []
    cur = None
    for i in range(3000):
        if i == 2500:
            cur = marker
        if cur is None:
            continue
        seen.append(cur is marker)
    return len(seen), all(seen)


print("changes", changes_midway())


def sentinel_error():
    d = None
    for i in range(3000):
        if i == 2999:
            d = {}
        if d is not None:
            return d["missing"]


try:
    sentinel_error()
except KeyError as e:
    print(type(e).__name__, e)
