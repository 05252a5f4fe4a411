# Short runs the JIT hands back to the interpreter: an inner `for` over `zip` that runs
# two iterations per run inside an outer loop the JIT cannot trace (it is blacklisted, so
# it never calls the inner loop's tree), an `enumerate` loop with short runs, and a
# recursive function whose tree leaves through an exit without a side trace on most
# calls. Whatever the JIT keeps or gives up, the results must not change.


class Box:
    def __init__(self, v):
        self.v = v


def pairs(xs, ys):
    hits = 0
    for x, y in zip(xs, ys):
        if x == y:
            hits += 1
    return hits


def first_big(items):
    for i, v in enumerate(items):
        if v > 2:
            return i
    return -1


def build(lo, hi):
    if lo > hi:
        return None
    mid = (lo + hi) // 2
    return (build(lo, mid - 1), Box(mid), build(mid + 1, hi))


def size(node):
    if node is None:
        return 0
    return size(node[0]) + 1 + size(node[2])


total = 0
found = 0
for k in range(20000):
    try:
        total += pairs((k, k + 1), (k, k % 3))
    except KeyError:
        total -= 1
    found += first_big([k % 2, k % 3, k % 5])
print(total, found)
print(size(build(0, 5000)))
