# decimal: format() with fill/align/sign/z/width/grouping/precision and every type
# (none, e, E, f, F, g, G, %), as money code uses it.
from decimal import Decimal as D

specs = ["", "f", ".2f", ",", ",.2f", "e", ".3e", "g", ".3g", "%", ".1%", ">12.2f",
         "012,.2f", "+.2f", "z.1f", " .1f", "<10", "^10", "*^12.3f", "=+10.1f", "E", "G",
         ".0f", ".2e", "015,.3f", "#.0f", ".0e", ".1g"]
values = ["1234.5678", "-0.001", "1.2300", "123E+5", "0E-7", "1E-10", "0", "-1234567.891",
          "0.5", "2.5", "99.99", "inf", "-nan"]
for s in specs:
    print(repr(s), [format(D(v), s) for v in values])
print("{:,.2f} | {:>10} | {:.3%} | {}".format(D("1234567.125"), D("1.5"), D("0.12345"),
                                                D("1e-8")))
print(f"{D('19.995'):.2f} {D('-0.5'):.0f} {D('1.5'):.0f}")
for bad in ["_", ".f", "x", "10.2q", "_.2f"]:
    try:
        print(format(D("1.5"), bad))
    except ValueError as e:
        print("ValueError", e)
