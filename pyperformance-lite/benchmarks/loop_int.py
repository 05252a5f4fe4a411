# loop_int: a single hot integer loop (small-int add/mul/mod/xor/shift, comparisons, a while loop).
# Meant as a JIT target: one long-running loop over machine-sized integers.

from _scale import scaled


def mix(n):
    acc = 0
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


def count_collatz(limit):
    total = 0
    for start in range(1, limit):
        x = start
        while x != 1:
            if x % 2 == 0:
                x //= 2
            else:
                x = 3 * x + 1
            total += 1
    return total


def main():
    print(mix(scaled(5000000)))
    print(count_collatz(scaled(30000)))


main()
