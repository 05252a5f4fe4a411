# round, divmod and hash in hot loops (lowered to helper calls in traces), with their ties,
# negative ndigits, big results and errors: exactly the interpreter's values.


def rounding():
    xs = [0.5, 1.5, 2.5, -0.5, -1.5, 2.675, 1.005, 0.125, -2.5, 1e15 + 0.5, 123.456]
    out = []
    for i in range(400):
        x = xs[i % len(xs)]
        out.append((round(x), round(x, 2), round(x, 1), round(x, -1), round(x, None)))
    print(out[: len(xs)])
    total = 0.0
    for i in range(1000):
        total += round(i * 0.0137, 2)
    print("float sum", round(total, 6))
    ints = 0
    for i in range(1000):
        ints += round(i * 37, -2) + round(i, 3) + round(i)
    print("int sum", ints)
    ties = []
    for n in range(-35, 36, 5):
        ties.append(round(n, -1))
    print(ties, round(1234567, -25), round(-150, -2), round(250, -2))


def overflowing():
    # round(x) of a huge float makes a big int; round(x, n) of a huge one overflows.
    vals = [1.5, 2.5, 1e20, 3.5]
    got = []
    for i in range(40):
        got.append(round(vals[i % 4]))
    print(got[:4])
    errs = 0
    for i in range(60):
        try:
            round(1.7e308 if i % 20 == 19 else 1.25, -308)
            round(float("inf") if i % 30 == 29 else 2.5)
        except OverflowError as e:
            errs += 1
            msg = str(e)
    print("errors", errs, msg)
    nans = [round(float("nan"), 2) for _ in range(30)]
    print(nans[:2])


def divmods():
    acc = 0
    pairs = []
    for i in range(-500, 500):
        q, r = divmod(i * 7, 13 if i % 2 else -13)
        acc += q * 3 + r
        if i % 97 == 0:
            pairs.append(divmod(i, 7))
    print("divmod", acc, pairs)
    errs = 0
    for i in range(50):
        try:
            divmod(10, i % 10)
        except ZeroDivisionError as e:
            errs += 1
            msg = str(e)
    print("zero", errs, msg)
    big = []
    for i in range(30):
        big.append(divmod(-(2 ** 62) if i == 25 else i, -1))
    print(big[24:27])


def hashes():
    h = 0
    for i in range(-300, 300):
        h ^= hash(i * 1000003)
    print("hash", h, hash(-1), hash(-2), hash(2 ** 61 - 1), hash(2 ** 61))
    seen = set()
    for i in range(100):
        seen.add(hash(i - 50))
    print(len(seen))


rounding()
overflowing()
divmods()
hashes()
