# Uncaught ZeroDivisionError raised three calls deep; traceback lists every frame.
def average(xs):
    return total(xs) / len(xs)
def total(xs):
    s = 0
    for x in xs:
        s += x
    return s
def report(groups):
    for name, xs in groups:
        print(name, average(xs))
report([('a', [1, 2, 3]), ('b', [10]), ('empty', [])])
