# decimal: quantize, to_integral_*, normalize, sqrt, exp/ln/log10, as_tuple,
# as_integer_ratio, predicates, copy_sign, compare*, min/max, next_*, scaleb, logb,
# rounding with round()/int()/math.floor/ceil.
import math
from decimal import Decimal as D, getcontext, ROUND_DOWN, ROUND_FLOOR, ROUND_HALF_UP

print(D("1.2345").quantize(D("0.01")), D("1.2355").quantize(D("0.001"), rounding=ROUND_DOWN),
      D("-2.5").quantize(D(1), rounding=ROUND_HALF_UP), D("2.5").quantize(D(1)),
      D("3.5").quantize(D(1)), D("1e10").quantize(D("1e-10")), D("inf").quantize(D("inf")))
print(D("2.5").to_integral_value(), D("-2.5").to_integral_value(rounding=ROUND_FLOOR),
      D("7.1").to_integral_exact(), D("1e5").to_integral(), D("-0.4").to_integral())
print(D("123.4500").normalize(), D("0.000").normalize(), D("1E+3").normalize(),
      D("-0").normalize(), D("120").normalize())
print(D(2).sqrt(), D("0.0004").sqrt(), D(100).sqrt(), D("1e-3").sqrt(), D("4.0").sqrt(),
      D("0.09").sqrt(), D("-0").sqrt(), D("1.0000").sqrt())
print(D(1).exp(), D(2).exp(), D(-1).exp(), D("0.001").exp(), D(0).exp(), D("-inf").exp())
print(D(10).ln(), D(2).ln(), D("0.5").ln(), D(1).ln(), D("1e-500").ln())
print(D(2).log10(), D(1000).log10(), D("0.001").log10(), D("123.456").log10())
print(D(2) ** D("0.5"), D(2) ** D("1.5"), D(10) ** D("-2.5"))
print(D("12.345").as_tuple(), D("-inf").as_tuple(), D("nan123").as_tuple())
t = D("-1.50").as_tuple()
print(t.sign, t.digits, t.exponent, type(t).__name__)
print(D("0.25").as_integer_ratio(), D("-12.5e3").as_integer_ratio(), D(0).as_integer_ratio())
for v in ["0", "-0", "1.5", "-inf", "nan", "snan", "1e-1000000"]:
    d = D(v)
    print(v, d.is_zero(), d.is_signed(), d.is_finite(), d.is_infinite(), d.is_nan(),
          d.is_qnan(), d.is_snan(), d.is_normal(), d.is_subnormal(), d.number_class(),
          d.is_canonical(), d.adjusted())
print(D(1).copy_sign(D(-2)), D(-3).copy_abs(), D(5).copy_negate(), D("1.5").fma(2, D("0.1")))
print(D(1).compare(D(2)), D(2).compare(D(2)), D("1.0").compare_total(D(1)),
      D(5).compare(D("nan")), D(-1).compare_total_mag(D(1)))
print(D(5).max(D("5.0")), D(-5).min(D("-5.0")), D(5).max_mag(D(-7)), D(5).min_mag(D(-7)),
      D(5).min(D("nan")), max(D(1), D("1.0")), min(D(3), D(2)))
print(D(1).next_plus(), D(1).next_minus(), D(0).next_minus(), D(1).next_toward(0))
print(D(7).scaleb(3), D(123).scaleb(-5), D("1.5").logb(), D("-inf").logb())
print(D("12.3").remainder_near(D(5)), D(10).remainder_near(D(6)), D(-10).remainder_near(D(6)))
print(D("1.1").same_quantum(D("2.2")), D(1).same_quantum(D("1.0")))
print(round(D("2.567"), 2), round(D("2.5")), round(D("3.5")), round(D("1234.5"), -2),
      int(D("-3.9")), float(D("1.25")), math.floor(D("-2.5")), math.ceil(D("-2.5")),
      math.trunc(D("-2.5")), complex(D("1.5")))
print(D("1.5").real, D("1.5").imag, D("1.5").conjugate(), D(1).radix())
print(D.from_float(0.1), D.from_float(3), getcontext().create_decimal_from_float(0.1))
print(sum([D("0.1")] * 10), sorted([D("3"), D("-1"), D("2.5"), D("1e1")]))
