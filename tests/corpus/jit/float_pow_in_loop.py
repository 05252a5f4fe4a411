# `x ** y` of floats inside traces: the same results as the interpreter, and every case
# where Python raises, makes a complex number or a NaN leaves the trace first.
def norms(n):
    total = 0.0
    for i in range(1, n):
        d = i * 0.25
        total += d ** 0.5 + d ** -1.5 + 2 ** (d / 100.0) + (d / 7.0) ** 3
    return total


def power_assign(n):
    x = 1.0
    for i in range(n):
        x **= 1.0001
        x += 0.5
    return x


def goes_complex(n):
    out = []
    for i in range(n):
        base = 10.0 - i * 0.01
        out.append(base ** 0.5)
    return out[-1], out[0], type(out[-1]).__name__


def specials(n):
    vals = []
    for i in range(n):
        x = float(i % 5) - 1.0
        vals.append(x ** 2.0)
        vals.append(abs(x) ** 0.0)
    nan = float("nan")
    inf = float("inf")
    for i in range(n):
        a = nan if i == n - 2 else 1.5
        b = inf if i == n - 1 else 2.0
        vals.append(a ** b)
    return sum(v for v in vals if v == v and v != inf), vals[-2:]


def zero_negative(n):
    acc = 0.0
    for i in range(n):
        acc += (float(n - 1 - i)) ** -1.0
    return acc


def overflow(n):
    x = 2.0
    for i in range(n):
        x = x ** 1.5
    return x


print("%.9f" % norms(3000))
print("%.9f" % power_assign(2000))
print(goes_complex(2000))
print(specials(1500))
try:
    overflow(2000)
except OverflowError as e:
    print("OverflowError:", e)
zero_negative(1500)
