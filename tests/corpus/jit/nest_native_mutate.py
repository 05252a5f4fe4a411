# Inner loops run natively from an outer trace that change what the outer loop sees: the
# inner loop appends to the outer list, rebinds the outer loop variable, rebinds a global,
# overflows a counter into a big int mid-way, produces NaN, and changes an object's
# attribute types.
import sys

def grow(n):
    items = [1, 2, 3]
    total = 0
    for i in range(n):
        for x in items:
            total += x
            if len(items) < 40 and i % 50 == 0:
                items.append(i)
    return total, len(items)


print(grow(1000))


def rebind_outer(n):
    seen = 0
    for i in range(n):
        for j in range(3):
            i = i + j
            seen += i
    return seen, i


print(rebind_outer(1500))

G = 0


def rebind_global(n):
    global G
    for i in range(n):
        for j in range(i % 4):
            G = G + j
    return G


print(rebind_global(2000))


def overflow(n):
    acc = 1
    out = []
    for i in range(n):
        for j in range(3):
            acc = acc * 3 + j
        if i % 10 == 0:
            out.append(acc % 1000003)
    return out[-3:], acc.bit_length()


print(overflow(200))


def nan_inner(n):
    acc = 0.0
    flags = 0
    for i in range(n):
        for j in range(2):
            if i == n // 2:
                acc = float("inf") - float("inf")
            else:
                acc += 1.0
        if acc != acc:
            flags += 1
            acc = 0.0
    return acc, flags


print(nan_inner(1000))


class Cell:
    def __init__(self, v):
        self.v = v


def attr_types(n):
    cells = [Cell(i) for i in range(5)]
    total = 0
    for i in range(n):
        for c in cells:
            c.v = c.v + 1
        if i == n // 2:
            cells[2].v = 0.5
        if i == 3 * n // 4:
            cells[3].v = 10 ** 30
    return [c.v for c in cells]


print(attr_types(1000))


def shrink(n):
    items = list(range(30))
    total = 0
    for i in range(n):
        for x in items:
            total += x
            if i % 97 == 0 and items:
                items.pop()
    return total, len(items)


print(shrink(1000))
