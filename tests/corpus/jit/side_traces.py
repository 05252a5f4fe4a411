# Branchy loops: hot exits get side traces that link back to the loop. Every path must
# give the interpreter's results, including exits that leave from inside a side trace.


def branchy(n):
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


def three_way(n):
    a = b = c = 0
    for i in range(n):
        if i % 3 == 0:
            a += i
        elif i % 3 == 1:
            b += 2 * i
        else:
            c -= i
    return a, b, c


def floats_and_ints(n):
    x = 0.5
    k = 0
    for i in range(n):
        if i % 2:
            x = x * 1.5 - 0.25
        else:
            x = x / 1.5 + 0.1
            k += 1
    return round(x, 9), k


def overflow_in_side(n):
    # The side path multiplies until ints no longer fit in 48 bits, then 64.
    v = 1
    steps = 0
    for i in range(n):
        if i % 4 == 3:
            v = v * 1000
        else:
            v = v + 1
        steps += 1
    return v, steps


def type_change_in_side(n):
    total = 0
    for i in range(n):
        if i % 5 == 4:
            total = total + 0.5
        else:
            total = total + 1
    return total


def exception_in_side(n):
    out = []
    for i in range(n):
        try:
            if i % 7 == 6:
                out.append(10 // (i - i))
            else:
                out.append(i)
        except ZeroDivisionError as e:
            out.append(str(e))
    return len(out), out[-1]


print(branchy(20000))
print(three_way(3000))
print(floats_and_ints(3001))
print(overflow_in_side(60))
print(type_change_in_side(1000))
print(exception_in_side(100))
