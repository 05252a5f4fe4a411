# math: one-argument functions on a grid of inputs, reprs show every bit
import math

def grid():
    xs = [0.0, -0.0, 1e-310, 5e-324, 1e-20, 1e-8, 0.1, 0.25, 0.5, 0.7, 0.84375, 0.9, 1.0,
          1.25, 1.5, 2.0, 2.5, 2.857142857142857, 3.0, 5.5, 6.0, 10.0, 27.9, 28.0, 30.0,
          100.0, 140.5, 171.5, 200.0, 700.0, 1e10, 1e300]
    return xs + [-x for x in xs if x != 0.0]

def lcg_floats(n, scale, seed=12345):
    out = []
    s = seed
    for _ in range(n):
        s = (s * 6364136223846793005 + 1442695040888963407) % 2**64
        out.append(((s >> 11) / 2**53 * 2.0 - 1.0) * scale)
    return out

FUNCS = ["sqrt", "exp", "exp2", "expm1", "log", "log2", "log10", "log1p", "sin", "cos",
         "tan", "asin", "acos", "atan", "sinh", "cosh", "tanh", "asinh", "acosh", "atanh",
         "erf", "erfc", "gamma", "lgamma", "cbrt", "fabs", "degrees", "radians"]

for name in FUNCS:
    f = getattr(math, name)
    out = []
    for x in grid() + lcg_floats(40, 3.0) + lcg_floats(20, 40.0, 99):
        try:
            out.append(repr(f(x)))
        except ValueError:
            out.append("VE")
        except OverflowError:
            out.append("OE")
    print(name, " ".join(out))

for x in [float("inf"), float("-inf"), float("nan")]:
    row = []
    for name in FUNCS:
        try:
            row.append(repr(getattr(math, name)(x)))
        except ValueError:
            row.append("VE")
        except OverflowError:
            row.append("OE")
    print(x, " ".join(row))

print(math.pi, math.e, math.tau, math.inf, -math.inf, math.nan)
print(repr(math.sqrt(2)), repr(math.sqrt(10**20)), repr(math.exp(1)), math.sqrt(True))
