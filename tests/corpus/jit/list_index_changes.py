# Indexing in `for i in range(len(x))` loops (bounds checks hoisted out of the loop) when
# the list changes under the loop: an int list that gets a float, str or big int from
# another function, lists resized or cleared inside the loop (the exact IndexError), a
# range longer than the list, and negative indices.


def prefix_sums(data):
    out = [0] * len(data)
    running = 0
    for i in range(len(data)):
        running += data[i]
        out[i] = running
    return out


def reverse_pairs(data):
    n = len(data)
    acc = 0
    for i in range(n):
        acc += data[i] * data[-1 - i]
    return acc % 1000000007


def spoil(data, at, value):
    data[at] = value


def sum_spoiled(data, at, value):
    total = 0
    for i in range(len(data)):
        if i == at:
            spoil(data, at, value)
        total += data[i]
    return total


def shrink_inside(data, at):
    total = 0
    for i in range(len(data)):
        if i == at:
            data.pop()
            data.pop()
        total += data[i]
    return total


def clear_inside(data, at):
    total = 0
    for i in range(len(data)):
        if i == at:
            data.clear()
        total += data[i]
    return total


def too_far(data, extra):
    total = 0
    for i in range(len(data) + extra):
        total += data[i]
    return total


def from_end(data, extra, c):
    # data[c - i]: negative indices walking back from the end, past the start when
    # extra > 0 (IndexError), or with the list shrinking under the loop.
    acc = 0
    for i in range(len(data) + extra):
        if i == 2500 and extra < 0:
            del data[:10]
        acc += data[c - i]
    return acc


def store_past(data, n):
    for i in range(n):
        data[i] = i * 2
    return data[-1]


data = [(i * 7919) % 1009 for i in range(3000)]
sums = prefix_sums(data)
print(sums[-1], sums[len(sums) // 2])
print(reverse_pairs(data))
print(sum_spoiled(list(data), 2000, 0.5))
print(sum_spoiled(list(data), 2500, 2**70))
try:
    print(sum_spoiled(list(data), 1500, "x"))
except TypeError as e:
    print(type(e).__name__, e)
for f, args in [
    (shrink_inside, (list(data), 2000)),
    (clear_inside, (list(data), 2500)),
    (too_far, (list(data), 1)),
    (store_past, (list(data), 3001)),
    (too_far, ([1, 2, 3], 2)),
    (from_end, (list(data), 0, -1)),
    (from_end, (list(data), -5, -3)),
    (from_end, (list(data), 1, -1)),
    (from_end, (list(data), -2, -3)),
    (from_end, (list(data), -400, -3)),
]:
    try:
        print(f(*args))
    except IndexError as e:
        print(f.__name__, type(e).__name__, e)
print(prefix_sums([1.5] * 2000)[-1])
print(prefix_sums([2**62] * 2000)[-1])
print(reverse_pairs(list(range(-1500, 1500))))
print(too_far(data, 0))
too_far(list(range(2000)), 3)
