# A loop-carried variable that the recorded path writes with a loop-invariant value
# (clamp returning its bound, a flag reset to a computed constant): the other path must
# still carry its own value around the loop, with ints, floats and bools, including values
# that overflow into big ints on the side path.


def clamp(x, low=0, high=1000):
    if x < low:
        return low
    if x > high:
        return high
    return x


def make_counter(step):
    def bump(x):
        return x + step

    return bump


def ints(n):
    bump = make_counter(5)
    acc = 0
    seen = 0
    for i in range(n):
        acc = clamp((acc + (i & 7)) * 3 % 2000, high=1500)
        acc = bump(acc)
        seen += acc
    return acc, seen


def floats(n, limit):
    x = 0.5
    total = 0.0
    for i in range(n):
        x = x * 1.7 + i
        if x > limit:
            x = limit * 0.25 + 1.0
        total += x
    return x, total


def flags(n):
    on = False
    count = 0
    k = 3
    for i in range(n):
        if on:
            count += 1
        on = (i % k == 0) or (i % 5 == 1)
    return on, count


def growing(n):
    # the side path makes acc grow past 64 bits; the recorded path resets it
    acc = 1
    base = 7
    for i in range(n):
        if i % 4 == 0:
            acc = base + 1
        else:
            acc = acc * acc + 3
    return acc % 1000003, acc.bit_length()


for n in (1, 5, 50, 3000):
    print(ints(n))
    print(floats(n, 50.0))
    print(flags(n))
    print(growing(n))
