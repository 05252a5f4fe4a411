# `for` over lists and tuples inlined into traces: the iterator's position lives in the
# trace and the list's length is read again every iteration, so lists that grow, shrink or
# are replaced while they are being iterated behave exactly as in the interpreter.


def total(items):
    s = 0
    for x in items:
        s += x
    return s


def float_total(items):
    s = 0.0
    for x in items:
        s += x * 0.5
    return s


def grows(n):
    # Appending while iterating: the loop sees the new items.
    items = [1, 2, 3]
    count = 0
    for x in items:
        count += 1
        if len(items) < n:
            items.append(x + 3)
    return count, len(items), items[-1]


def shrinks():
    # Removing items while iterating skips some, as in CPython.
    items = list(range(40))
    seen = 0
    for x in items:
        seen += 1
        if x % 3 == 0:
            items.pop()
    return seen, len(items)


def breaks(items):
    for x in items:
        if x > 500:
            break
    return x


def mixed_types(items):
    # Ints, then floats, then a big int appear in the same loop.
    s = 0
    for x in items:
        s = s + x
    return s


def reuse_iterator():
    items = list(range(100))
    it = iter(items)
    firsts = 0
    for x in it:
        firsts += x
        if x == 60:
            break
    rest = 0
    for x in it:
        rest += x
    return firsts, rest


def objects(rows):
    # Items that are objects (lists) stored into locals.
    s = 0
    for row in rows:
        s += row[0] - row[-1]
    return s


print(total(list(range(1000))))
print(total(tuple(range(1000))))
print(total([]))
print(float_total([i / 4 for i in range(500)]))
print(grows(200))
print(shrinks())
print(breaks(list(range(1000))))
print(mixed_types(list(range(300)) + [0.5] * 10 + [2 ** 70, 1]))
print(mixed_types([1.5] * 100 + [1] * 100))
print(reuse_iterator())
print(objects([[i, i * 2, i * 3] for i in range(200)]))
s = 0
for v in (1, 2, 3) * 100:
    s += v
print(s)
