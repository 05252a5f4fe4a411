# Side traces that jump into their root's loop body (body entry): the loop-carried values
# arrive unboxed. Paths that change a loop-carried variable's type, produce big ints or
# floats, or flip a bool must stay exact.


def alternate(n):
    acc = 0
    i = 0
    while i < n:
        acc = (acc * 31 + i) % 1000003
        if acc & 1:
            acc += 7
        else:
            acc -= 3
        i += 1
    return acc


def becomes_float(n):
    # The side path turns the carried int into a float half-way through.
    x = 0
    i = 0
    while i < n:
        if i == n // 2:
            x = x + 0.5
        else:
            x = x + 1
        i += 1
    return x


def becomes_big(n):
    # The side path multiplies until the carried value leaves the machine range.
    x = 1
    i = 0
    while i < n:
        if i % 4 == 0:
            x = x * 1000003
        else:
            x = x + 1
        i += 1
    return x


def float_carried(n):
    s = 0.0
    t = 1.0
    for i in range(n):
        if i % 3 == 0:
            s += t * 0.5
        else:
            s -= 0.25
        t = t * 1.0001
    return round(s, 6), round(t, 6)


def nan_on_side(n):
    s = 0.0
    for i in range(n):
        if i == n - 3:
            s = s * float("inf") - float("inf")
        else:
            s += 1.0
    return s


def flag_carried(n):
    seen = False
    count = 0
    for i in range(n):
        if i % 7 == 3:
            seen = not seen
        else:
            count += seen
    return seen, count


def side_of_side(n):
    a = 0
    b = 0
    i = 0
    while i < n:
        if i % 3 == 0:
            if i % 2 == 0:
                a += 2
            else:
                a -= 1
        else:
            b += i
        i += 1
    return a, b


def string_appears(n):
    x = 0
    out = []
    for i in range(n):
        if i == n - 2:
            x = "s" + str(x)
            out.append(x)
        elif isinstance(x, int):
            x = x + i
    return x, out


def outside_assumed_range(n):
    # The root proves x < 1000, so `x * K` needs no overflow check in its body; the side
    # path hands over a larger x, whose product no longer fits 64 bits.
    x = 1
    total = 0
    for i in range(n):
        total += (x * 140737488355327) % 1000
        if i % 100 == 99:
            x = 200000
        else:
            x = (x + i) % 1000
    return total


print(alternate(3000))
print(outside_assumed_range(3000))
print(becomes_float(300))
print(becomes_big(80))
print(float_carried(500))
print(nan_on_side(50))
print(flag_carried(400))
print(side_of_side(500))
print(string_appears(100))
