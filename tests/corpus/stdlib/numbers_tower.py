# numbers: the numeric tower ABCs and the registered builtin numbers.
import numbers
from numbers import Number, Complex, Real, Rational, Integral
for v in (1, True, 1.5, 2j, "x", None):
    print(repr(v), [isinstance(v, c) for c in (Number, Complex, Real, Rational, Integral)])
print(issubclass(bool, Integral), issubclass(float, Rational), numbers.__all__)
try: Integral()
except TypeError as e: print(str(e)[:60])
class MyInt(Integral):
    def __init__(self, v): self.v = v
    def __int__(self): return self.v
for name in sorted(Integral.__abstractmethods__)[:5]: print(name)
print(sorted(Real.__abstractmethods__) == sorted(n for n in Real.__abstractmethods__), len(Complex.__abstractmethods__))
print(Number.__hash__, type(Real.real).__name__)
