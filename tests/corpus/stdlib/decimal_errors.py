# decimal: bad input to the constructor and methods — CPython's exception types and messages.
import decimal
from decimal import Decimal as D

cases = ["abc", "1.2.3", "1e", ".", "", " ", "1 000", "--1", "infinit", "nan1x", "1e5.5"]
for s in cases:
    try:
        print(repr(s), D(s))
    except decimal.InvalidOperation as e:
        print(repr(s), type(e).__name__, e)
print(decimal.Context(traps=[]).create_decimal("zz"), D("1__0"), D("_1"), D(" 12 \n"))
for bad in [[1, 2], (0, (1, 2), "x"), (3, (1,), 0), (0, (10,), 0), (0, (1,)), (0, 5, 0),
            (0, (1,), 1.5), {}, None, 1j, b"1"]:
    try:
        print(D(bad))
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
for f in [lambda: int(D("inf")), lambda: int(D("nan")), lambda: round(D("inf")),
          lambda: round(D("1.5"), "x"), lambda: float(D("snan")),
          lambda: D("inf").as_integer_ratio(), lambda: D("nan").as_integer_ratio(),
          lambda: D(1).quantize(D(1), rounding="UP"), lambda: D(1).quantize("x"),
          lambda: decimal.getcontext().add("1", 2), lambda: decimal.setcontext(5),
          lambda: decimal.localcontext(foo=1)]:
    try:
        print(f())
    except (ValueError, TypeError, OverflowError, KeyError) as e:
        print(type(e).__name__, e)
