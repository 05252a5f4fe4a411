# cmath: C99 Annex G special values (infinities, NaNs, signed zeros) for every function,
# and the errors: ValueError('math domain error'), OverflowError('math range error'),
# bad argument types.
# Python 3.14 follows C11's corrected Annex G for tanh(±0 + nanj) (±0 + nanj), and so
# tan(nan ± 0j), and acosh(±0 + nanj) (nan + pi/2 j), where 3.13 gave nan+nanj: those three
# inputs are left out here.
import cmath

inf, nan = float("inf"), float("nan")
specials = [-inf, -2.0, -0.0, 0.0, 2.0, inf, nan]
names = ["sqrt", "exp", "log", "log10", "sin", "cos", "tan", "sinh", "cosh", "tanh",
         "asin", "acos", "atan", "asinh", "acosh", "atanh"]
for name in names:
    f = getattr(cmath, name)
    out = []
    for re in specials:
        for im in specials:
            changed = {"tanh": re == 0 and im != im, "acosh": re == 0 and im != im,
                       "tan": re != re and im == 0}
            if changed.get(name):
                continue
            try:
                out.append(repr(f(complex(re, im))))
            except (ValueError, OverflowError) as e:
                out.append(type(e).__name__)
    print(name, " ".join(out))
out = []
for r in specials:
    for phi in specials:
        try:
            out.append(repr(cmath.rect(r, phi)))
        except ValueError as e:
            out.append(str(e))
print("rect", " ".join(out))
for f in [lambda: cmath.log(0), lambda: cmath.log(2, 1), lambda: cmath.atanh(1),
          lambda: cmath.exp(1000), lambda: cmath.cosh(1000 + 1j), lambda: cmath.sqrt("a"),
          lambda: cmath.sqrt(None), lambda: cmath.sqrt(), lambda: cmath.sqrt(1, 2),
          lambda: cmath.log(1, 2, 3), lambda: cmath.rect("a", 1), lambda: cmath.log(1, "a"),
          lambda: cmath.isclose(1, 2, rel_tol=-1), lambda: cmath.isclose(1, 2, 3),
          lambda: cmath.polar(complex(1e308, 1e308)), lambda: cmath.sqrt(10 ** 400),
          lambda: cmath.phase("x"), lambda: cmath.tan(complex(0, inf))]:
    try:
        print(f())
    except (ValueError, OverflowError, TypeError) as e:
        print(type(e).__name__, e)
