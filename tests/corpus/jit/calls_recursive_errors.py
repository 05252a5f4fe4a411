# Exceptions from recursive calls that a trace runs residually: tracebacks and
# RecursionError must be exactly the interpreter's.
import sys


def dive(n, boom):
    if n == 0:
        if boom:
            raise ValueError("deep " + str(boom))
        return 1
    return dive(n - 1, boom) + 1


def describe(tb):
    lines = []
    while tb is not None:
        lines.append((tb.tb_frame.f_code.co_name, tb.tb_lineno))
        tb = tb.tb_next
    return lines


def main():
    total = 0
    for i in range(2000):
        try:
            total += dive(30, i == 1500)
        except ValueError as e:
            tb = describe(e.__traceback__)
            print("caught", e, len(tb), tb[:3], tb[-2:])
    print("total", total)


main()


def forever(n):
    return forever(n + 1) + 1


def limited():
    hits = 0
    for i in range(50):
        try:
            forever(0)
        except RecursionError as e:
            hits += 1
            message = str(e)
    print("recursion", hits, message)


limited()


def rebound(n):
    return n if n < 2 else rebound(n - 1) + 1


def replacement(n):
    return -n


results = []
for i in range(600):
    if i == 400:
        rebound = replacement
    results.append(rebound(i % 20))
print("rebound", sum(results), results[395:405])


# Uncaught, 30 frames deep, from a hot loop: the full traceback on stderr.
def crash(n, at):
    if n == 0:
        return 10 // at
    return crash(n - 1, at) + 1


s = 0
for i in range(1000, -1, -1):
    s += crash(5, i)
print("never", s)
