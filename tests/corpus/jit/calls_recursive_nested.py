# Residual calls inside nested loops (the outer trace calls the inner loop's tree): results,
# an exception raised deep in the recursion and caught by the outer loop, and a recursive
# function whose own loop gets hot while an outer trace is suspended in a residual call.


def depth(n, fail_at):
    if n == fail_at:
        raise KeyError(n)
    if n < 2:
        return n
    return depth(n - 1, fail_at) + 1


def grid():
    total = 0
    errors = 0
    for i in range(60):
        try:
            for j in range(40):
                total += depth((i + j) % 25, 17 if i == 41 and j == 30 else -1)
        except KeyError as e:
            errors += 1
            print("caught", repr(e), i, total)
    print("grid", total, errors)


def tree_sum(node):
    # A recursive function with a hot loop of its own.
    value, children = node
    s = value
    for child in children:
        s += tree_sum(child)
    return s


def build(d):
    if d == 0:
        return (1, [])
    return (d, [build(d - 1) for _ in range(3)])


def forest():
    t = build(5)
    acc = 0
    for k in range(30):
        acc += tree_sum(t) + k
    print("forest", acc)


grid()
forest()
