# Body entry keeps the values its root's pre-roll computed once (hoisted invariants): a
# side path that changes what they came from must see the change.

LIMIT = 100
SCALE = 3


def rebind_global(n):
    global SCALE
    SCALE = 3
    total = 0
    for i in range(n):
        if i % 5 == 4:
            SCALE = SCALE + 1
        else:
            total += i * SCALE
    return total, SCALE


def change_bound(n):
    # The loop's own bound is an invariant local the side path rewrites.
    i = 0
    steps = 0
    while i < n:
        if i % 9 == 8:
            n = n - 2
        else:
            steps += 1
        i += 1
    return i, n, steps


def change_step(n):
    step = 1
    x = 0
    i = 0
    while i < n:
        if i % 11 == 10:
            step = step * 2
        else:
            x += step
        i += 1
    return x, step


def change_invariant_type(n):
    k = 2
    x = 0
    for i in range(n):
        if i == n // 2:
            k = 2.5
        else:
            x = x + k
    return x, k


class Box:
    def __init__(self, v):
        self.v = v


def mutate_object(n):
    b = Box(3)
    x = 0
    for i in range(n):
        if i % 6 == 5:
            b.v = b.v + 1
        else:
            x += b.v
    return x, b.v


def swap_list(n):
    data = [1, 2, 3, 4]
    x = 0
    for i in range(n):
        if i % 10 == 9:
            data = [5, 6, 7, 8, 9]
        else:
            x += data[i % 4] + len(data)
    return x


def outer_global(n):
    global LIMIT
    LIMIT = 100
    i = 0
    hits = 0
    while i < LIMIT:
        if i % 8 == 7:
            LIMIT -= 1
        else:
            hits += 1
        i += 1
    return i, hits, LIMIT


def fixed_homes(n):
    # The unrolled inner loops leave `k` the same constant every iteration on the root's
    # path; one side path leaves another constant, the other the same one.
    acc = 0
    k = -1
    for i in range(n):
        if i % 4 == 1:
            for k in range(3):
                acc -= k
        elif i % 4 == 2:
            for k in range(2):
                acc += 2 * k
        else:
            for k in range(2):
                acc += k * i
    return acc, k


def fixed_then_read(n):
    total = 0
    last = 0
    for i in range(n):
        if i % 5 == 0:
            last = 7
        else:
            last = 3
        total += last
    return total, last


print(fixed_homes(300))
print(fixed_then_read(300))
print(rebind_global(200))
print(change_bound(200))
print(change_step(200))
print(change_invariant_type(200))
print(mutate_object(200))
print(swap_list(200))
print(outer_global(200))
