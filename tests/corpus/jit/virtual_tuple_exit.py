# Tuples the trace never allocates (built, passed to an inlined call and unpacked there)
# while guards inside the call can fail: the exit must rebuild the tuple, with the right
# items, for the interpreter to continue with (and for code that keeps it).

kept = []


def norm(p):
    x, y = p
    if x % 997 == 0:
        kept.append(p)  # a branch the trace did not record: the exit rebuilds `p`
    return x * x + y * y


def total(n):
    s = 0
    for i in range(1, n):
        s += norm((i, i + 1))
    return s


def big(n):
    # Squares outgrow 64-bit ints halfway: the overflow exit happens inside `norm`.
    s = 0
    x = 2**20
    for i in range(n):
        s += norm((x, i))
        x = x * 3 // 2 + 1
        if x > 2**70:
            x = 2**20
    return s


def nested(n):
    out = 0
    for i in range(n):
        pair = norm2(((i, 1.5), (2, float(i))))
        out += pair
    return out


def norm2(pq):
    p, q = pq
    (a, b), (c, d) = p, q
    if a == 1500:
        kept.append(pq)
    return a * b + c * d


print(total(3000))
print(big(3000))
print(nested(3000))
print(kept)
print([type(k).__name__ for k in kept])
