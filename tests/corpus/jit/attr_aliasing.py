# Two names for the same object in a hot loop: a store through one name must be seen by
# loads through the other (the heap cache must not forward across possibly-aliasing stores).


class Cell:
    def __init__(self, x):
        self.x = x


def alias(n):
    a = Cell(0)
    b = a
    out = 0
    for i in range(n):
        a.x = 1
        b.x = 2
        out += a.x
    return out, a.x


def maybe_alias(n, cells):
    total = 0
    for i in range(n):
        p = cells[i % 3]
        q = cells[(i + 1) % 3]
        p.x = i
        q.x = -i
        total += p.x
    return total, [c.x for c in cells]


def same_in_list(n):
    c = Cell(0.0)
    cells = [c, c]
    for i in range(n):
        cells[0].x = 1.5
        cells[1].x += 1.0
    return c.x


shared = Cell(0)
print(alias(3000))
print(maybe_alias(3000, [Cell(0), Cell(0), Cell(0)]))
print(maybe_alias(3000, [shared, shared, Cell(0)]))
print(same_in_list(3000))
