# Inner `while` loops run natively from an outer loop's trace (the nest bridge): normal ends,
# `break`, `else`, zero-trip loops, big ints and floats turning up, globals and locals only the
# inner loop writes, an exception inside the inner loop, and two levels of nesting.
import sys

counter = 0


def collatz(limit):
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


def with_break(n):
    found = 0
    for i in range(n):
        j = i
        while j < i + 50:
            if j % 7 == 3:
                found += j
                break
            j += 1
        else:
            found -= 1
    return found


def zero_trip(n):
    s = 0
    for i in range(n):
        k = i % 3
        while k > 5:
            k -= 1
        s += k
    return s


def global_counter(n):
    global counter
    for i in range(n):
        m = i % 5
        while m > 0:
            counter += m
            m -= 1
    return counter


def grows_big(n):
    out = []
    for i in range(n):
        v = i + 1
        steps = 0
        while steps < 3:
            v = v * (1 << 20)
            steps += 1
        out.append(v % 1000003)
    return sum(out)


def turns_float(n):
    acc = 0
    for i in range(n):
        y = i
        while y > 1:
            y = y / 2 if i > n - 5 else y // 2
        acc += y
    return acc


def raises(n):
    for i in range(n):
        d = 10
        while d > 0:
            if i == n - 3 and d == 4:
                d = d // (d - 4)
            d -= 1
    return "done"


def two_levels(n):
    total = 0
    for a in range(n):
        b = a % 6
        while b > 0:
            c = b
            while c > 0:
                total += c
                c -= 2
            b -= 1
    return total


def only_inner_local(n):
    total = 0
    for i in range(n):
        t = 0
        w = i % 9
        while w:
            t += w
            w -= 1
        total += t
    return total


for limit in (5, 300, 1200):
    print(collatz(limit))
print(with_break(400))
print(zero_trip(500))
print(global_counter(600), counter)
print(grows_big(300))
print(turns_float(400))
try:
    raises(300)
except ZeroDivisionError as e:
    tb = e.__traceback__
    while tb.tb_next:
        tb = tb.tb_next
    print(type(e).__name__, e, tb.tb_lineno)
print(two_levels(700))
print(only_inner_local(800))
raises(50)
