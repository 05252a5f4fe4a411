# Inner loops with variable trip counts under a compiled outer loop (the outer trace runs
# the inner loop's tree natively and continues after it): 0, 1 and many trips, range(i),
# lists and tuples of changing lengths, break/continue/else, locals the inner loop leaves
# behind, the inner iterable changing type (list -> tuple -> generator -> range object).


def triangle(n):
    total = 0
    for i in range(n):
        for j in range(i % 7):
            total += j * i
    return total


print(triangle(3000))


def zero_and_one(n):
    hits = 0
    last = -1
    for i in range(n):
        for j in range(i % 2):
            hits += 1
            last = j + i
    return hits, last


print(zero_and_one(2001))


def huge_inner(n):
    total = 0
    for i in range(n):
        for j in range(i * 5000):
            total += j & 3
    return total


print(huge_inner(6))


def rows_of_lists(rows):
    total = 0
    last = None
    for row in rows:
        for x in row:
            total += x
            last = x
    return total, last


print(rows_of_lists([[k for k in range(i % 9)] for i in range(1500)]))
print(rows_of_lists([tuple(range(i % 5)) for i in range(1500)]))


def changing(n):
    total = 0
    for i in range(n):
        if i < n // 4:
            seq = [i, i + 1, i + 2]
        elif i < n // 2:
            seq = (i, i * 2)
        elif i < 3 * n // 4:
            seq = (k for k in range(i % 4))
        else:
            seq = range(i % 6)
        for x in seq:
            total += x
    return total


print(changing(2000))


def control(n):
    found = 0
    skipped = 0
    exhausted = 0
    for i in range(n):
        for j in range(10):
            if j == i % 13:
                found += 1
                break
            if j % 3 == 0:
                skipped += 1
                continue
        else:
            exhausted += 1
    return found, skipped, exhausted


print(control(3000))


def inner_float(n):
    acc = 0.0
    for i in range(n):
        for j in range(i % 4):
            acc += j * 0.5
    return acc


print(inner_float(3000))


def after_loop_uses_inner_local(n):
    total = 0
    for i in range(n):
        k = -1
        for k in range(i % 5):
            total += 1
        total += k
    return total


print(after_loop_uses_inner_local(3000))
