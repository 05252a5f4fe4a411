"""Pyrite's fractions module: exact rational numbers (Fraction)."""

import math as _math

__all__ = ['Fraction']

# sys.hash_info.modulus and .inf on 64-bit builds: numeric hashes agree across types.
_HASH_MODULUS = (1 << 61) - 1
_HASH_INF = 314159

try:
    import numbers as _numbers
except ImportError:
    _numbers = None


def _is_rational(x):
    if isinstance(x, (int, Fraction)):
        return True
    return _numbers is not None and isinstance(x, _numbers.Rational)


def _is_real(x):
    if isinstance(x, (int, float, Fraction)):
        return True
    return _numbers is not None and isinstance(x, _numbers.Real)


def _is_complex(x):
    if isinstance(x, (int, float, complex, Fraction)):
        return True
    return _numbers is not None and isinstance(x, _numbers.Complex)


def _hash_of(numerator, denominator):
    try:
        dinv = pow(denominator, -1, _HASH_MODULUS)
    except ValueError:
        h = _HASH_INF
    else:
        h = hash(hash(abs(numerator)) * dinv)
    if numerator < 0:
        h = -h
    return -2 if h == -1 else h


def _digits(text, start, allow_underscores=True):
    """End of a run of digits (single underscores between digits allowed) at start."""
    i = start
    n = len(text)
    while i < n:
        c = text[i]
        if '0' <= c <= '9':
            i += 1
        elif (c == '_' and allow_underscores and i > start and i + 1 < n
              and '0' <= text[i + 1] <= '9'):
            i += 1
        else:
            break
    return i


def _parse(text):
    """Numerator and denominator of a Fraction literal, or None if malformed."""
    s = text.strip()
    i = 0
    negative = False
    if s[:1] in ('+', '-'):
        negative = s[0] == '-'
        i = 1
    if not (s[i:i + 1].isdigit() and s[i:i + 1].isascii()) and not (
            s[i:i + 1] == '.' and s[i + 1:i + 2].isdigit() and s[i + 1:i + 2].isascii()):
        return None
    end = _digits(s, i)
    num_text = s[i:end]
    i = end
    numerator = int(num_text) if num_text else 0
    denominator = 1
    rest = s[i:]
    if rest.lstrip().startswith('/'):
        j = i + (len(rest) - len(rest.lstrip())) + 1
        while j < len(s) and s[j].isspace():
            j += 1
        end = _digits(s, j)
        if end == j or end != len(s) or not num_text:
            return None
        denominator = int(s[j:end])
    else:
        if s[i:i + 1] == '.':
            end = _digits(s, i + 1)
            decimal = s[i + 1:end].replace('_', '')
            i = end
            if decimal:
                scale = 10 ** len(decimal)
                numerator = numerator * scale + int(decimal)
                denominator *= scale
        if s[i:i + 1] in ('e', 'E'):
            j = i + 1
            if s[j:j + 1] in ('+', '-'):
                j += 1
            end = _digits(s, j)
            if end == j:
                return None
            exp = int(s[i + 1:end])
            i = end
            if exp >= 0:
                numerator *= 10 ** exp
            else:
                denominator *= 10 ** -exp
        if i != len(s):
            return None
    if negative:
        numerator = -numerator
    return numerator, denominator


class Fraction:
    """A rational number: Fraction(3, 4), Fraction('1.5'), Fraction(0.25)."""

    __slots__ = ('_numerator', '_denominator')

    def __new__(cls, numerator=0, denominator=None):
        self = object.__new__(cls)
        if denominator is None:
            if type(numerator) is int:
                self._numerator = numerator
                self._denominator = 1
                return self
            if _is_rational(numerator):
                self._numerator = numerator.numerator
                self._denominator = numerator.denominator
                return self
            if isinstance(numerator, float) or type(numerator).__name__ == 'Decimal':
                self._numerator, self._denominator = numerator.as_integer_ratio()
                return self
            if isinstance(numerator, str):
                parsed = _parse(numerator)
                if parsed is None:
                    raise ValueError('Invalid literal for Fraction: %r' % (numerator,))
                numerator, denominator = parsed
            else:
                raise TypeError('argument should be a string or a Rational instance')
        elif type(numerator) is int and type(denominator) is int:
            pass
        elif _is_rational(numerator) and _is_rational(denominator):
            numerator, denominator = (numerator.numerator * denominator.denominator,
                                      denominator.numerator * numerator.denominator)
        else:
            raise TypeError('both arguments should be Rational instances')
        if denominator == 0:
            raise ZeroDivisionError('Fraction(%s, 0)' % (numerator,))
        g = _math.gcd(numerator, denominator)
        if denominator < 0:
            g = -g
        self._numerator = numerator // g
        self._denominator = denominator // g
        return self

    @classmethod
    def from_float(cls, f):
        if isinstance(f, int):
            return cls(f)
        if not isinstance(f, float):
            raise TypeError('%s.from_float() only takes floats, not %r (%s)'
                            % (cls.__name__, f, type(f).__name__))
        return cls._from_coprime_ints(*f.as_integer_ratio())

    @classmethod
    def from_decimal(cls, dec):
        if isinstance(dec, int):
            return cls(dec)
        if type(dec).__name__ != 'Decimal':
            raise TypeError('%s.from_decimal() only takes Decimals, not %r (%s)'
                            % (cls.__name__, dec, type(dec).__name__))
        return cls._from_coprime_ints(*dec.as_integer_ratio())

    @classmethod
    def _from_coprime_ints(cls, numerator, denominator, /):
        obj = object.__new__(cls)
        obj._numerator = numerator
        obj._denominator = denominator
        return obj

    def is_integer(self):
        return self._denominator == 1

    def as_integer_ratio(self):
        return (self._numerator, self._denominator)

    def limit_denominator(self, max_denominator=1000000):
        """The closest Fraction with denominator at most max_denominator."""
        if max_denominator < 1:
            raise ValueError('max_denominator should be at least 1')
        if self._denominator <= max_denominator:
            return Fraction(self)
        # Continued-fraction convergents, then the best semiconvergent.
        p0, q0, p1, q1 = 0, 1, 1, 0
        n, d = self._numerator, self._denominator
        while True:
            a = n // d
            q2 = q0 + a * q1
            if q2 > max_denominator:
                break
            p0, q0, p1, q1 = p1, q1, p0 + a * p1, q2
            n, d = d, n - a * d
        k = (max_denominator - q0) // q1
        if 2 * d * (q0 + k * q1) <= self._denominator:
            return Fraction._from_coprime_ints(p1, q1)
        return Fraction._from_coprime_ints(p0 + k * p1, q0 + k * q1)

    @property
    def numerator(self):
        return self._numerator

    @property
    def denominator(self):
        return self._denominator

    def __repr__(self):
        return '%s(%s, %s)' % (self.__class__.__name__, self._numerator, self._denominator)

    def __str__(self):
        if self._denominator == 1:
            return str(self._numerator)
        return '%s/%s' % (self._numerator, self._denominator)

    def __format__(self, format_spec, /):
        if not format_spec:
            return str(self)
        spec = format_spec
        kind = spec[-1]
        if kind in 'fF%' and '.' in spec:
            head, _, precision = spec[:-1].rpartition('.')
            if precision.isdigit() and all(c not in head for c in 'zn#,_'):
                return self._format_fixed(head, int(precision), kind)
        if kind in 'eEgG' or kind in 'fF%':
            return format(float(self), format_spec)
        raise ValueError('Invalid format specifier %r for object of type %r'
                         % (format_spec, type(self).__name__))

    def _format_fixed(self, head, precision, kind):
        n, d = self._numerator, self._denominator
        if kind == '%':
            n *= 100
        negative = n < 0
        scaled = abs(n) * 10 ** precision
        q, r = divmod(scaled, d)
        if 2 * r > d or (2 * r == d and q % 2 == 1):
            q += 1
        digits = str(q).rjust(precision + 1, '0')
        body = digits[:len(digits) - precision] + ('.' + digits[-precision:] if precision else '')
        if kind == '%':
            body += '%'
        sign = '-' if negative else ''
        if head[:1] in '+- ' and head:
            pass
        return format(sign + body, head.replace('=', '>')) if head else sign + body

    def _fallbacks(monomorphic, fallback, handle_complex=True):
        def forward(a, b):
            if isinstance(b, Fraction):
                return monomorphic(a, b)
            if isinstance(b, int):
                return monomorphic(a, Fraction._from_coprime_ints(b, 1))
            if isinstance(b, float):
                return fallback(float(a), b)
            if handle_complex and isinstance(b, complex):
                return fallback(complex(a), b)
            return NotImplemented

        def reverse(b, a):
            if _is_rational(a):
                return monomorphic(Fraction(a), b)
            if _is_real(a):
                return fallback(float(a), float(b))
            if handle_complex and _is_complex(a):
                return fallback(complex(a), complex(b))
            return NotImplemented

        forward.__name__ = '__' + fallback.__name__ + '__'
        reverse.__name__ = '__r' + fallback.__name__ + '__'
        return forward, reverse

    def _add(a, b):
        na, da = a._numerator, a._denominator
        nb, db = b._numerator, b._denominator
        g = _math.gcd(da, db)
        if g == 1:
            return Fraction._from_coprime_ints(na * db + da * nb, da * db)
        s = da // g
        t = na * (db // g) + nb * s
        g2 = _math.gcd(t, g)
        if g2 == 1:
            return Fraction._from_coprime_ints(t, s * db)
        return Fraction._from_coprime_ints(t // g2, s * (db // g2))

    def _sub(a, b):
        na, da = a._numerator, a._denominator
        nb, db = b._numerator, b._denominator
        g = _math.gcd(da, db)
        if g == 1:
            return Fraction._from_coprime_ints(na * db - da * nb, da * db)
        s = da // g
        t = na * (db // g) - nb * s
        g2 = _math.gcd(t, g)
        if g2 == 1:
            return Fraction._from_coprime_ints(t, s * db)
        return Fraction._from_coprime_ints(t // g2, s * (db // g2))

    def _mul(a, b):
        na, da = a._numerator, a._denominator
        nb, db = b._numerator, b._denominator
        g1 = _math.gcd(na, db)
        if g1 > 1:
            na //= g1
            db //= g1
        g2 = _math.gcd(nb, da)
        if g2 > 1:
            nb //= g2
            da //= g2
        return Fraction._from_coprime_ints(na * nb, db * da)

    def _div(a, b):
        nb, db = b._numerator, b._denominator
        if nb == 0:
            raise ZeroDivisionError('Fraction(%s, 0)' % (db,))
        na, da = a._numerator, a._denominator
        g1 = _math.gcd(na, nb)
        if g1 > 1:
            na //= g1
            nb //= g1
        g2 = _math.gcd(db, da)
        if g2 > 1:
            da //= g2
            db //= g2
        n, d = na * db, nb * da
        if d < 0:
            n, d = -n, -d
        return Fraction._from_coprime_ints(n, d)

    def _floordiv(a, b):
        return (a._numerator * b._denominator) // (a._denominator * b._numerator)

    def _divmod(a, b):
        da, db = a._denominator, b._denominator
        div, n_mod = divmod(a._numerator * db, da * b._numerator)
        return div, Fraction(n_mod, da * db)

    def _mod(a, b):
        da, db = a._denominator, b._denominator
        return Fraction((a._numerator * db) % (b._numerator * da), da * db)

    def _op_add(x, y):
        return x + y

    def _op_sub(x, y):
        return x - y

    def _op_mul(x, y):
        return x * y

    def _op_truediv(x, y):
        return x / y

    def _op_floordiv(x, y):
        return x // y

    def _op_mod(x, y):
        return x % y

    _op_add.__name__ = 'add'
    _op_sub.__name__ = 'sub'
    _op_mul.__name__ = 'mul'
    _op_truediv.__name__ = 'truediv'
    _op_floordiv.__name__ = 'floordiv'
    _op_mod.__name__ = 'mod'

    __add__, __radd__ = _fallbacks(_add, _op_add)
    __sub__, __rsub__ = _fallbacks(_sub, _op_sub)
    __mul__, __rmul__ = _fallbacks(_mul, _op_mul)
    __truediv__, __rtruediv__ = _fallbacks(_div, _op_truediv)
    __floordiv__, __rfloordiv__ = _fallbacks(_floordiv, _op_floordiv, False)
    __divmod__, __rdivmod__ = _fallbacks(_divmod, divmod, False)
    __mod__, __rmod__ = _fallbacks(_mod, _op_mod, False)

    def __pow__(a, b, modulo=None):
        if modulo is not None:
            return NotImplemented
        if _is_rational(b):
            if b.denominator == 1:
                power = b.numerator
                if power >= 0:
                    return Fraction._from_coprime_ints(a._numerator ** power,
                                                       a._denominator ** power)
                if a._numerator > 0:
                    return Fraction._from_coprime_ints(a._denominator ** -power,
                                                       a._numerator ** -power)
                if a._numerator == 0:
                    raise ZeroDivisionError('Fraction(%s, 0)' % (a._denominator ** -power,))
                return Fraction._from_coprime_ints((-a._denominator) ** -power,
                                                   (-a._numerator) ** -power)
            return float(a) ** float(b)
        if isinstance(b, (float, complex)):
            return float(a) ** b
        return NotImplemented

    def __rpow__(b, a, modulo=None):
        if modulo is not None:
            return NotImplemented
        if b._denominator == 1 and b._numerator >= 0:
            return a ** b._numerator
        if _is_rational(a):
            return Fraction(a.numerator, a.denominator) ** b
        if b._denominator == 1:
            return a ** b._numerator
        return a ** float(b)

    def __pos__(a):
        return Fraction._from_coprime_ints(a._numerator, a._denominator)

    def __neg__(a):
        return Fraction._from_coprime_ints(-a._numerator, a._denominator)

    def __abs__(a):
        return Fraction._from_coprime_ints(abs(a._numerator), a._denominator)

    def __int__(a):
        if a._numerator < 0:
            return -(-a._numerator // a._denominator)
        return a._numerator // a._denominator

    __trunc__ = __int__

    def __floor__(a):
        return a._numerator // a._denominator

    def __ceil__(a):
        return -(-a._numerator // a._denominator)

    def __round__(self, ndigits=None):
        if ndigits is None:
            d = self._denominator
            floor, remainder = divmod(self._numerator, d)
            if remainder * 2 < d:
                return floor
            if remainder * 2 > d:
                return floor + 1
            return floor if floor % 2 == 0 else floor + 1
        shift = 10 ** abs(ndigits)
        if ndigits > 0:
            return Fraction(round(self * shift), shift)
        return Fraction(round(self / shift) * shift)

    def __float__(self):
        n, d = self._numerator, self._denominator
        return n / d

    def __complex__(self):
        return complex(float(self))

    @property
    def real(self):
        return +self

    @property
    def imag(self):
        return 0

    def conjugate(self):
        return +self

    def __hash__(self):
        return _hash_of(self._numerator, self._denominator)

    def __eq__(a, b):
        if type(b) is int:
            return a._numerator == b and a._denominator == 1
        if _is_rational(b):
            return a._numerator == b.numerator and a._denominator == b.denominator
        if isinstance(b, complex) and b.imag == 0:
            b = b.real
        if isinstance(b, float):
            if _math.isnan(b) or _math.isinf(b):
                return 0.0 == b
            return a == a.from_float(b)
        return NotImplemented

    def _compare(self, other):
        """Sign of self - other as (left, right) ints, or None if not comparable."""
        if _is_rational(other):
            return (self._numerator * other.denominator, self._denominator * other.numerator)
        if isinstance(other, float):
            if _math.isnan(other) or _math.isinf(other):
                return (0.0, other)
            f = self.from_float(other)
            return (self._numerator * f._denominator, self._denominator * f._numerator)
        return None

    def __lt__(a, b):
        pair = a._compare(b)
        return NotImplemented if pair is None else pair[0] < pair[1]

    def __gt__(a, b):
        pair = a._compare(b)
        return NotImplemented if pair is None else pair[0] > pair[1]

    def __le__(a, b):
        pair = a._compare(b)
        return NotImplemented if pair is None else pair[0] <= pair[1]

    def __ge__(a, b):
        pair = a._compare(b)
        return NotImplemented if pair is None else pair[0] >= pair[1]

    def __bool__(a):
        return bool(a._numerator)

    def __reduce__(self):
        return (self.__class__, (self._numerator, self._denominator))

    def __copy__(self):
        if type(self) == Fraction:
            return self
        return self.__class__(self._numerator, self._denominator)

    def __deepcopy__(self, memo):
        if type(self) == Fraction:
            return self
        return self.__class__(self._numerator, self._denominator)

    del _fallbacks, _add, _sub, _mul, _div, _floordiv, _divmod, _mod
    del _op_add, _op_sub, _op_mul, _op_truediv, _op_floordiv, _op_mod


if _numbers is not None:
    try:
        _numbers.Rational.register(Fraction)
    except AttributeError:
        pass
