# Side traces compiled into their root's function (tree functions): the hot side path of
# a loop runs inside the root's code. Its own guards failing later (a deeper side trace
# attaches, then is compiled in on a recompile), overflow and type changes on the side
# path, a handed-over value outside the root's assumed interval, exits inside inlined
# calls, range positions and attributes carried around the loop must all stay exact.


def deeper_later(n):
    # The odd path's inner branch only starts failing half-way: a side trace of the
    # inlined side trace attaches then.
    a = 0
    b = 0
    i = 0
    while i < n:
        if i & 1:
            if i > n // 2 and i % 3 == 0:
                a -= 5
            else:
                a += 2
        else:
            b += i
        i += 1
    return a, b


def three_levels(n):
    x = 0
    y = 0
    for i in range(n):
        if i % 2 == 0:
            if i % 3 == 0:
                if i % 5 == 0:
                    x += 11
                else:
                    x -= 1
            else:
                y += 3
        else:
            y -= 1
    return x, y


def side_overflow(n):
    # The side path multiplies; after a while the product leaves 64 bits.
    x = 1
    i = 0
    while i < n:
        if i % 3 == 0:
            x = x * 1000003 + 1
        else:
            x = x + 1
        i += 1
    return x % 1000000007, x.bit_length()


def side_type_change(n):
    x = 0
    i = 0
    while i < n:
        if i % 2:
            if i > n - 40:
                x = x + 0.25
            else:
                x = x + 3
        else:
            x = x - 1
        i += 1
    return x


def outside_interval(n):
    # The root keeps x below 1000 (so x * K needs no overflow check there); the side
    # path sometimes hands over a much larger x.
    x = 1
    total = 0
    for i in range(n):
        total += (x * 140737488355327) % 1000
        if i % 50 == 49:
            x = 300000 + i
        else:
            x = (x + i) % 1000
    return total


def helper(v, i):
    if v > 1000000:
        return v // 3
    return v + i


def inlined_frames(n):
    # The side path calls a function (inlined); its guard fails late, inside the call.
    acc = 0
    for i in range(n):
        if i % 2:
            acc = helper(acc, i)
        else:
            acc += 1
    return acc


def helper_types(v):
    return v * 2


def inlined_frame_type(n):
    out = 0
    for i in range(n):
        if i % 3 == 0:
            v = i if i < n - 10 else i + 0.5
            out += helper_types(v)
        else:
            out -= 1
    return out


class Box:
    def __init__(self):
        self.total = 0
        self.count = 0


def attribute_carried(n):
    b = Box()
    for i in range(n):
        if i % 4 == 1:
            b.total += i
        else:
            b.total -= 1
        b.count += 1
    return b.total, b.count


def flag_and_float(n):
    s = 0.0
    on = False
    for i in range(n):
        if i % 5 == 2:
            on = not on
            s += 0.5
        else:
            s -= 0.125 if on else 0.0625
    return s, on


print(deeper_later(6000))
print(three_levels(6000))
print(side_overflow(3000))
print(side_type_change(3000))
print(outside_interval(5000))
print(inlined_frames(6000))
print(inlined_frame_type(3000))
print(attribute_carried(4000))
print(flag_and_float(4000))
