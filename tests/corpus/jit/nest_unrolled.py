# Short inner loops (`for k in range(<constants>)`, at most 8 trips) are unrolled into the
# outer loop's trace with a virtual range iterator: exits inside the unrolled body must
# rebuild the iterator at the right position (overflow, type changes, break, continue,
# exceptions with their traceback, `range` rebound, zero trips, negative steps).
def grid(n):
    acc = 0
    for i in range(n):
        for j in range(n):
            if -2 <= i - j <= 2:
                continue
            for k in range(3):
                acc += (i * j + k) % 7
    return acc


def steps(n):
    out = []
    for i in range(n):
        s = 0
        for k in range(7, 0, -3):
            s += k * i
        for k in range(2, 9, 3):
            s -= k
        for k in range(0):
            s += 1000
        for k in range(5, 5):
            s += 1000
        out.append(s)
    return sum(out), out[-3:]


def overflow(n):
    # The accumulator leaves the small-int range inside the unrolled body.
    acc = 1
    for i in range(n):
        for k in range(4):
            acc = acc * 3 + k
    return acc % 1000003, acc.bit_length()


def type_change(n):
    x = 0
    for i in range(n):
        for k in range(3):
            if i == n // 2 and k == 1:
                x = float(x)
            x += k
    return x


def breaks(n):
    acc = 0
    for i in range(n):
        for k in range(6):
            if k * i > 3000:
                break
            if (k + i) % 3 == 0:
                continue
            acc += k
        acc += 1
    return acc


def two_levels(n):
    acc = 0
    for i in range(n):
        for a in range(2):
            for b in range(3):
                acc += i * a - b
    return acc


def while_inside(n):
    acc = 0
    for i in range(n):
        for k in range(3):
            j = k
            while j < 5:
                acc += j
                j += 2
    return acc


def gen_inside(n):
    def numbers():
        v = 0
        while True:
            v += 1
            yield v
    g = numbers()
    acc = 0
    for i in range(n):
        for k in range(2):
            acc += next(g) * k
    return acc


def long_inner(n):
    # Too many trips to unroll: the inner loop keeps its own trace.
    acc = 0
    for i in range(n):
        for k in range(20):
            acc += k ^ i
    return acc


def rebound(n):
    global range
    acc = 0
    for i in range(n):
        if i == n // 2:
            range = lambda *a: [10, 20]
        for k in range(3):
            acc += k
    del range
    return acc


def branchy(n):
    # Data-dependent branches inside the unrolled body: side traces start inside it (the
    # iterator is virtual there too) and finish the unrolled loop.
    acc = 0
    hist = [0, 0, 0, 0]
    for i in range(n):
        for k in range(4):
            if (i * 7 + k * 3) % 5 < 2:
                acc += k
                hist[k] += 1
            else:
                acc -= 1
            if i % 97 == 3 and k == 2:
                break
    return acc, hist


def raises(n):
    acc = 0
    for i in range(n):
        for k in range(3):
            acc += 100 // (n - 1 - i - k)
    return acc


print(grid(120))
print(steps(1500))
print(overflow(900))
print(type_change(1000))
print(breaks(1500))
print(two_levels(1200))
print(while_inside(800))
print(gen_inside(1000))
print(long_inner(600))
print(rebound(1000))
print(branchy(3000))
try:
    raises(1200)
except ZeroDivisionError as e:
    print("caught:", e)
raises(900)
