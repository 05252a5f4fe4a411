# math: bad input raises CPython's exceptions (messages unchanged between 3.13 and 3.14; the domain errors 3.14 reworded are checked by unit tests)
import math

inf, nan = float("inf"), float("nan")
calls = [
    "math.sqrt()", "math.sqrt(1, 2)", "math.sqrt(x=1)", "math.sqrt('a')", "math.sin(None)",
    "math.copysign(1)", "math.pow(1)", "math.atan2(1)", "math.fmod(1)", "math.fma(1, 2)",
    "math.log(1, 1)", "math.log(1, 2, 3)", "math.log()", "math.log('x')",
    "math.ldexp(1.0, 1.5)", "math.ldexp(1e308, 10)", "math.ldexp(1.0, 10**30)", "math.frexp('a')",
    "math.exp(1000)", "math.exp2(1025)", "math.expm1(1000)", "math.cosh(1000)", "math.sinh(-1000)",
    "math.pow(0, -1)", "math.pow(-1, 0.5)", "math.pow(10, 400)", "math.pow(-0.0, -1)",
    "math.fmod(1, 0)", "math.fmod(inf, 1)", "math.remainder(1, 0)", "math.remainder(inf, 1)",
    "math.fma(1e308, 10, 0)", "math.fma(inf, 0, 1)", "math.gamma(200)", "math.gamma(1e-320)", "math.lgamma(1e308)",
    "math.floor(inf)", "math.floor(nan)", "math.ceil(-inf)", "math.trunc(nan)", "math.trunc('a')",
    "math.floor('a')", "math.ceil([])", "math.ulp('x')", "math.hypot('a')", "math.hypot(x=1)",
    "math.isclose(1, 2, rel_tol=-1)", "math.isclose(1)", "math.isclose(1, 2, 3)",
    "math.nextafter(1, 2, steps=-1)", "math.nextafter(1, 2, steps=1.5)", "math.nextafter(1)",
    "math.degrees('a')", "math.isnan('a')", "math.sqrt(10**400)", "math.exp(10**400)",
]
for c in calls:
    try:
        print(c, "->", repr(eval(c)))
    except Exception as e:
        print(c, "!!", type(e).__name__, e)
