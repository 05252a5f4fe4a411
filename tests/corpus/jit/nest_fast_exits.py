# Inner loops run natively from an outer trace whose runs end early in many ways, after
# the bridge has cached what it needs: a guard failing mid-way through a list or a range
# (the interpreter must go on from the right item), `break`, `return` from inside, an
# exception, empty iterables, and the sequence switching between list and tuple.
import sys


def mid_list(n):
    # Every 37th outer iteration the inner list holds a float in the middle.
    ints = [1, 2, 3, 4, 5, 6, 7]
    mixed = [1, 2, 3, 4.5, 5, 6, 7]
    total = 0
    seen = []
    for i in range(n):
        items = mixed if i % 37 == 36 else ints
        for x in items:
            total += x
        seen.append(x)
    return total, seen[-40:-30], sum(seen)


print(mid_list(900))


def mid_range(n):
    # The inner range's items overflow a small int only late in the run.
    total = 0
    last = []
    for i in range(n):
        for j in range(i % 3, 9, 2):
            total += j * (1 << 40 if i > n - 5 else 1)
        last.append(j)
    return total, last[-6:]


print(mid_range(700))


def early(n):
    hits = 0
    where = []
    for i in range(n):
        for j in range(10):
            if j == i % 11:
                hits += 1
                break
        where.append(j)
    return hits, where[-12:]


print(early(600))


def find(rows, target):
    for r, row in enumerate(rows):
        for c in row:
            if c == target:
                return r, c
    return None


rows = [[i * 7 + k for k in range(6)] for i in range(300)]
print(find(rows, 1500), find(rows, -1))


def raising(n):
    caught = 0
    total = 0
    for i in range(n):
        try:
            for x in (1, 2, 0, 4) if i % 50 == 49 else (1, 2, 3, 4):
                total += 12 // x
        except ZeroDivisionError as e:
            caught += 1
            last = str(e)
    return total, caught, last


print(raising(800))


def empties(n):
    lists = [[], [1], [], [2, 3], ()]
    total = 0
    runs = 0
    for i in range(n):
        seq = lists[i % 5]
        for x in seq:
            total += x
        for j in range(i % 3 - 1):
            runs += 1
        for k in range(5, 5):
            runs += 100
    return total, runs


print(empties(1000))


def list_or_tuple(n):
    as_list = [3, 1, 4, 1, 5]
    as_tuple = (2, 7, 1, 8, 2, 8)
    total = 0
    for i in range(n):
        for x in as_list if (i // 100) % 2 else as_tuple:
            total = total * 3 % 1000003 + x
    return total


print(list_or_tuple(1000))


def inner_only_local(n):
    # `inner` is only used by the inner loop: its last value goes straight to the frame.
    out = 0
    for i in range(n):
        for inner in range(i % 4 + 1):
            pass
        out += 1
    return out, inner


print(inner_only_local(500))

sys.stdout.flush()
