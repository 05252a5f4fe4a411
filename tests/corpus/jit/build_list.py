# List displays in hot loops, made by a helper in the trace: empty lists filled later,
# lists of numbers, objects and new instances (allocated first), identity of a list put
# twice, lists kept across iterations, and long loops (the deferred references stay
# bounded).


class P:
    def __init__(self, x):
        self.x = x


def pairs(n):
    out = []
    for i in range(n):
        out.append([i, i * 0.5, None, "s"])
    return out


ps = pairs(2000)
print(len(ps), ps[0], ps[-1], ps[3] is ps[4])


def groups(n):
    total = 0
    for i in range(n):
        g = []
        if i % 3 == 0:
            g.append(i)
        total += len(g)
    return total


print(groups(3000))


def wrapped(n):
    keep = []
    for i in range(n):
        p = P(i)
        row = [p, p, P(-i)]
        keep.append(row)
    return keep


rows = wrapped(1500)
print(rows[-1][0].x, rows[-1][0] is rows[-1][1], rows[-1][2].x, rows[7][0] is rows[8][0])


def last_list(n):
    cur = None
    for i in range(n):
        cur = [i, i + 1]
    return cur


print(last_list(100000))


def mixed(values):
    out = []
    for v in values:
        out.append([v])
    return out


print(mixed([1, 2.5, 2**70, "x", (1,), [2]] * 100)[-6:])
