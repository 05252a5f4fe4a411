# decimal: construction (str/int/float/tuple), str/repr, + - * / // % divmod, pow with
# integer exponents, unary ops, the ideal exponents of exact results, mixed int operands.
from decimal import Decimal as D, getcontext

print(D(), D(5), D(-12345678901234567890), D("1.50"), D("-0"), D(".5"), D("5."), D("1_000.5"))
print(D(0.1), D(-0.0), D(1e100), D(2.5), D(float("inf")), D(float("-inf")), D(float("nan")))
print(D((1, (1, 2, 3), -2)), D((0, (), "F")), D((0, (4, 2), "n")), D([0, [1], 5]))
print(repr(D("12.500")), repr(D("1e-7")), repr(D("-Inf")), repr(D("sNaN12")), repr(D("nan")))
for s in ["1e-7", "123e5", "0.000001", "1234.5e-10", "-0E+3", "1E+3", "0.00", "1e6", "100"]:
    print(s, str(D(s)), D(s).to_eng_string())
a, b = D("7.25"), D("-2.5")
print(a + b, a - b, a * b, a / b, a // b, a % b, divmod(a, b))
print(b // a, b % a, divmod(b, a), -a, +b, abs(b))
print(D(1) / D(3), D(2) / D(3), D(1) / D(8), D(100) / D(4), D("1.00") / D("0.1"))
print(D(10) // 3, D(-10) // 3, D(10) % 3, D(-10) % 3, D("10.5") % D("0.3"))
print(D("1.1") + D("2.2"), D("1.30") * D("1.20"), D("1.1") - D("1.10"))
print(D("-0") + D("0"), D("-0") + D("-0"), -D("0"), +D("-0"))
print(D(2) ** 10, D(2) ** -3, D("1.5") ** 3, D("1.1") ** 50, D(-2) ** 3, D(-2) ** -3)
print(D(0) ** 5, D("-0") ** 3, D("-0") ** -3, D("inf") ** 2, D("inf") ** -1, D(10) ** 0)
print(pow(D(3), 4, 5), pow(D(-3), 3, 7))
print(D("1.5") + 1, 1 + D("1.5"), 3 * D("1.5"), 7 / D(2), 2 - D("0.5"), 7 // D(2), 7 % D(4))
print(D("1e999999") * D("1e-999999"), D("1.5") * 0)
print(D("inf") / 5, D(5) / D("inf"), D("inf") // 5, D(5) // D("inf"), D(5) % D("inf"))
print(D("nan") + 1, D("nan5") * 2, D("-nan") / 3)
print(D("12345678901234567890123456789") + 1, D("9999999999999999999999999999") + 1)
print(D("1e100") + D("1e-100"), D("1e100") - D("1e-100"))
getcontext().prec = 5
print(D(1) / 7, D("123456789") + 0, D("1.23456789") * 1, D(2) ** 100)
print(D("99999.5") + 0, D("-99999.5") + 0)
