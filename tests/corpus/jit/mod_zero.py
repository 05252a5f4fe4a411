# `x % d == 0` and `x % d != 0` with constant divisors (odd, even, negative, powers of
# two, huge) on positive and negative ints, near the edges of the 48-bit and i64 ranges.


def count(lo, hi, step):
    found = [0] * 12
    for x in range(lo, hi, step):
        if x % 3 == 0:
            found[0] += 1
        if x % 7 != 0:
            found[1] += 1
        if 0 == x % 12:
            found[2] += 1
        if x % -5 == 0:
            found[3] += 1
        if x % 8 == 0:
            found[4] += 1
        if x % -6 != 0:
            found[5] += 1
        if x % 1 == 0:
            found[6] += 1
        if x % -1 != 0:
            found[7] += 1
        if x % 1000003 == 0:
            found[8] += 1
        if x % (2**61 + 1) == 0:
            found[9] += 1
        if x % 9223372036854775807 == 0:
            found[10] += 1
        if x % 2**40 == 0:
            found[11] += 1
    return found


print(count(-3000, 3000, 1))
print(count(-(2**47) - 2000, -(2**47) + 2000, 1))
print(count(2**47 - 2000, 2**47 + 2000, 1))
print(count(-(2**63), -(2**63) + 3000, 1))
print(count(2**63 - 3000, 2**63, 1))
print(count(-(10**15), 10**15, 10**12 + 39))


def mixed(n):
    total = 0
    for i in range(n):
        k = i * 2**41 - 2**50
        if k % 24 == 0:
            total += 1
        if k % 24 == 8:
            total += 100
    return total


print(mixed(3000))
