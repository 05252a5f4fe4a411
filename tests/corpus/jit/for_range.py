# `for` over range inlined into traces: the iterator's position lives in the trace and is
# written back at every exit, so breaks, exceptions, nested loops and reuse of a partly
# consumed iterator all continue exactly where the interpreter would.


def plain(n):
    total = 0
    for i in range(n):
        total += i
    return total


def steps():
    out = []
    for start, stop, step in [(0, 100, 3), (100, 0, -7), (5, 5, 1), (-50, 50, 9), (10, -10, -1)]:
        acc = 0
        for i in range(start, stop, step):
            acc = acc * 3 + i
        out.append(acc)
    return out


def with_break(n):
    for i in range(n):
        if i * i > 5000:
            break
    return i


def shared_iterator(n):
    it = iter(range(n))
    first = 0
    for i in it:
        first += i
        if i == 600:
            break
    rest = 0
    for j in it:
        rest += j
    return first, rest, list(it)


def raising(n):
    total = 0
    try:
        for i in range(n):
            total += 1000 // (700 - i)
    except ZeroDivisionError as e:
        return "stopped at", i, total, str(e)


def nested(n):
    total = 0
    for i in range(n):
        for j in range(i):
            total += j ^ i
    return total


def near_limits():
    big = 2 ** 47 - 5
    out = []
    for i in range(big, big + 10):
        out.append(i)
    for i in range(2 ** 60, 2 ** 60 + 3):
        out.append(i)
    for i in range(-(2 ** 47) + 3, -(2 ** 47) - 3, -1):
        out.append(i)
    return out


def float_loop(n):
    h = 1.0 / n
    total = 0.0
    for i in range(n):
        x = (i + 0.5) * h
        total += 4.0 / (1.0 + x * x)
    return total * h


print(plain(5000))
print(steps())
print(with_break(10000))
print(shared_iterator(1000))
print(raising(1000))
print(nested(120))
print(near_limits())
print(float_loop(20000))
