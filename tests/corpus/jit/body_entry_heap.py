# Body entry and memory: the root's body may answer a load with what its previous
# iteration stored (the bubbling element of a bubble sort); a side path that skips the
# store must not enter the body with that stale value. Lists and attributes written on
# side paths, sieve-like flags.


def bubble(a):
    a = list(a)
    for i in range(len(a)):
        for j in range(len(a) - 1 - i):
            if a[j] > a[j + 1]:
                a[j], a[j + 1] = a[j + 1], a[j]
    return a


def insertion(a):
    a = list(a)
    for i in range(1, len(a)):
        k, j = a[i], i - 1
        while j >= 0 and a[j] > k:
            a[j + 1] = a[j]
            j -= 1
        a[j + 1] = k
    return a


def sieve(n):
    flags = [True] * n
    count = 0
    for i in range(2, n):
        if flags[i]:
            count += 1
            for j in range(i * i, n, i):
                flags[j] = False
    return count


def carry_through_list(n):
    # The value the body reads back is the one it wrote last iteration, except on the
    # side path.
    box = [0]
    total = 0
    for i in range(n):
        v = box[0]
        if i % 6 == 5:
            total += v
        else:
            box[0] = v + 1
    return total, box[0]


class Cell:
    def __init__(self):
        self.value = 0
        self.other = 0


def carry_through_attr(n):
    c = Cell()
    total = 0
    for i in range(n):
        v = c.value
        if i % 6 == 5:
            total += v
            c.other = v
        else:
            c.value = v + 2
    return total, c.value, c.other


def lcg(seed, n):
    out = []
    for _ in range(n):
        seed = (seed * 1103515245 + 12345) % 2**31
        out.append(seed % 1000)
    return out


data = lcg(42, 300)
print(bubble(data) == sorted(data), bubble(data)[:6])
print(insertion(data) == sorted(data), insertion(data)[-6:])
print(sieve(3000))
print(carry_through_list(300))
print(carry_through_attr(300))
