# decimal: comparisons and hashing consistent with int, float and Fraction; NaN
# comparisons; mixed-type equality; decimals as dict keys and in sets.
from decimal import Decimal as D, InvalidOperation
from fractions import Fraction

print(D("1.5") == 1.5, D("0.1") == 0.1, D(2) < 3, D(2) > 3.5, D(2) == 2, D("2.0") == D(2))
print(D("1.1") < D("1.10"), D(1) == 1.0, D(1) < float("inf"), D(1) == complex(1, 0),
      D(1) == complex(1, 1), D(1) != "a", D("0.5") == Fraction(1, 2),
      D("0.3") < Fraction(1, 3), D("-0") == 0)
print(D("nan") == D("nan"), D("nan") != 1, D("inf") > 10 ** 100, D("-inf") < -1e308)
for v in ["1.5", "10", "1e30", "-1", "0.1", "123456789.123456789", "-0", "inf", "-inf",
          "2.50", "1e-30"]:
    print(v, hash(D(v)))
print(hash(D("1.5")) == hash(1.5), hash(D(10)) == hash(10), hash(D("1e30")) == hash(10 ** 30),
      hash(D("0.5")) == hash(Fraction(1, 2)), hash(D("-1")) == hash(-1))
d = {D("1.0"): "a", 2: "b"}
print(d[1], d[D("2.00")], len({D(1), D("1.0"), 1, 1.0}))
try:
    hash(D("snan"))
except TypeError as e:
    print("TypeError", e)
for op in [lambda: D("nan") < 1, lambda: D(2) >= D("nan"), lambda: D("snan") == 1]:
    try:
        print(op())
    except InvalidOperation as e:
        print("InvalidOperation", e)
for op in [lambda: D(1) < "a", lambda: D(1) + 1.5, lambda: D(2) ** 0.5, lambda: "x" * D(2)]:
    try:
        print(op())
    except TypeError as e:
        print("TypeError", e)
