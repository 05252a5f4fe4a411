# math: floor/ceil/trunc protocols, frexp/ldexp/modf, fmod/remainder, copysign, pow, nextafter, ulp, isclose, fma
import math

inf, nan = float("inf"), float("nan")
print(math.floor(2.5), math.floor(-2.5), math.ceil(2.5), math.ceil(-2.5), math.trunc(-2.7), math.trunc(2.7))
print(math.floor(10**30), math.ceil(True), math.floor(1e300) == int(1e300), math.trunc(-0.0), math.floor(-0.5))

class Num:
    def __floor__(self): return "floor!"
    def __ceil__(self): return "ceil!"
    def __trunc__(self): return "trunc!"
class F(float):
    pass
class G(float):
    def __floor__(self): return 42
class HasFloat:
    def __float__(self): return 3.7
print(math.floor(Num()), math.ceil(Num()), math.trunc(Num()), math.floor(F(2.5)), math.floor(G(2.5)))
print(math.floor(HasFloat()), math.ceil(HasFloat()), math.sqrt(HasFloat()))

for x in [0.0, -0.0, 1.0, -3.75, 0.1, 1e300, 5e-324, 2.2250738585072014e-308, inf, -inf, nan, 2**60]:
    print(repr(x), math.frexp(x), math.modf(x), repr(math.fabs(x)))
print(math.ldexp(1.0, 1023), math.ldexp(0.75, -1074), math.ldexp(0.5, -1074), math.ldexp(1.5, -1075))
print(math.ldexp(3.0, -10**30), math.ldexp(-0.0, 10**30), math.ldexp(inf, -5), math.ldexp(1, True))
for x, y in [(5.5, 2), (-5.5, 2), (5.5, -2), (1.0, inf), (-0.0, 1.0), (7.0, 0.5), (1e300, 3.0), (3.0, 2.0), (5.0, 2.0), (-5.0, 2.0), (1.0, 3e-320)]:
    print(repr(math.fmod(x, y)), repr(math.remainder(x, y)), repr(math.copysign(x, -y)))
print(math.remainder(inf, nan), math.remainder(2.0, inf), math.copysign(1.0, -0.0), math.copysign(nan, -1.0))
for x, y in [(2, 10), (2, -1074), (2, 0.5), (-8, 1/3 if False else 3), (0.0, 0.0), (inf, -2), (-inf, 3), (-inf, 2), (0.5, inf), (2, -inf), (-1, inf), (nan, 0), (1, nan), (-0.0, 3), (10.0, 308)]:
    print(repr(math.pow(x, y)), end=" ")
print()
print(math.nextafter(1.0, 2.0), math.nextafter(1.0, 0.0), math.nextafter(0.0, -1.0), math.nextafter(-0.0, 0.0))
print(math.nextafter(1.0, 2.0, steps=0), math.nextafter(1.0, 2.0, steps=3), math.nextafter(0.0, -inf, steps=5))
print(math.nextafter(5e-324, -1.0, steps=3), math.nextafter(1.0, 1.0, steps=9), math.nextafter(-1.0, 1.0, steps=10**30))
print(math.nextafter(1.7976931348623157e308, inf), math.nextafter(nan, 1), math.nextafter(1.0, nan, steps=2))
print([math.ulp(x) for x in [1.0, -2.0, 0.0, 5e-324, 1e300, 1.7976931348623157e308, inf, nan]])
print(math.isclose(1.0, 1.0 + 1e-10), math.isclose(1.0, 1.1), math.isclose(inf, inf), math.isclose(inf, -inf))
print(math.isclose(nan, nan), math.isclose(0.0, 1e-10, abs_tol=1e-9), math.isclose(1, 1.05, rel_tol=0.1), math.isclose(a=1, b=1))
print(math.fma(2.0, 3.0, 1.0), repr(math.fma(0.1, 10.0, -1.0)), math.fma(inf, 2.0, nan), math.fma(1e308, 10.0, -inf))
print(math.isfinite(1.0), math.isfinite(inf), math.isinf(-inf), math.isinf(nan), math.isnan(nan), math.isnan(10**100))
print(math.atan2(0.0, -0.0), math.atan2(-0.0, -1.0), math.atan2(inf, -inf), math.atan2(1, 1))
