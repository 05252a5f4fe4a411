# Integer loops whose overflow checks range analysis may drop, and the ones it must keep:
# values crossing 2**47 (the small-int payload) and 2**63 - 1 mid-loop become big ints,
# negative operands of %, //, >> and &, and counters that start near the limits.


def mix(n, start=0):
    acc = start
    i = 0
    while i < n:
        acc = (acc * 31 + i) % 1000003
        acc ^= i >> 3
        if acc & 1:
            acc += 7
        else:
            acc -= 3
        i += 1
    return acc


def grow(n, x):
    # x * 3 crosses 2**47 and then 2**63 - 1 in the middle of the loop.
    out = []
    for _ in range(n):
        x = x * 3 + 1
        out.append(x.bit_length())
    return x, out[-5:]


def sum_past_max(n, start):
    total = start
    for k in range(n):
        total += k
    return total


def count_down(start, n):
    i = start
    steps = 0
    while i > start - n:
        i -= 1
        steps += 1
    return i, steps


def negatives(n):
    acc = 0
    for k in range(-n, n):
        acc += k % 7 + k % -7 + k // 4 + k // -3 + (k >> 2) + (k & 255) + (-k >> 70)
    return acc


def masked_division(n):
    # `k & 1023` is never negative: its % and // may divide unsigned; k itself may not.
    acc = 0
    for k in range(-n, n):
        m = k & 1023
        acc += m % 7 + m // 3 + (m % 100) * 1000 + k % 7 + k // 3
    return acc


def shifts(n):
    acc = 0
    for k in range(n):
        acc += (k * 1000003) >> (k % 70)
    return acc


def counter_from(start, n):
    i = start
    end = start + n
    hits = 0
    while i < end:
        hits += i & 1
        i += 1
    return i, hits


def range_products(lo, hi, step=1):
    acc = 0
    for i in range(lo, hi, step):
        acc += i * 7919 % 1009 + i * 3
    return acc


print(range_products(0, 3000))
print(range_products(2**47 - 1500, 2**47 + 1500))
print(range_products(2**47 + 1500, 2**47 - 1500, -1))
print(range_products(-(2**47) + 1500, -(2**47) - 1500, -1))
print(range_products(2**62, 2**62 + 3000))
print(range_products(2**63 - 3000, 2**63 - 1, 1))
print(mix(5000))
print(mix(3000, start=-(2**46)))
print(grow(60, 1))
print(grow(60, -1))
print(sum_past_max(3000, 2**63 - 1_000_000))
print(sum_past_max(3000, 2**47 - 100_000))
print(count_down(-(2**63) + 1500, 3000))
print(count_down(-(2**47) + 1500, 3000))
print(negatives(2000))
print(shifts(3000))
print(masked_division(2000))
print(counter_from(2**47 - 1500, 3000))
print(counter_from(2**63 - 1500, 3000))
