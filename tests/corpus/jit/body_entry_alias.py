# A loop whose back-edge writes one value to two variables (`best = i`, `best_abs = v`): a
# side trace that leaves them different must not enter the loop body, which assumes them
# equal (the pivot search of an LU factorization picked the last row every time).


def rand_stream(seed, count):
    x = seed
    out = []
    for _ in range(count):
        x ^= (x << 13) & 0xFFFFFFFF
        x ^= x >> 17
        x ^= (x << 5) & 0xFFFFFFFF
        out.append(x / 4294967296.0 - 0.5)
    return out


def argmax_abs(col, start):
    best = start
    best_abs = abs(col[start])
    for i in range(start + 1, len(col)):
        v = abs(col[i])
        if v > best_abs:
            best = i
            best_abs = v
    return best, best_abs


def pivot_row(a, n, j):
    best = j
    best_abs = abs(a[j][j])
    for i in range(j + 1, n):
        v = abs(a[i][j])
        if v > best_abs:
            best = i
            best_abs = v
    return best


def last_equal(xs):
    a = b = 0
    for x in xs:
        if x % 3:
            a = x
            b = x
        else:
            a = x + 1
    return a, b


def running(xs):
    lo = hi = xs[0]
    for x in xs:
        if x < lo:
            lo = x
        if x > hi:
            hi = x
    return lo, hi


vals = rand_stream(31337, 20000)
for n in (95, 100, 3000, 20000):
    col = vals[:n]
    print(n, [argmax_abs(col, s)[0] for s in range(0, n, max(1, n // 40))][:40])
for n in (95, 97, 100):
    a = [vals[i * n:(i + 1) * n] for i in range(n)]
    print(n, [pivot_row(a, n, j) for j in range(n)])
ints = [int(v * 1000) for v in vals]
print(last_equal(ints))
print(running(ints))
print(running(vals))
