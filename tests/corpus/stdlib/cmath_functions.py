# cmath: every function on a grid of finite complex arguments (small, near 1, large, tiny,
# subnormal, negative zero), printed with full repr so results must match bit for bit.
import cmath

names = ["sqrt", "exp", "log", "log10", "sin", "cos", "tan", "sinh", "cosh", "tanh",
         "asin", "acos", "atan", "asinh", "acosh", "atanh"]
parts = [0.0, -0.0, 0.5, -0.5, 1.0, -1.0, 1e-300, 5e-324, 0.7, 1.3, 2.5, -3.75, 1e10, -1e200,
         1.7e308, 700.0, -720.0]
for name in names:
    f = getattr(cmath, name)
    out = []
    for re in parts:
        for im in parts[::3]:
            try:
                out.append(repr(f(complex(re, im))))
            except (ValueError, OverflowError) as e:
                out.append(type(e).__name__)
    print(name, " ".join(out))
for z in [1, 2.5, -1, 1j, 3 + 4j, -0.0, complex(-1, -0.0), 1e308 + 1e308j]:
    print(repr(z), cmath.phase(z), cmath.polar(z), cmath.isfinite(z), cmath.isinf(z),
          cmath.isnan(z))
for r, phi in [(1, 0), (2, 0.5), (-1, -0.0), (3, cmath.pi), (1e300, 1e300), (0.0, 2.0)]:
    print(r, phi, cmath.rect(r, phi))
print(cmath.log(8, 2), cmath.log(100j, 10), cmath.log(1 + 1j, 1j), cmath.log(-1, -1))
print(cmath.pi, cmath.e, cmath.tau, cmath.inf, cmath.nan, cmath.infj, cmath.nanj)
print(cmath.isclose(1 + 1j, 1 + 1.0000000001j), cmath.isclose(1, 1.1),
      cmath.isclose(1, 1.1, rel_tol=0.2), cmath.isclose(0, 1e-10, abs_tol=1e-9),
      cmath.isclose(complex("inf"), complex("inf")), cmath.isclose(cmath.nan, cmath.nan))
class Z:
    def __complex__(self):
        return 2j
class F:
    def __float__(self):
        return 0.25
class I:
    def __index__(self):
        return 4
print(cmath.sqrt(Z()), cmath.sqrt(F()), cmath.sqrt(I()), cmath.exp(True))
