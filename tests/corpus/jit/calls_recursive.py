# Recursive calls in hot loops: beyond the inline depth the JIT calls the function from the
# trace (a residual call) and stitches the rest of the iteration on as a side trace.
import sys


def depth(n):
    if n < 2:
        return n
    return depth(n - 1) + 1


def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)


def count_down(n, acc):
    if n == 0:
        return acc
    return count_down(n - 1, acc + n)


def main():
    total = 0
    for i in range(3000):
        total += depth(i % 40)
    print("depth", total)
    s = 0
    for i in range(400):
        s += fib(i % 12)
    print("fib", s)
    s = 0.5
    for i in range(500):
        s = s + count_down(i % 25, 0) * 0.5
    print("count_down", s)
    # Results of other types: a float, a string, a tuple, None.
    out = []
    for i in range(200):
        out.append(mixed(i % 30))
    print(out[:8], out[-3:], len(out))


def mixed(n):
    if n == 0:
        return None
    if n < 10:
        return mixed(n - 1)
    if n < 20:
        return float(n) / 4 if n % 2 else "s" + str(n)
    return (n, mixed(n - 19))


main()

# The same at module level (globals are the loop's homes).
acc = 0
for i in range(2000):
    acc += depth(i % 33)
print("module", acc)


# A callee that rebinds globals the loop uses, and reads them.
counter = 0
seen = []


def bump(n):
    global counter
    if n > 0:
        return bump(n - 1)
    counter += 1
    seen.append(counter)
    return counter


for i in range(300):
    counter += 10
    r = bump(i % 7)
    counter -= r % 3
print("counter", counter, seen[:5], seen[-2:])


# The callee looks at its caller's frame: the loop's locals and line must be exact.
def peek(n):
    if n > 0:
        return peek(n - 1)
    f = sys._getframe(1)
    while f.f_code.co_name == "peek":
        f = f.f_back
    return (f.f_code.co_name, f.f_lineno, f.f_locals.get("i"), f.f_locals.get("x"))


def looker():
    x = 0
    last = None
    for i in range(200):
        x += 2
        last = peek(i % 9)
    print("looker", last, x)


looker()
