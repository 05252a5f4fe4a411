# fractions.Fraction: construction, parsing, arithmetic, comparisons, hashing, errors
from fractions import Fraction
import math

print(Fraction(3, 4), repr(Fraction(10, -8)), Fraction(), Fraction(7), Fraction(-6, 4))
print(Fraction('3/7'), Fraction(' -35/4 '), Fraction('3.1415'), Fraction('-47e-2'),
      Fraction('1_000.5'), Fraction('.5'), Fraction('2E3'), Fraction('+7 / 3'))
print(Fraction(1.47), Fraction(2.25), Fraction(Fraction(1, 7), 5), Fraction(Fraction(1, 7), Fraction(2, 3)))
print(Fraction.from_float(0.1), Fraction.from_float(3), Fraction(0.1).limit_denominator(100))
print(Fraction('3.141592653589793').limit_denominator(10), Fraction('3.141592653589793').limit_denominator(100))
print(Fraction(4321, 8765).limit_denominator(10000), Fraction(1, 3).numerator, Fraction(1, 3).denominator)

a, b = Fraction(1, 3), Fraction(1, 6)
print(a + b, a - b, a * b, a / b, a // b, a % b, divmod(a, b), a ** 2, a ** -2, (-a) ** -3)
print(a + 1, 1 + a, a * 2, 2 / a, a - 1, 1 - a, a + 0.5, 0.5 + a, a * 1j, a ** 0.5, 2 ** Fraction(1, 2))
print(4 ** Fraction(2), Fraction(-3, 2) // 1, Fraction(7, 2) % 1, -a, +a, abs(-a))
print(a == Fraction(2, 6), a == 1 / 3, Fraction(1, 2) == 0.5, Fraction(2) == 2, a != b)
print(a < b, a > b, a <= 0.34, a >= 0.33, Fraction(1) < math.inf, Fraction(1) > -math.inf, Fraction(1) < math.nan)
print(sorted([Fraction(3, 4), 0.5, Fraction(1, 8), 1]), max(Fraction(1, 3), 0.3))
print(int(Fraction(-7, 2)), math.floor(Fraction(-7, 2)), math.ceil(Fraction(-7, 2)), math.trunc(Fraction(7, 2)))
print(round(Fraction(5, 2)), round(Fraction(7, 2)), round(Fraction(-5, 2)), round(Fraction(1234567, 1000), 2), round(Fraction(1234567, 1000), -2))
print(float(Fraction(1, 3)), complex(Fraction(1, 4)), bool(Fraction(0)), bool(Fraction(1, 9)))
print(hash(Fraction(1, 2)) == hash(0.5), hash(Fraction(5)) == hash(5), hash(Fraction(1, 3)), hash(Fraction(-1, 3)))
print(hash(Fraction(10**30, 7)), hash(Fraction(-1)), Fraction(3, 4).as_integer_ratio(), Fraction(4, 2).is_integer())
print({Fraction(1, 2): 'half'}[0.5], f"{Fraction(1, 3)}", f"{Fraction(2, 3):.5f}", f"{Fraction(1, 8):.1%}")
print(sum([Fraction(1, n) for n in range(1, 11)]))
x = Fraction(0)
for n in range(1, 30):
    x += Fraction((-1) ** n, n * n)
print(x, float(x))


def attempt(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)


for bad in ('3/0', 'abc', '1/2/3', '1.2/3', '', ' ', '1e', '_1', '1__0', '0x10', '3/-4', '1 2'):
    attempt(lambda: Fraction(bad))
attempt(lambda: Fraction(1, 0))
attempt(lambda: Fraction(1.5, 2))
attempt(lambda: Fraction([1]))
attempt(lambda: Fraction(float('nan')))
attempt(lambda: Fraction(float('inf')))
attempt(lambda: Fraction(1, 2) / 0)
attempt(lambda: Fraction(0) ** -1)
attempt(lambda: Fraction.from_float('x'))
attempt(lambda: Fraction(1, 3).limit_denominator(0))
attempt(lambda: Fraction(1, 3) < 'x')
attempt(lambda: Fraction(1, 3) + 'x')
attempt(lambda: Fraction(1, 3) // 1j)
print(Fraction(2, 3).real, Fraction(2, 3).imag, Fraction(2, 3).conjugate())


class MyFrac(Fraction):
    pass


print(repr(MyFrac(3, 6)), type(MyFrac(1) + 1).__name__)
