# unpack_sequence: tuple and list unpacking in a hot loop (fixed-size unpacking of tuples and
# lists, swaps, starred targets, nested targets, unpacking in for-loop headers).

from _scale import scaled


def unpack_tuples(rounds):
    data = (1, 2, 3, 4, 5, 6, 7, 8, 9, 10)
    acc = 0
    for _ in range(rounds):
        a, b, c, d, e, f, g, h, i, j = data
        a, b, c, d, e, f, g, h, i, j = data
        a, b, c, d, e, f, g, h, i, j = data
        a, b, c, d, e, f, g, h, i, j = data
        a, b, c, d, e, f, g, h, i, j = data
        acc += a + j
    return acc


def unpack_lists(rounds):
    data = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]
    acc = 0
    for _ in range(rounds):
        a, b, c, d, e, f, g, h, i, j = data
        a, b, c, d, e, f, g, h, i, j = data
        a, b, c, d, e, f, g, h, i, j = data
        a, b, c, d, e, f, g, h, i, j = data
        a, b, c, d, e, f, g, h, i, j = data
        acc += b * i
    return acc


def swaps(rounds):
    x, y, z = 1, 2, 3
    for _ in range(rounds):
        x, y = y, x
        x, y, z = z, x, y
        y, z = z + 1, y
        x, z = z % 1000, x
    return x, y, z


def starred(rounds):
    data = list(range(8))
    acc = 0
    for k in range(rounds):
        first, *middle, last = data
        head, *tail = middle
        *init, end = tail
        acc += first + last + head + end + len(init) + k % 3
    return acc


def nested(rounds):
    pairs = [((i, i + 1), (i * 2, (i * 3, i * 4))) for i in range(10)]
    acc = 0
    for _ in range(rounds):
        for (a, b), (c, (d, e)) in pairs:
            acc += a - b + c - d + e
    return acc


def main(rounds):
    print(unpack_tuples(rounds))
    print(unpack_lists(rounds))
    print(swaps(rounds))
    print(starred(rounds))
    print(nested(rounds // 10))


main(scaled(900000))
