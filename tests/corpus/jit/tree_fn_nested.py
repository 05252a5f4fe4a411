# Tree functions in nested loops: an inner loop whose hot side path is compiled into its
# root's function, run from an outer loop (natively through the nest bridge, or by the
# driver), and an outer loop whose own side path is compiled in.


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


def grid(n, m):
    acc = 0
    for i in range(n):
        j = 0
        while j < m:
            if (i + j) % 3 == 0:
                acc += j
            else:
                acc -= 1
            j += 1
        if i % 2:
            acc ^= i
        else:
            acc += 2
    return acc


def inner_changes(n):
    # The inner side path changes a value's type in the last outer iterations.
    out = []
    for i in range(n):
        s = 0
        for j in range(50):
            if j % 2:
                s += j if i < n - 2 else j * 0.5
            else:
                s -= 1
        out.append(s)
    return out[-3:], sum(out[:-3])


print(collatz(3000))
print(grid(200, 60))
print(inner_changes(120))
