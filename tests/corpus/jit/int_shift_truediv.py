# int << (a multiplication by 2**n with an overflow guard) and int / int (one float
# division while both operands are within 2**53) in hot loops, with the operands
# changing mid-loop: a count that varies, results that overflow into big ints, huge ints,
# a zero divisor and bools.


def xorshift(seed, n):
    x = seed
    total = 0
    for _ in range(n):
        x ^= (x << 13) & 0xFFFFFFFF
        x ^= x >> 17
        x ^= (x << 5) & 0xFFFFFFFF
        if x / 4294967296.0 > 0.5:
            total += 1
    return x, total


print(xorshift(1, 3000))
print(xorshift(2463534242, 3000))


def shifts(values, count):
    out = []
    for v in values:
        out.append(v << count)
    return out


print(shifts(list(range(-5, 200)), 3)[-3:])
# The shifted value leaves the machine range mid-loop: big ints from there on.
print(shifts([1, 2, 3] * 100 + [2**60, 2**61, -(2**62), 7], 3)[-5:])
big = shifts([1] * 300 + [5], 62)
print(big[-1], type(big[-1]).__name__)


def variable_shift(n):
    acc = 0
    for i in range(n):
        acc += 1 << (i % 7)
    return acc


print(variable_shift(5000))


def divisions(pairs):
    out = []
    for a, b in pairs:
        out.append(a / b)
    return out


pairs = [(i, (i % 9) + 1) for i in range(-400, 400)]
print(sum(divisions(pairs)))
print(divisions([(1, 3), (2, 3), (-7, 2), (10**15, 7), (2**53, 3), (-(2**53), 9)]))
# Beyond 2**53 mid-loop: CPython's correctly rounded division of big operands.
print(divisions([(1, 3)] * 300 + [(2**53 + 1, 3), (2**60 + 7, 2**59 + 3), (10**30, 7)])[-3:])
print(divisions([(7, 2)] * 300 + [(True, 2), (3, True)])[-2:])


def divide_all(values, d):
    total = 0.0
    for v in values:
        total += v / d
    return total


print(divide_all(list(range(1000)), 7))
try:
    print(divide_all(list(range(1000)), 0))
except ZeroDivisionError as e:
    print(type(e).__name__, e)


def divide_until_zero(values):
    total = 0.0
    for v in values:
        total += 100 / v
    return total


try:
    print(divide_until_zero(list(range(500, 0, -1)) + [0, 5]))
except ZeroDivisionError as e:
    print(type(e).__name__, e)


def shift_errors(values):
    acc = 0
    for v in values:
        acc += 1 << v
    return acc


try:
    print(shift_errors([1, 2, 3] * 200 + [-1]))
except ValueError as e:
    print(type(e).__name__, e)
