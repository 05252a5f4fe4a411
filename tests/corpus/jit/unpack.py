# Tuple packing and unpacking inside hot loops: `a, b = b, a + b` builds no tuple, unpacking
# lists and tuples guards their length, and a wrong length raises the interpreter's
# ValueError inside the loop.


def fib(n):
    a, b = 0, 1
    for _ in range(n):
        a, b = b, a + b
    return a


def rotate3(n):
    a, b, c = 1, 2, 3
    for _ in range(n):
        a, b, c = c, a, b + 1
    return a, b, c


def swap_floats(n):
    x, y = 0.5, 1.5
    for i in range(n):
        x, y = y * 0.5, x + i
    return x, y


def points(rows):
    s = 0
    for row in rows:
        x, y, z = row
        s += x * y - z
    return s


def mixed(rows):
    s = 0
    for a, b in rows:
        s += a - b
    return s


def wrong_length(rows):
    s = 0
    for row in rows:
        a, b = row
        s += a + b
    return s


def four(n):
    a, b, c, d = 1, 2, 3, 4
    t = 0
    for _ in range(n):
        a, b, c, d = d, c, b, a
        t += a * 1000 + b * 100 + c * 10 + d
    return t


print(fib(90))
print(fib(200))
print(rotate3(1000))
print(swap_floats(300))
print(points([(i, i + 1, i + 2) for i in range(300)]))
print(points([[i, 2, 3] for i in range(300)]))
print(mixed([(i, 1) for i in range(100)] + [[5, 2]] * 100 + [(1.5, 0.5)] * 100))
print(four(999))
try:
    print(wrong_length([(1, 2)] * 300 + [(1, 2, 3)]))
except ValueError as e:
    print(type(e).__name__, e)
try:
    print(wrong_length([(1, 2)] * 300 + [(1,)]))
except ValueError as e:
    print(type(e).__name__, e)
