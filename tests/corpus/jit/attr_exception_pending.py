# An exception raised inside a hot loop right after attribute stores the trace keeps in
# registers: the handler must see every stored value.


class Acc:
    def __init__(self):
        self.total = 0
        self.last = 0.0


def divide(n, values):
    a = Acc()
    try:
        for i in range(n):
            a.total += 1
            a.last = a.last + 0.5
            a.total += values[i % len(values)] // (i - (n - 5))
    except ZeroDivisionError as e:
        print("handler sees", a.total, a.last, type(e).__name__, e)
    return a.total


def overflow(n):
    a = Acc()
    a.total = 2**46
    try:
        for i in range(n):
            a.last += 1.0
            a.total *= 2
            if a.total > 2**80:
                raise OverflowError("too big")
    except OverflowError as e:
        print("overflow at", a.last, a.total, e)


def missing_key(n):
    a = Acc()
    d = {i: i for i in range(n - 3)}
    try:
        for i in range(n):
            a.total = a.total + i
            a.last = d[i] * 0.5
    except KeyError as e:
        print("key error", repr(e), a.total, a.last)


print(divide(3000, [3, 5, 7]))
overflow(3000)
missing_key(3000)
