# decimal: contexts (getcontext/setcontext/localcontext, Context attributes and repr),
# the eight rounding modes, flags, traps and the signal exceptions with their hierarchy.
import decimal
from decimal import (Decimal as D, Context, getcontext, setcontext, localcontext,
                     ROUND_UP, ROUND_DOWN, ROUND_CEILING, ROUND_FLOOR, ROUND_HALF_UP,
                     ROUND_HALF_DOWN, ROUND_HALF_EVEN, ROUND_05UP)

print(getcontext())
print(decimal.DefaultContext)
print(decimal.BasicContext)
print(decimal.ExtendedContext)
modes = [ROUND_UP, ROUND_DOWN, ROUND_CEILING, ROUND_FLOOR, ROUND_HALF_UP,
         ROUND_HALF_DOWN, ROUND_HALF_EVEN, ROUND_05UP]
values = ["1.25", "1.35", "-1.25", "1.251", "-1.249", "1.05", "1.5", "-2.5", "0.04"]
for mode in modes:
    print(mode, [str(D(v).quantize(D("0.1"), rounding=mode)) for v in values])
for mode in modes:
    ctx = Context(prec=3, rounding=mode)
    print(mode, ctx.divide(D(2), D(3)), ctx.divide(D(-2), D(3)), ctx.add(D("1005"), 0),
          ctx.create_decimal("-1005"))

ctx = Context(prec=4, traps=[])
print(ctx.divide(1, 0), ctx.divide(0, 0), ctx.sqrt(D(-1)), ctx.power(D(10), 9999999))
print(sorted(s.__name__ for s, v in ctx.flags.items() if v))
print(ctx)
ctx.clear_flags()
print(ctx.flags[decimal.Inexact], ctx.traps[decimal.DivisionByZero])

with localcontext() as lc:
    lc.prec = 3
    print(D(1) / 7, getcontext().prec)
print(D(1) / 7, getcontext().prec)
with localcontext(prec=6, rounding=ROUND_DOWN) as lc:
    print(D(2) / 3, lc.rounding)
with localcontext(Context(prec=2)):
    print(D("1.234") + 0)

old = getcontext()
setcontext(Context(prec=9, traps=[decimal.Inexact]))
try:
    D(1) / 3
except decimal.Inexact as e:
    print("trapped", type(e).__name__, e.args)
print(D(1) / 4)
setcontext(old)

for op in [lambda: D(1) / 0, lambda: D(0) / 0, lambda: D("abc"), lambda: D(1) // 0,
           lambda: D("1e999999") * 10, lambda: D(-1).sqrt(), lambda: D("inf") - D("inf"),
           lambda: D(1) % 0, lambda: D(0) % 0, lambda: D("1e40") // 3, lambda: D("nan") < 1,
           lambda: D("snan") + 1, lambda: D(1).quantize(D("1e-30")), lambda: D(0) ** 0]:
    try:
        print("ok", op())
    except decimal.DecimalException as e:
        print(type(e).__name__, e, isinstance(e, ArithmeticError),
              isinstance(e, ZeroDivisionError))

for cls in [decimal.InvalidOperation, decimal.DivisionByZero, decimal.Overflow,
            decimal.Underflow, decimal.FloatOperation, decimal.DivisionUndefined,
            decimal.ConversionSyntax, decimal.Subnormal, decimal.Clamped]:
    print(cls.__name__, [c.__name__ for c in cls.__mro__])

c = Context(prec=3, traps=[decimal.FloatOperation])
try:
    D(1.5, c) if False else c.create_decimal(1.5)
except decimal.FloatOperation as e:
    print("FloatOperation", e)
print(D(1) == 1.0, D(1) < 2.0, getcontext().flags[decimal.FloatOperation])
for bad in [dict(prec=0), dict(prec="5"), dict(rounding="NEAREST"), dict(Emax=-1),
            dict(Emin=1), dict(capitals=2), dict(clamp=-1)]:
    try:
        Context(**bad)
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
c = Context(prec=3, Emax=9, Emin=-9, clamp=1, traps=[])
print(c.create_decimal("1e9"), c.create_decimal("1.23e12"), c.Etiny(), c.Etop())
print(c)
print(c.create_decimal("1e-11"), c.create_decimal("1.5e-10"), c.flags[decimal.Subnormal])
