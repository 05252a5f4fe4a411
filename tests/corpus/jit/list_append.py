# `list.append` and `x in list/tuple` inside hot loops: the method is never bound, the
# append is one helper call, and membership tests that would need Python-level `__eq__`
# leave the trace.


def squares(n):
    out = []
    for i in range(n):
        out.append(i * i)
    return len(out), out[-3:]


def floats(n):
    out = []
    x = 0.0
    for i in range(n):
        x += 0.5
        out.append(x)
    return sum(out)


def objects(n):
    out = []
    row = [1, 2]
    for i in range(n):
        out.append(row)
    return len(out), out[0] is out[-1]


def filter_in(items, allowed):
    out = []
    for x in items:
        if x in allowed:
            out.append(x)
    return len(out), out[:5]


def filter_not_in(items, banned):
    n = 0
    for x in items:
        if x not in banned:
            n += 1
    return n


class Weird:
    def __eq__(self, other):
        print("eq called", other)
        return other == 250


def with_eq(n):
    found = 0
    for i in range(n):
        if i in [Weird()] if i == 250 else i in (1000, 2000):
            found += 1
    return found


def append_bound(n):
    out = []
    add = out.append
    for i in range(n):
        add(i)
    return len(out)


print(squares(1000))
print(floats(500))
print(objects(300))
print(filter_in(list(range(500)), [3, 7, 11, 2.0, True, 400]))
print(filter_in(list(range(500)), (5, 6, 7)))
print(filter_not_in([i * 0.5 for i in range(400)], [1, 2, 3.0]))
print(with_eq(300))
print(append_bound(400))
