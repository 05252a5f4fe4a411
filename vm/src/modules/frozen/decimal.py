"""Decimal fixed- and floating-point arithmetic, following the General Decimal Arithmetic
specification as CPython's `decimal` module exposes it.

Pyrite's own implementation: a `Decimal` is (sign, coefficient, exponent) with the
coefficient a Python int; the per-digit kernels (digit counts, rounding a coefficient)
are in the Rust module `_decimal_core`. Signals follow the C implementation: the flags of
every condition an operation raised are set, then the first trapped signal is raised with
the list of trapped conditions as its argument.
"""

import _decimal_core
from _decimal_core import ndigits as _nd, round_coefficient as _round_coeff

__version__ = '1.70'
__libmpdec_version__ = '2.5.1'

ROUND_DOWN = 'ROUND_DOWN'
ROUND_HALF_UP = 'ROUND_HALF_UP'
ROUND_HALF_EVEN = 'ROUND_HALF_EVEN'
ROUND_CEILING = 'ROUND_CEILING'
ROUND_FLOOR = 'ROUND_FLOOR'
ROUND_UP = 'ROUND_UP'
ROUND_HALF_DOWN = 'ROUND_HALF_DOWN'
ROUND_05UP = 'ROUND_05UP'

# Rounding modes as the small ints the Rust kernel takes.
_ROUNDINGS = {
    ROUND_UP: 0, ROUND_DOWN: 1, ROUND_CEILING: 2, ROUND_FLOOR: 3,
    ROUND_HALF_UP: 4, ROUND_HALF_DOWN: 5, ROUND_HALF_EVEN: 6, ROUND_05UP: 7,
}

MAX_PREC = 999999999999999999
MAX_EMAX = 999999999999999999
MIN_EMIN = -999999999999999999
MIN_ETINY = MIN_EMIN - (MAX_PREC - 1)
HAVE_THREADS = True
HAVE_CONTEXTVAR = True


# ---------------------------------------------------------------- signals

class DecimalException(ArithmeticError):
    pass


class Clamped(DecimalException):
    pass


class InvalidOperation(DecimalException):
    pass


class ConversionSyntax(InvalidOperation):
    pass


class DivisionByZero(DecimalException, ZeroDivisionError):
    pass


class DivisionImpossible(InvalidOperation):
    pass


class DivisionUndefined(InvalidOperation, ZeroDivisionError):
    pass


class Inexact(DecimalException):
    pass


class InvalidContext(InvalidOperation):
    pass


class Rounded(DecimalException):
    pass


class Subnormal(DecimalException):
    pass


class Overflow(Inexact, Rounded):
    pass


class Underflow(Inexact, Rounded, Subnormal):
    pass


class FloatOperation(DecimalException, TypeError):
    pass


for _cls in (DecimalException, Clamped, InvalidOperation, ConversionSyntax, DivisionByZero,
             DivisionImpossible, DivisionUndefined, Inexact, InvalidContext, Rounded,
             Subnormal, Overflow, Underflow, FloatOperation):
    _cls.__module__ = 'decimal'

# Condition bits. The first five are conditions of the InvalidOperation signal.
_INVALID = 1
_CONVERSION = 2
_DIV_IMPOSSIBLE = 4
_DIV_UNDEFINED = 8
_INVALID_CONTEXT = 16
_DIV_BY_ZERO = 32
_INEXACT = 64
_ROUNDED = 128
_OVERFLOW = 256
_UNDERFLOW = 512
_SUBNORMAL = 1024
_CLAMPED = 2048
_FLOAT_OP = 4096
_INVALID_ANY = 31

# The signals in the order CPython lists them (flags dict, exception choice).
_SIGNALS = [InvalidOperation, FloatOperation, DivisionByZero, Overflow, Underflow,
            Subnormal, Inexact, Rounded, Clamped]
_SIGNAL_BITS = {InvalidOperation: _INVALID_ANY, FloatOperation: _FLOAT_OP,
                DivisionByZero: _DIV_BY_ZERO, Overflow: _OVERFLOW, Underflow: _UNDERFLOW,
                Subnormal: _SUBNORMAL, Inexact: _INEXACT, Rounded: _ROUNDED,
                Clamped: _CLAMPED}
# The conditions in the order a trapped exception lists them.
_CONDITIONS = [(InvalidOperation, _INVALID), (ConversionSyntax, _CONVERSION),
               (DivisionImpossible, _DIV_IMPOSSIBLE), (DivisionUndefined, _DIV_UNDEFINED),
               (InvalidContext, _INVALID_CONTEXT), (FloatOperation, _FLOAT_OP),
               (DivisionByZero, _DIV_BY_ZERO), (Overflow, _OVERFLOW),
               (Underflow, _UNDERFLOW), (Subnormal, _SUBNORMAL), (Inexact, _INEXACT),
               (Rounded, _ROUNDED), (Clamped, _CLAMPED)]


class _SignalDict:
    """`Context.flags` / `Context.traps`: a mapping signal -> bool over a bit mask."""

    __slots__ = ('_bits',)

    def __init__(self, bits=0):
        self._bits = bits

    def _bit(self, key):
        try:
            return _SIGNAL_BITS[key]
        except (KeyError, TypeError):
            raise KeyError(key) from None

    def __getitem__(self, key):
        return bool(self._bits & self._bit(key))

    def __setitem__(self, key, value):
        bit = self._bit(key)
        if value:
            self._bits |= bit
        else:
            self._bits &= ~bit

    def __delitem__(self, key):
        raise ValueError('signal keys cannot be deleted')

    def __len__(self):
        return len(_SIGNALS)

    def __iter__(self):
        return iter(_SIGNALS)

    def __contains__(self, key):
        return key in _SIGNAL_BITS

    def keys(self):
        return list(_SIGNALS)

    def values(self):
        return [self[s] for s in _SIGNALS]

    def items(self):
        return [(s, self[s]) for s in _SIGNALS]

    def get(self, key, default=None):
        if key in _SIGNAL_BITS:
            return self[key]
        return default

    def copy(self):
        return {s: self[s] for s in _SIGNALS}

    def clear(self):
        self._bits = 0

    def __eq__(self, other):
        if isinstance(other, _SignalDict):
            return self.copy() == other.copy()
        if isinstance(other, dict):
            return self.copy() == other
        return NotImplemented

    def __repr__(self):
        return '{' + ', '.join(f'{s!r}:{self[s]}' for s in _SIGNALS) + '}'


def _bits_of(signals, what):
    """A mask from a dict or list of signals (Context's flags/traps arguments)."""
    if isinstance(signals, _SignalDict):
        return signals._bits
    bits = 0
    if isinstance(signals, dict):
        if len(signals) != len(_SIGNALS) or any(k not in _SIGNAL_BITS for k in signals):
            raise KeyError('invalid signal dict')
        for k, v in signals.items():
            if v:
                bits |= _SIGNAL_BITS[k]
        return bits
    for s in signals:
        if s not in _SIGNAL_BITS:
            raise KeyError(f'{what}: invalid signal')
        bits |= _SIGNAL_BITS[s]
    return bits


# Where a Context's repr lists each condition (CPython lists them in libmpdec's bit order,
# naming InvalidOperation at the first of its conditions).
_REPR_RANKS = [(_CLAMPED, 0, Clamped), (_CONVERSION, 1, InvalidOperation),
               (_DIV_BY_ZERO, 2, DivisionByZero), (_DIV_IMPOSSIBLE, 3, InvalidOperation),
               (_DIV_UNDEFINED, 4, InvalidOperation), (_INEXACT, 6, Inexact),
               (_INVALID_CONTEXT, 7, InvalidOperation), (_INVALID, 8, InvalidOperation),
               (_FLOAT_OP, 10, FloatOperation), (_OVERFLOW, 11, Overflow),
               (_ROUNDED, 12, Rounded), (_SUBNORMAL, 13, Subnormal),
               (_UNDERFLOW, 14, Underflow)]


def _signal_names(bits):
    names = []
    for bit, _, sig in _REPR_RANKS:
        if bits & bit and sig.__name__ not in names:
            names.append(sig.__name__)
    return '[' + ', '.join(names) + ']'


# ---------------------------------------------------------------- contexts

class Context:
    """The environment of arithmetic: precision, rounding, exponent limits, flags, traps."""

    __slots__ = ('_prec', '_rounding', '_round_code', '_Emin', '_Emax', '_capitals',
                 '_clamp', '_flags', '_traps')

    def __init__(self, prec=None, rounding=None, Emin=None, Emax=None, capitals=None,
                 clamp=None, flags=None, traps=None):
        base = _default_template
        self._prec = base._prec
        self._rounding = base._rounding
        self._round_code = base._round_code
        self._Emin = base._Emin
        self._Emax = base._Emax
        self._capitals = base._capitals
        self._clamp = base._clamp
        self._flags = _SignalDict(0)
        self._traps = _SignalDict(base._traps._bits)
        if prec is not None:
            self.prec = prec
        if rounding is not None:
            self.rounding = rounding
        if Emin is not None:
            self.Emin = Emin
        if Emax is not None:
            self.Emax = Emax
        if capitals is not None:
            self.capitals = capitals
        if clamp is not None:
            self.clamp = clamp
        if flags is not None:
            self._flags._bits = _bits_of(flags, 'flags')
        if traps is not None:
            self._traps._bits = _bits_of(traps, 'traps')

    def _check_int(self, value, lo, hi, message):
        if not isinstance(value, int):
            raise TypeError('an integer is required')
        if value < lo or value > hi:
            raise ValueError(message)
        return value

    @property
    def prec(self):
        return self._prec

    @prec.setter
    def prec(self, value):
        self._prec = self._check_int(value, 1, MAX_PREC,
                                     'valid range for prec is [1, MAX_PREC]')

    @property
    def rounding(self):
        return self._rounding

    @rounding.setter
    def rounding(self, value):
        if not isinstance(value, str) or value not in _ROUNDINGS:
            raise TypeError('valid values for rounding are:\n'
                            '  [ROUND_CEILING, ROUND_FLOOR, ROUND_UP, ROUND_DOWN,\n'
                            '   ROUND_HALF_UP, ROUND_HALF_DOWN, ROUND_HALF_EVEN,\n'
                            '   ROUND_05UP]')
        self._rounding = value
        self._round_code = _ROUNDINGS[value]

    @property
    def Emin(self):
        return self._Emin

    @Emin.setter
    def Emin(self, value):
        self._Emin = self._check_int(value, MIN_EMIN, 0,
                                     'valid range for Emin is [MIN_EMIN, 0]')

    @property
    def Emax(self):
        return self._Emax

    @Emax.setter
    def Emax(self, value):
        self._Emax = self._check_int(value, 0, MAX_EMAX,
                                     'valid range for Emax is [0, MAX_EMAX]')

    @property
    def capitals(self):
        return self._capitals

    @capitals.setter
    def capitals(self, value):
        self._capitals = self._check_int(value, 0, 1, 'valid values for capitals are 0 or 1')

    @property
    def clamp(self):
        return self._clamp

    @clamp.setter
    def clamp(self, value):
        self._clamp = self._check_int(value, 0, 1, 'valid values for clamp are 0 or 1')

    @property
    def flags(self):
        return self._flags

    @flags.setter
    def flags(self, value):
        self._flags._bits = _bits_of(value, 'flags')

    @property
    def traps(self):
        return self._traps

    @traps.setter
    def traps(self, value):
        self._traps._bits = _bits_of(value, 'traps')

    def Etiny(self):
        return self._Emin - self._prec + 1

    def Etop(self):
        return self._Emax - self._prec + 1

    def clear_flags(self):
        self._flags._bits = 0

    def clear_traps(self):
        self._traps._bits = 0

    def copy(self):
        c = Context.__new__(Context)
        c._prec = self._prec
        c._rounding = self._rounding
        c._round_code = self._round_code
        c._Emin = self._Emin
        c._Emax = self._Emax
        c._capitals = self._capitals
        c._clamp = self._clamp
        c._flags = _SignalDict(self._flags._bits)
        c._traps = _SignalDict(self._traps._bits)
        return c

    __copy__ = copy

    def __deepcopy__(self, memo):
        return self.copy()

    def __reduce__(self):
        return (Context, (self._prec, self._rounding, self._Emin, self._Emax,
                          self._capitals, self._clamp,
                          [s for s in _SIGNALS if self._flags[s]],
                          [s for s in _SIGNALS if self._traps[s]]))

    def __repr__(self):
        return (f'Context(prec={self._prec}, rounding={self._rounding}, '
                f'Emin={self._Emin}, Emax={self._Emax}, capitals={self._capitals}, '
                f'clamp={self._clamp}, flags={_signal_names(self._flags._bits)}, '
                f'traps={_signal_names(self._traps._bits)})')

    def _raise(self, status):
        """Records the conditions in `status`; raises the first trapped one."""
        self._flags._bits |= status
        trapped = status & self._traps._bits
        if trapped:
            if trapped & _INVALID_ANY:
                trapped |= status & _INVALID_ANY
            conds = [c for c, b in _CONDITIONS if trapped & b]
            for s in _SIGNALS:
                if trapped & _SIGNAL_BITS[s]:
                    raise s(conds)

    # -- arithmetic through the context
    def create_decimal(self, num='0'):
        if isinstance(num, str) and num != num.strip():
            # leading/trailing whitespace is refused here (unlike the constructor)
            self._raise(_CONVERSION)
            return _NAN
        d = Decimal(num, self)
        return _finish_conv(d, self)

    def create_decimal_from_float(self, f):
        return _finish_conv(Decimal.from_float(f, self), self)

    def abs(self, a):
        return _conv(a, self).__abs__(context=self)

    def add(self, a, b):
        return _add(_conv(a, self), _conv(b, self), self, False)

    def subtract(self, a, b):
        return _add(_conv(a, self), _conv(b, self), self, True)

    def multiply(self, a, b):
        return _mul(_conv(a, self), _conv(b, self), self)

    def divide(self, a, b):
        return _div(_conv(a, self), _conv(b, self), self)

    def divide_int(self, a, b):
        return _divmod(_conv(a, self), _conv(b, self), self, 1)

    def remainder(self, a, b):
        return _divmod(_conv(a, self), _conv(b, self), self, 2)

    def divmod(self, a, b):
        return _divmod(_conv(a, self), _conv(b, self), self, 3)

    def power(self, a, b, modulo=None):
        return _conv(a, self).__pow__(_conv(b, self), modulo, context=self)

    def plus(self, a):
        return _conv(a, self).__pos__(context=self)

    def minus(self, a):
        return _conv(a, self).__neg__(context=self)

    def sqrt(self, a):
        return _conv(a, self).sqrt(self)

    def exp(self, a):
        return _conv(a, self).exp(self)

    def ln(self, a):
        return _conv(a, self).ln(self)

    def log10(self, a):
        return _conv(a, self).log10(self)

    def quantize(self, a, b):
        return _conv(a, self).quantize(_conv(b, self), context=self)

    def normalize(self, a):
        return _conv(a, self).normalize(self)

    def to_integral_value(self, a):
        return _conv(a, self).to_integral_value(context=self)

    to_integral = to_integral_value

    def to_integral_exact(self, a):
        return _conv(a, self).to_integral_exact(context=self)

    def compare(self, a, b):
        return _conv(a, self).compare(b, self)

    def max(self, a, b):
        return _conv(a, self).max(b, self)

    def min(self, a, b):
        return _conv(a, self).min(b, self)

    def fma(self, a, b, c):
        return _conv(a, self).fma(b, c, self)

    def copy_sign(self, a, b):
        return _conv(a, self).copy_sign(b, self)

    def copy_abs(self, a):
        return _conv(a, self).copy_abs()

    def copy_negate(self, a):
        return _conv(a, self).copy_negate()

    def to_sci_string(self, a):
        return _conv(a, self).__str__(context=self)

    def to_eng_string(self, a):
        return _conv(a, self).to_eng_string(self)

    def is_zero(self, a):
        return _conv(a, self).is_zero()

    def is_signed(self, a):
        return _conv(a, self).is_signed()

    def is_nan(self, a):
        return _conv(a, self).is_nan()

    def is_finite(self, a):
        return _conv(a, self).is_finite()

    def is_infinite(self, a):
        return _conv(a, self).is_infinite()

    def is_normal(self, a):
        return _conv(a, self).is_normal(self)

    def is_subnormal(self, a):
        return _conv(a, self).is_subnormal(self)

    def radix(self):
        return Decimal(10)


def _finish_conv(d, ctx):
    """create_decimal: round a converted value to the context (NaN payloads truncated)."""
    if d._special:
        if d._special >= 2 and _nd(d._int) > ctx._prec - ctx._clamp and d._int:
            ctx._raise(_CONVERSION)
            return _NAN
        return d
    st = [0]
    r = _fix(d._sign, d._int, d._exp, ctx, st)
    if st[0]:
        ctx._raise(st[0])
    return r


_default_template = Context.__new__(Context)
_default_template._prec = 28
_default_template._rounding = ROUND_HALF_EVEN
_default_template._round_code = 6
_default_template._Emin = -999999
_default_template._Emax = 999999
_default_template._capitals = 1
_default_template._clamp = 0
_default_template._flags = _SignalDict(0)
_default_template._traps = _SignalDict(_INVALID_ANY | _DIV_BY_ZERO | _OVERFLOW)

DefaultContext = Context()
BasicContext = Context(prec=9, rounding=ROUND_HALF_UP,
                       traps=[DivisionByZero, Overflow, InvalidOperation, Clamped, Underflow])
ExtendedContext = Context(prec=9, rounding=ROUND_HALF_EVEN, traps=[])

_current = [None]


def getcontext():
    """The current thread's context (a fresh copy of DefaultContext at first use)."""
    ctx = _current[0]
    if ctx is None:
        ctx = _current[0] = DefaultContext.copy()
    return ctx


def setcontext(context):
    if not isinstance(context, Context):
        raise TypeError('argument must be a context')
    if context is DefaultContext or context is BasicContext or context is ExtendedContext:
        context = context.copy()
        context.clear_flags()
    _current[0] = context


class _ContextManager:
    __slots__ = ('new_context', 'saved_context')

    def __init__(self, new_context):
        self.new_context = new_context

    def __enter__(self):
        self.saved_context = getcontext()
        setcontext(self.new_context)
        return self.new_context

    def __exit__(self, *exc):
        setcontext(self.saved_context)
        return None


_LOCAL_KEYS = ('prec', 'rounding', 'Emin', 'Emax', 'capitals', 'clamp', 'flags', 'traps')


def localcontext(ctx=None, **kwargs):
    """A context manager that runs its block with a copy of `ctx` (or the current one)."""
    if ctx is None:
        ctx = getcontext()
    elif not isinstance(ctx, Context):
        raise TypeError('optional argument must be a context')
    new = ctx.copy()
    for key, value in kwargs.items():
        if key not in _LOCAL_KEYS:
            raise TypeError(f"this function got an unexpected keyword argument '{key}'")
        setattr(new, key, value)
    return _ContextManager(new)


# ---------------------------------------------------------------- the number type

def _new(sign, coeff, exp, special=0):
    d = object.__new__(Decimal)
    d._sign = sign
    d._int = coeff
    d._exp = exp
    d._special = special
    return d


def _conv(v, ctx, strict=True):
    """Operand conversion: Decimal as is, int exactly; else TypeError (or NotImplemented)."""
    if isinstance(v, Decimal):
        return v
    if isinstance(v, int):
        return _from_int(v)
    if strict:
        raise TypeError(f'conversion from {type(v).__name__} to Decimal is not supported')
    return NotImplemented


def _from_int(n):
    if n < 0:
        return _new(1, -n, 0)
    return _new(0, n, 0)


_SPECIAL_NAMES = {'inf': 1, 'infinity': 1, 'nan': 2, 'snan': 3}


def _parse(s):
    """(sign, coeff, exp, special) for a numeric string, or None when it is not one."""
    s = s.strip().replace('_', '')
    if not s:
        return None
    sign = 0
    if s[0] in '+-':
        sign = 1 if s[0] == '-' else 0
        s = s[1:]
    low = s.lower()
    if low in ('inf', 'infinity'):
        return sign, 0, 0, 1
    for prefix, kind in (('snan', 3), ('nan', 2)):
        if low.startswith(prefix):
            payload = s[len(prefix):]
            if not payload:
                return sign, 0, 0, kind
            if not payload.isdigit():
                return None
            return sign, int(payload), 0, kind
    mantissa = s
    exp = 0
    epos = low.find('e')
    if epos >= 0:
        mantissa = s[:epos]
        tail = s[epos + 1:]
        body = tail[1:] if tail[:1] in ('+', '-') else tail
        if not body or not body.isdigit():
            return None
        exp = int(tail)
    dot = mantissa.find('.')
    if dot >= 0:
        intpart = mantissa[:dot]
        frac = mantissa[dot + 1:]
    else:
        intpart = mantissa
        frac = ''
    if not intpart and not frac:
        return None
    if (intpart and not intpart.isdigit()) or (frac and not frac.isdigit()):
        return None
    return sign, int(intpart + frac), exp - len(frac), 0


_DecimalTuple = None


def _decimal_tuple():
    global _DecimalTuple
    if _DecimalTuple is None:
        from collections import namedtuple
        _DecimalTuple = namedtuple('DecimalTuple', 'sign digits exponent', module='decimal')
    return _DecimalTuple


class Decimal:
    """A decimal floating-point number: sign, integer coefficient, exponent."""

    __slots__ = ('_sign', '_int', '_exp', '_special')

    def __new__(cls, value='0', context=None):
        if isinstance(value, str):
            parsed = _parse(value)
            if parsed is None:
                ctx = context if context is not None else getcontext()
                ctx._raise(_CONVERSION)
                sign, coeff, exp, special = 0, 0, 0, 2
            else:
                sign, coeff, exp, special = parsed
        elif isinstance(value, int):
            sign = 1 if value < 0 else 0
            coeff = -value if sign else value
            exp = 0
            special = 0
        elif isinstance(value, Decimal):
            if cls is Decimal:
                return value
            sign, coeff, exp, special = value._sign, value._int, value._exp, value._special
        elif isinstance(value, float):
            ctx = context if context is not None else getcontext()
            ctx._raise(_FLOAT_OP)
            d = _from_float(value)
            sign, coeff, exp, special = d._sign, d._int, d._exp, d._special
        elif isinstance(value, (tuple, list)):
            sign, coeff, exp, special = _from_tuple(value)
        else:
            raise TypeError(f'conversion from {type(value).__name__} to Decimal is not '
                            'supported')
        d = object.__new__(cls)
        d._sign = sign
        d._int = coeff
        d._exp = exp
        d._special = special
        return d

    @classmethod
    def from_float(cls, f, context=None):
        if isinstance(f, int):
            d = _from_int(f)
        elif isinstance(f, float):
            d = _from_float(f)
        else:
            raise TypeError('argument must be int or float')
        if cls is Decimal:
            return d
        return cls(d)

    @classmethod
    def from_number(cls, number):
        if isinstance(number, (int, Decimal)):
            return cls(number)
        if isinstance(number, float):
            return cls.from_float(number)
        raise TypeError(f'conversion from {type(number).__name__} to Decimal is not '
                        'supported')

    # -- properties and predicates
    @property
    def real(self):
        return self

    @property
    def imag(self):
        return _new(0, 0, 0)

    def conjugate(self):
        return self

    def adjusted(self):
        if self._special:
            return 0
        return self._exp + _nd(self._int) - 1

    def as_tuple(self):
        if self._special == 1:
            digits, exp = (0,), 'F'
        else:
            digits = tuple(int(c) for c in str(self._int)) if self._int else \
                ((0,) if not self._special else ())
            exp = self._exp if not self._special else ('n' if self._special == 2 else 'N')
        return _decimal_tuple()(self._sign, digits, exp)

    def as_integer_ratio(self):
        if self._special:
            if self._special == 1:
                raise OverflowError('cannot convert Infinity to integer ratio')
            raise ValueError('cannot convert NaN to integer ratio')
        if not self._int:
            return 0, 1
        n = self._int
        e = self._exp
        if e >= 0:
            n *= 10 ** e
            d = 1
        else:
            # strip common factors of 2 and 5 from n / 10**-e
            d5 = -e
            d2 = -e
            while d5 and n % 5 == 0:
                n //= 5
                d5 -= 1
            while d2 and not n & 1:
                n >>= 1
                d2 -= 1
            d = 5 ** d5 << d2
        return (-n if self._sign else n), d

    def is_canonical(self):
        return True

    def canonical(self):
        return self

    def is_finite(self):
        return not self._special

    def is_infinite(self):
        return self._special == 1

    def is_nan(self):
        return self._special >= 2

    def is_qnan(self):
        return self._special == 2

    def is_snan(self):
        return self._special == 3

    def is_signed(self):
        return self._sign == 1

    def is_zero(self):
        return not self._special and not self._int

    def is_normal(self, context=None):
        if self._special or not self._int:
            return False
        ctx = context if context is not None else getcontext()
        return self.adjusted() >= ctx._Emin

    def is_subnormal(self, context=None):
        if self._special or not self._int:
            return False
        ctx = context if context is not None else getcontext()
        return self.adjusted() < ctx._Emin

    def number_class(self, context=None):
        if self._special == 3:
            return 'sNaN'
        if self._special == 2:
            return 'NaN'
        sign = '-' if self._sign else '+'
        if self._special == 1:
            return sign + 'Infinity'
        if not self._int:
            return sign + 'Zero'
        if self.is_subnormal(context):
            return sign + 'Subnormal'
        return sign + 'Normal'

    def radix(self):
        return _new(0, 10, 0)

    def same_quantum(self, other, context=None):
        other = _conv(other, context)
        if self._special or other._special:
            return (self._special == other._special) or (self._special >= 2 and
                                                          other._special >= 2)
        return self._exp == other._exp

    # -- conversions
    def __bool__(self):
        return bool(self._special or self._int)

    def __int__(self):
        if self._special:
            if self._special == 1:
                raise OverflowError('cannot convert Infinity to integer')
            raise ValueError('cannot convert NaN to integer')
        if self._exp >= 0:
            n = self._int * 10 ** self._exp
        else:
            n = self._int // 10 ** -self._exp
        return -n if self._sign else n

    __trunc__ = __int__

    def __float__(self):
        if self._special:
            if self._special == 3:
                raise ValueError('cannot convert signaling NaN to float')
            if self._special == 2:
                return float('-nan') if self._sign else float('nan')
            return float('-inf') if self._sign else float('inf')
        return float(self.__str__(context=_default_template))

    def __complex__(self):
        return complex(float(self))

    def __floor__(self):
        return self._to_int(3)

    def __ceil__(self):
        return self._to_int(2)

    def _to_int(self, mode):
        if self._special:
            if self._special == 1:
                raise OverflowError('cannot convert Infinity to integer')
            raise ValueError('cannot convert NaN to integer')
        if self._exp >= 0:
            n = self._int * 10 ** self._exp
        else:
            n, _ = _round_coeff(self._int, -self._exp, mode, self._sign)
        return -n if self._sign else n

    def __round__(self, n=None):
        if n is None:
            return self._to_int(6)
        if not isinstance(n, int):
            raise TypeError('optional arg must be an integer')
        return self.quantize(_new(0, 1, -n))

    def __reduce__(self):
        return (self.__class__, (str(self),))

    def __copy__(self):
        return self

    def __deepcopy__(self, memo):
        return self

    # -- text
    def __str__(self, eng=False, context=None):
        ctx = context if context is not None else getcontext()
        sign = '-' if self._sign else ''
        if self._special:
            if self._special == 1:
                return sign + 'Infinity'
            name = 'NaN' if self._special == 2 else 'sNaN'
            return sign + name + (str(self._int) if self._int else '')
        return sign + _sci(str(self._int), self._exp, eng, 'E' if ctx._capitals else 'e')

    def __repr__(self):
        return "Decimal('" + self.__str__() + "')"

    def to_eng_string(self, context=None):
        return self.__str__(True, context)

    def __format__(self, spec, override=None):
        return _format(self, spec)

    # -- hashing and comparison
    def __hash__(self):
        if self._special:
            if self._special == 3:
                raise TypeError('Cannot hash a signaling NaN value')
            if self._special == 2:
                return object.__hash__(self)
            return -314159 if self._sign else 314159
        modulus = 2305843009213693951
        if self._exp >= 0:
            scale = pow(10, self._exp, modulus)
        else:
            scale = pow(_TEN_INV, -self._exp, modulus)
        h = self._int * scale % modulus
        if self._sign:
            h = -h
        return -2 if h == -1 else h

    def _cmp_operand(self, other, op):
        """`other` as an exact Decimal for comparisons, or NotImplemented."""
        if isinstance(other, Decimal):
            return other
        if isinstance(other, int):
            return _from_int(other)
        if isinstance(other, float):
            ctx = getcontext()
            if op in ('eq', 'ne'):
                ctx._flags._bits |= _FLOAT_OP
            else:
                ctx._raise(_FLOAT_OP)
            return _from_float(other)
        if isinstance(other, complex) and op in ('eq', 'ne'):
            if other.imag == 0:
                return self._cmp_operand(other.real, op)
            return NotImplemented
        num = getattr(other, 'numerator', None)
        den = getattr(other, 'denominator', None)
        if isinstance(num, int) and isinstance(den, int) and den > 0 and \
                type(other).__name__ == 'Fraction':
            return ('ratio', num, den)
        return NotImplemented

    def _compare_to(self, other, op):
        """-1/0/1, None for unordered (NaN), or NotImplemented."""
        o = self._cmp_operand(other, op)
        if o is NotImplemented:
            return o
        if type(o) is tuple:
            _, num, den = o
            if self._special:
                if self._special >= 2:
                    return self._nan_compare(None, op)
                return -1 if self._sign else 1
            lhs = _new(self._sign, self._int * den, self._exp)
            return _cmp_finite_or_inf(lhs, _from_int(num))
        if self._special >= 2 or o._special >= 2:
            return self._nan_compare(o, op)
        return _cmp_finite_or_inf(self, o)

    def _nan_compare(self, other, op):
        snan = self._special == 3 or (other is not None and other._special == 3)
        if snan or op not in ('eq', 'ne'):
            getcontext()._raise(_INVALID)
        return None

    def __eq__(self, other):
        c = self._compare_to(other, 'eq')
        if c is NotImplemented:
            return c
        return c == 0

    def __ne__(self, other):
        c = self._compare_to(other, 'ne')
        if c is NotImplemented:
            return c
        return c != 0

    def __lt__(self, other):
        c = self._compare_to(other, 'lt')
        if c is NotImplemented or c is None:
            return False if c is None else c
        return c < 0

    def __le__(self, other):
        c = self._compare_to(other, 'le')
        if c is NotImplemented or c is None:
            return False if c is None else c
        return c <= 0

    def __gt__(self, other):
        c = self._compare_to(other, 'gt')
        if c is NotImplemented or c is None:
            return False if c is None else c
        return c > 0

    def __ge__(self, other):
        c = self._compare_to(other, 'ge')
        if c is NotImplemented or c is None:
            return False if c is None else c
        return c >= 0

    def compare(self, other, context=None):
        ctx = context if context is not None else getcontext()
        other = _conv(other, ctx)
        nan = _check_nans(self, other, ctx)
        if nan is not None:
            return nan
        return _from_int(_cmp_finite_or_inf(self, other))

    def compare_signal(self, other, context=None):
        ctx = context if context is not None else getcontext()
        other = _conv(other, ctx)
        if self._special >= 2 or other._special >= 2:
            ctx._raise(_INVALID)
            return _NAN
        return _from_int(_cmp_finite_or_inf(self, other))

    def compare_total(self, other, context=None):
        other = _conv(other, context)
        a = _total_key(self)
        b = _total_key(other)
        return _from_int((a > b) - (a < b))

    def compare_total_mag(self, other, context=None):
        other = _conv(other, context)
        return self.copy_abs().compare_total(other.copy_abs())

    def max(self, other, context=None):
        return self._minmax(other, context, 1, False)

    def min(self, other, context=None):
        return self._minmax(other, context, -1, False)

    def max_mag(self, other, context=None):
        return self._minmax(other, context, 1, True)

    def min_mag(self, other, context=None):
        return self._minmax(other, context, -1, True)

    def _minmax(self, other, context, want, mag):
        ctx = context if context is not None else getcontext()
        other = _conv(other, ctx)
        if self._special >= 2 or other._special >= 2:
            if self._special == 3 or other._special == 3:
                return _check_nans(self, other, ctx)
            if self._special == 2 and other._special < 2:
                return _plus(other, ctx)
            if other._special == 2 and self._special < 2:
                return _plus(self, ctx)
            return _check_nans(self, other, ctx)
        a, b = (self.copy_abs(), other.copy_abs()) if mag else (self, other)
        c = _cmp_finite_or_inf(a, b)
        if c == 0:
            if mag:
                c = _cmp_finite_or_inf(self, other)
            if c == 0:
                c = _total_key(self) > _total_key(other)
                c = 1 if c else -1
                if _total_key(self) == _total_key(other):
                    c = 0
        pick = self if (c >= 0) == (want > 0) else other
        if c == 0:
            pick = self
        return _plus(pick, ctx)

    # -- arithmetic
    def __add__(self, other, context=None):
        o = _conv(other, None, False)
        if o is NotImplemented:
            return o
        return _add(self, o, context if context is not None else getcontext(), False)

    def __radd__(self, other, context=None):
        o = _conv(other, None, False)
        if o is NotImplemented:
            return o
        return _add(o, self, context if context is not None else getcontext(), False)

    def __sub__(self, other, context=None):
        o = _conv(other, None, False)
        if o is NotImplemented:
            return o
        return _add(self, o, context if context is not None else getcontext(), True)

    def __rsub__(self, other, context=None):
        o = _conv(other, None, False)
        if o is NotImplemented:
            return o
        return _add(o, self, context if context is not None else getcontext(), True)

    def __mul__(self, other, context=None):
        o = _conv(other, None, False)
        if o is NotImplemented:
            return o
        return _mul(self, o, context if context is not None else getcontext())

    def __rmul__(self, other, context=None):
        o = _conv(other, None, False)
        if o is NotImplemented:
            return o
        return _mul(o, self, context if context is not None else getcontext())

    def __truediv__(self, other, context=None):
        o = _conv(other, None, False)
        if o is NotImplemented:
            return o
        return _div(self, o, context if context is not None else getcontext())

    def __rtruediv__(self, other, context=None):
        o = _conv(other, None, False)
        if o is NotImplemented:
            return o
        return _div(o, self, context if context is not None else getcontext())

    def __floordiv__(self, other, context=None):
        o = _conv(other, None, False)
        if o is NotImplemented:
            return o
        return _divmod(self, o, context if context is not None else getcontext(), 1)

    def __rfloordiv__(self, other, context=None):
        o = _conv(other, None, False)
        if o is NotImplemented:
            return o
        return _divmod(o, self, context if context is not None else getcontext(), 1)

    def __mod__(self, other, context=None):
        o = _conv(other, None, False)
        if o is NotImplemented:
            return o
        return _divmod(self, o, context if context is not None else getcontext(), 2)

    def __rmod__(self, other, context=None):
        o = _conv(other, None, False)
        if o is NotImplemented:
            return o
        return _divmod(o, self, context if context is not None else getcontext(), 2)

    def __divmod__(self, other, context=None):
        o = _conv(other, None, False)
        if o is NotImplemented:
            return o
        return _divmod(self, o, context if context is not None else getcontext(), 3)

    def __rdivmod__(self, other, context=None):
        o = _conv(other, None, False)
        if o is NotImplemented:
            return o
        return _divmod(o, self, context if context is not None else getcontext(), 3)

    def remainder_near(self, other, context=None):
        ctx = context if context is not None else getcontext()
        other = _conv(other, ctx)
        nan = _check_nans(self, other, ctx)
        if nan is not None:
            return nan
        if self._special == 1 or not other._special and not other._int:
            ctx._raise(_DIV_UNDEFINED if not self._special and not self._int else _INVALID)
            return _NAN
        if other._special == 1:
            return _plus(self, ctx)
        exp = min(self._exp, other._exp)
        a = self._int * 10 ** (self._exp - exp)
        b = other._int * 10 ** (other._exp - exp)
        q, r = divmod(a, b)
        if 2 * r > b or (2 * r == b and q & 1):
            r -= b
            q += 1
        if q and _nd(q) > ctx._prec:
            ctx._raise(_DIV_IMPOSSIBLE)
            return _NAN
        sign = self._sign
        if r < 0:
            sign ^= 1
            r = -r
        return _finish(sign, r, exp, ctx)

    def fma(self, other, third, context=None):
        ctx = context if context is not None else getcontext()
        other = _conv(other, ctx)
        third = _conv(third, ctx)
        if self._special or other._special:
            if self._special == 3 or other._special == 3 or third._special == 3:
                return _check_nans(_check_nans(self, other, ctx) or self, third, ctx)
            product = _mul(self, other, ctx)
        else:
            product = _new(self._sign ^ other._sign, self._int * other._int,
                           self._exp + other._exp)
        return _add(product, third, ctx, False)

    def __neg__(self, context=None):
        ctx = context if context is not None else getcontext()
        if self._special >= 2:
            return _check_nans(self, None, ctx)
        if not self._special and not self._int:
            sign = 1 if ctx._round_code == 3 else 0
        else:
            sign = self._sign ^ 1
        return _plus(_new(sign, self._int, self._exp, self._special), ctx)

    def __pos__(self, context=None):
        ctx = context if context is not None else getcontext()
        if self._special >= 2:
            return _check_nans(self, None, ctx)
        if not self._special and not self._int and ctx._round_code != 3:
            return _plus(_new(0, 0, self._exp), ctx)
        return _plus(self, ctx)

    def __abs__(self, round=True, context=None):
        ctx = context if context is not None else getcontext()
        if self._special >= 2:
            return _check_nans(self, None, ctx)
        return _plus(_new(0, self._int, self._exp, self._special), ctx)

    def copy_abs(self):
        return _new(0, self._int, self._exp, self._special)

    def copy_negate(self):
        return _new(self._sign ^ 1, self._int, self._exp, self._special)

    def copy_sign(self, other, context=None):
        other = _conv(other, context)
        return _new(other._sign, self._int, self._exp, self._special)

    def __pow__(self, other, modulo=None, context=None):
        ctx = context if context is not None else getcontext()
        o = _conv(other, None, False)
        if o is NotImplemented:
            return o
        if modulo is not None:
            m = _conv(modulo, None, False)
            if m is NotImplemented:
                return m
            return _pow_mod(self, o, m, ctx)
        return _pow(self, o, ctx)

    def __rpow__(self, other, modulo=None, context=None):
        o = _conv(other, None, False)
        if o is NotImplemented:
            return o
        return o.__pow__(self, modulo, context)

    # -- rounding to a quantum
    def quantize(self, exp, rounding=None, context=None):
        ctx = context if context is not None else getcontext()
        exp = _conv(exp, ctx)
        mode = ctx._round_code if rounding is None else _rounding_code(rounding)
        if self._special or exp._special:
            nan = _check_nans(self, exp, ctx)
            if nan is not None:
                return nan
            if self._special == 1 and exp._special == 1:
                return self
            ctx._raise(_INVALID)
            return _NAN
        e = exp._exp
        if not (ctx.Etiny() <= e <= ctx._Emax):
            ctx._raise(_INVALID)
            return _NAN
        st = 0
        if not self._int:
            coeff = 0
        elif e <= self._exp:
            coeff = self._int * 10 ** (self._exp - e)
        else:
            coeff, inexact = _round_coeff(self._int, e - self._exp, mode, self._sign)
            st |= _ROUNDED
            if inexact:
                st |= _INEXACT
        if coeff and _nd(coeff) > ctx._prec:
            ctx._raise(_INVALID)
            return _NAN
        if coeff and e + _nd(coeff) - 1 > ctx._Emax:
            ctx._raise(_INVALID)
            return _NAN
        if coeff and e + _nd(coeff) - 1 < ctx._Emin:
            st |= _SUBNORMAL
            if st & _INEXACT:
                st |= _UNDERFLOW
        if st:
            ctx._raise(st)
        return _new(self._sign, coeff, e)

    def _integral(self, context, rounding, exact):
        ctx = context if context is not None else getcontext()
        if self._special:
            nan = _check_nans(self, None, ctx)
            return nan if nan is not None else self
        if self._exp >= 0:
            return self
        mode = ctx._round_code if rounding is None else _rounding_code(rounding)
        coeff, inexact = _round_coeff(self._int, -self._exp, mode, self._sign)
        if exact:
            st = _ROUNDED | (_INEXACT if inexact else 0)
            ctx._raise(st)
        return _new(self._sign, coeff, 0)

    def to_integral_value(self, rounding=None, context=None):
        return self._integral(context, rounding, False)

    to_integral = to_integral_value

    def to_integral_exact(self, rounding=None, context=None):
        return self._integral(context, rounding, True)

    def normalize(self, context=None):
        ctx = context if context is not None else getcontext()
        if self._special:
            nan = _check_nans(self, None, ctx)
            return nan if nan is not None else self
        d = _plus(self, ctx)
        if d._special or not d._int:
            return _new(d._sign, 0, 0) if not d._special else d
        coeff, exp = d._int, d._exp
        limit = ctx.Etop() if ctx._clamp else ctx._Emax
        while coeff % 10 == 0 and exp < limit:
            coeff //= 10
            exp += 1
        return _new(d._sign, coeff, exp)

    def scaleb(self, other, context=None):
        ctx = context if context is not None else getcontext()
        other = _conv(other, ctx)
        nan = _check_nans(self, other, ctx)
        if nan is not None:
            return nan
        if other._special or other._exp != 0 or not (
                -2 * (ctx._Emax + ctx._prec) <= int(other) <= 2 * (ctx._Emax + ctx._prec)):
            ctx._raise(_INVALID)
            return _NAN
        if self._special:
            return self
        return _finish(self._sign, self._int, self._exp + int(other), ctx)

    def logb(self, context=None):
        ctx = context if context is not None else getcontext()
        if self._special:
            nan = _check_nans(self, None, ctx)
            return nan if nan is not None else _new(0, 0, 0, 1)
        if not self._int:
            ctx._raise(_DIV_BY_ZERO)
            return _new(1, 0, 0, 1)
        return _finish_int(self.adjusted(), ctx)

    def next_plus(self, context=None):
        return _next(self, context, 0)

    def next_minus(self, context=None):
        return _next(self, context, 1)

    def next_toward(self, other, context=None):
        ctx = context if context is not None else getcontext()
        other = _conv(other, ctx)
        nan = _check_nans(self, other, ctx)
        if nan is not None:
            return nan
        c = _cmp_finite_or_inf(self, other)
        if c == 0:
            return self.copy_sign(other)
        r = _next(self, ctx, 1 if c > 0 else 0, quiet=False)
        return r

    # -- functions
    def sqrt(self, context=None):
        ctx = context if context is not None else getcontext()
        if self._special:
            nan = _check_nans(self, None, ctx)
            if nan is not None:
                return nan
            if self._sign:
                ctx._raise(_INVALID)
                return _NAN
            return self
        if not self._int:
            return _new(self._sign, 0, self._exp >> 1)
        if self._sign:
            ctx._raise(_INVALID)
            return _NAN
        return _sqrt(self, ctx)

    def exp(self, context=None):
        ctx = context if context is not None else getcontext()
        if self._special:
            nan = _check_nans(self, None, ctx)
            if nan is not None:
                return nan
            return _new(0, 0, 0) if self._sign else self
        if not self._int:
            return _new(0, 1, 0)
        if self.adjusted() > 2:
            # far outside the exponent range: overflow or underflow without a series
            limit = 2.31 * (max(ctx._Emax, -ctx.Etiny()) + 2)
            if float(self) > limit:
                return _finish(0, 1, ctx._Emax + 1, ctx)
            if float(self) < -limit:
                return _finish(0, 1, ctx.Etiny() - 2, ctx)
        return _transcendental(self, ctx, _exp_series)

    def ln(self, context=None):
        ctx = context if context is not None else getcontext()
        r = _log_special(self, ctx)
        if r is not None:
            return r
        if self._int == 1 and self._exp == 0:
            return _new(0, 0, 0)
        return _transcendental(self, ctx, _ln_series)

    def log10(self, context=None):
        ctx = context if context is not None else getcontext()
        r = _log_special(self, ctx)
        if r is not None:
            return r
        c = self._int
        while c % 10 == 0:
            c //= 10
        if c == 1:
            # an exact power of ten
            return _finish_int(self._exp + _nd(self._int) - 1, ctx)
        return _transcendental(self, ctx, _log10_series)


_NAN = _new(0, 0, 0, 2)
_TEN_INV = pow(10, 2305843009213693951 - 2, 2305843009213693951)


def _rounding_code(rounding):
    if not isinstance(rounding, str) or rounding not in _ROUNDINGS:
        raise TypeError('valid values for rounding are:\n'
                        '  [ROUND_CEILING, ROUND_FLOOR, ROUND_UP, ROUND_DOWN,\n'
                        '   ROUND_HALF_UP, ROUND_HALF_DOWN, ROUND_HALF_EVEN,\n'
                        '   ROUND_05UP]')
    return _ROUNDINGS[rounding]


def _from_float(f):
    if f != f:
        return _new(1 if str(f)[0] == '-' else 0, 0, 0, 2)
    if f in (float('inf'), float('-inf')):
        return _new(1 if f < 0 else 0, 0, 0, 1)
    sign = 1 if (f < 0 or (f == 0 and str(f)[0] == '-')) else 0
    n, d = abs(f).as_integer_ratio()
    k = d.bit_length() - 1
    return _new(sign, n * 5 ** k, -k)


def _from_tuple(value):
    if len(value) != 3:
        raise ValueError('argument must be a sequence of length 3')
    sign, digits, exp = value
    if not isinstance(sign, int) or sign not in (0, 1):
        raise ValueError('sign must be an integer with the value 0 or 1')
    special = 0
    if isinstance(exp, str):
        if exp == 'F':
            special = 1
        elif exp == 'n':
            special = 2
        elif exp == 'N':
            special = 3
        else:
            raise ValueError("string argument in the third position must be 'F', 'n' or 'N'")
        exp = 0
    elif not isinstance(exp, int):
        raise ValueError('exponent must be an integer')
    if not isinstance(digits, (tuple, list)):
        raise ValueError('coefficient must be a tuple of digits')
    coeff = 0
    for dgt in digits:
        if not isinstance(dgt, int) or not 0 <= dgt <= 9:
            raise ValueError('coefficient must be a tuple of digits')
        coeff = coeff * 10 + dgt
    if special == 1:
        coeff = 0
    return sign, coeff, exp, special


def _sci(digits, exp, eng, e_char):
    """The spec's to-sci-string / to-eng-string of a finite coefficient string."""
    nd = len(digits)
    adj = exp + nd - 1
    if exp <= 0 and adj >= -6:
        if exp == 0:
            return digits
        point = nd + exp
        if point > 0:
            return digits[:point] + '.' + digits[point:]
        return '0.' + '0' * -point + digits
    if not eng:
        body = digits[0] + ('.' + digits[1:] if nd > 1 else '')
        return body + e_char + ('+' if adj >= 0 else '') + str(adj)
    if digits == '0':
        # zero: the exponent goes to a multiple of three, with zeros after the point
        e = exp
        r = e % 3
        if r == 0:
            body = '0'
        elif r == 1:
            e += 2
            body = '0.00'
        else:
            e += 1
            body = '0.0'
        if e == 0:
            return body
        return body + e_char + ('+' if e > 0 else '') + str(e)
    r = adj % 3
    e = adj - r
    point = r + 1
    if nd <= point:
        body = digits + '0' * (point - nd)
    else:
        body = digits[:point] + '.' + digits[point:]
    if e == 0:
        return body
    return body + e_char + ('+' if e > 0 else '') + str(e)


# ---------------------------------------------------------------- arithmetic core

def _check_nans(a, b, ctx):
    """The NaN result of an operation with a NaN operand (signalling for sNaN), or None."""
    if a._special == 3 or (b is not None and b._special == 3):
        ctx._raise(_INVALID)
        src = a if a._special == 3 else b
        return _nan_result(src, ctx)
    if a._special == 2:
        return _nan_result(a, ctx)
    if b is not None and b._special == 2:
        return _nan_result(b, ctx)
    return None


def _nan_result(src, ctx):
    payload = src._int
    if payload and _nd(payload) > ctx._prec - ctx._clamp:
        payload = payload % 10 ** (ctx._prec - ctx._clamp)
    return _new(src._sign, payload, 0, 2)


def _fix(sign, coeff, exp, ctx, st):
    """Rounds and clamps a finite result to the context; adds conditions to st[0]."""
    prec = ctx._prec
    emax = ctx._Emax
    etiny = ctx._Emin - prec + 1
    if not coeff:
        top = emax - prec + 1 if ctx._clamp else emax
        if exp > top:
            exp = top
            st[0] |= _CLAMPED
        elif exp < etiny:
            exp = etiny
            st[0] |= _CLAMPED
        return _new(sign, 0, exp)
    nd = _nd(coeff)
    adj = exp + nd - 1
    if adj < ctx._Emin:
        status = _SUBNORMAL
        if exp < etiny:
            coeff, inexact = _round_coeff(coeff, etiny - exp, ctx._round_code, sign)
            exp = etiny
            status |= _ROUNDED
            if inexact:
                status |= _INEXACT | _UNDERFLOW
                if not coeff:
                    status |= _CLAMPED
        st[0] |= status
        return _new(sign, coeff, exp)
    if nd > prec:
        coeff, inexact = _round_coeff(coeff, nd - prec, ctx._round_code, sign)
        exp += nd - prec
        st[0] |= _ROUNDED | (_INEXACT if inexact else 0)
        if _nd(coeff) > prec:
            coeff //= 10
            exp += 1
        adj = exp + prec - 1
    if adj > emax:
        st[0] |= _OVERFLOW | _INEXACT | _ROUNDED
        mode = ctx._round_code
        if mode in (4, 5, 6, 0) or (mode == 2 and not sign) or (mode == 3 and sign):
            return _new(sign, 0, 0, 1)
        return _new(sign, 10 ** prec - 1, emax - prec + 1)
    if ctx._clamp:
        top = emax - prec + 1
        if exp > top:
            coeff *= 10 ** (exp - top)
            exp = top
            st[0] |= _CLAMPED
    return _new(sign, coeff, exp)


def _finish(sign, coeff, exp, ctx):
    st = [0]
    r = _fix(sign, coeff, exp, ctx, st)
    if st[0]:
        ctx._raise(st[0])
    return r


def _finish_int(n, ctx):
    return _finish(1 if n < 0 else 0, abs(n), 0, ctx)


def _plus(d, ctx):
    if d._special:
        return d
    return _finish(d._sign, d._int, d._exp, ctx)


def _add(a, b, ctx, subtract):
    bsign = b._sign ^ 1 if subtract else b._sign
    if a._special or b._special:
        nan = _check_nans(a, b, ctx)
        if nan is not None:
            return nan
        if a._special == 1:
            if b._special == 1 and a._sign != bsign:
                ctx._raise(_INVALID)
                return _NAN
            return a
        return _new(bsign, 0, 0, 1)
    ca, ea, cb, eb = a._int, a._exp, b._int, b._exp
    if not ca or not cb:
        exp = ea if ea < eb else eb
        if not ca and not cb:
            if a._sign == bsign:
                sign = a._sign
            else:
                sign = 1 if ctx._round_code == 3 else 0
            return _finish(sign, 0, exp, ctx)
        # zeros padded beyond one digit past the precision round away exactly
        if not ca:
            pad = min(eb - exp, max(0, ctx._prec + 1 - _nd(cb)))
            return _finish(bsign, cb * 10 ** pad, eb - pad, ctx)
        pad = min(ea - exp, max(0, ctx._prec + 1 - _nd(ca)))
        return _finish(a._sign, ca * 10 ** pad, ea - pad, ctx)
    # An operand far below the other's last kept digit only matters as a sticky digit.
    if ea > eb:
        limit = ea + _nd(ca) - ctx._prec - 3
        if eb + _nd(cb) - 1 < limit and eb < limit:
            cb, eb = 1, limit - 1
    elif eb > ea:
        limit = eb + _nd(cb) - ctx._prec - 3
        if ea + _nd(ca) - 1 < limit and ea < limit:
            ca, ea = 1, limit - 1
    if ea > eb:
        ca *= 10 ** (ea - eb)
        exp = eb
    else:
        cb *= 10 ** (eb - ea)
        exp = ea
    if a._sign == bsign:
        return _finish(bsign, ca + cb, exp, ctx)
    diff = ca - cb
    if diff > 0:
        return _finish(a._sign, diff, exp, ctx)
    if diff < 0:
        return _finish(bsign, -diff, exp, ctx)
    return _finish(1 if ctx._round_code == 3 else 0, 0, exp, ctx)


def _mul(a, b, ctx):
    sign = a._sign ^ b._sign
    if a._special or b._special:
        nan = _check_nans(a, b, ctx)
        if nan is not None:
            return nan
        if (a._special == 1 and not b._special and not b._int) or \
                (b._special == 1 and not a._special and not a._int):
            ctx._raise(_INVALID)
            return _NAN
        return _new(sign, 0, 0, 1)
    return _finish(sign, a._int * b._int, a._exp + b._exp, ctx)


def _div(a, b, ctx):
    sign = a._sign ^ b._sign
    if a._special or b._special:
        nan = _check_nans(a, b, ctx)
        if nan is not None:
            return nan
        if a._special == 1:
            if b._special == 1:
                ctx._raise(_INVALID)
                return _NAN
            return _new(sign, 0, 0, 1)
        ctx._raise(_CLAMPED)
        return _new(sign, 0, ctx.Etiny())
    if not b._int:
        if not a._int:
            ctx._raise(_DIV_UNDEFINED)
            return _NAN
        ctx._raise(_DIV_BY_ZERO)
        return _new(sign, 0, 0, 1)
    ideal = a._exp - b._exp
    if not a._int:
        return _finish(sign, 0, ideal, ctx)
    ca, cb = a._int, b._int
    shift = ctx._prec + _nd(cb) - _nd(ca) + 1
    if shift >= 0:
        q, r = divmod(ca * 10 ** shift, cb)
    else:
        q, r = divmod(ca, cb * 10 ** -shift)
    exp = ideal - shift
    if r:
        # a sticky digit below the rounding position marks the result inexact
        q = q * 10 + 1
        exp -= 1
    elif exp < ideal:
        q, exp = _strip_zeros(q, exp, ideal)
    return _finish(sign, q, exp, ctx)


def _strip_zeros(coeff, exp, ideal):
    """Removes trailing zeros of coeff while exp stays at most `ideal`."""
    while exp < ideal and coeff % 10 == 0:
        room = ideal - exp
        if room >= 8 and coeff % 100000000 == 0:
            coeff //= 100000000
            exp += 8
        else:
            coeff //= 10
            exp += 1
    return coeff, exp


def _divmod(a, b, ctx, want):
    """want: 1 = //, 2 = %, 3 = divmod."""
    sign = a._sign ^ b._sign
    if a._special or b._special:
        nan = _check_nans(a, b, ctx)
        if nan is not None:
            return (nan, nan) if want == 3 else nan
        if a._special == 1:
            if b._special == 1 or want != 1:
                ctx._raise(_INVALID)
                return (_NAN, _NAN) if want == 3 else _NAN
            return _new(sign, 0, 0, 1)
        # finite // or % infinity
        q = _new(sign, 0, 0)
        r = _plus(a, ctx) if want != 1 else None
        if want == 3:
            r = _finish(a._sign, a._int, a._exp, ctx)
            return q, r
        return q if want == 1 else _finish(a._sign, a._int, a._exp, ctx)
    if not b._int:
        if not a._int:
            ctx._raise(_DIV_UNDEFINED)
            return (_NAN, _NAN) if want == 3 else _NAN
        if want == 2:
            ctx._raise(_INVALID)
            return _NAN
        ctx._raise(_DIV_BY_ZERO if want == 1 else _DIV_BY_ZERO | _INVALID)
        inf = _new(sign, 0, 0, 1)
        return inf if want == 1 else (inf, _NAN)
    exp = min(a._exp, b._exp)
    if a._int and (a._exp + _nd(a._int)) - (b._exp + _nd(b._int)) > ctx._prec:
        ctx._raise(_DIV_IMPOSSIBLE)
        return (_NAN, _NAN) if want == 3 else _NAN
    if a._int and a._exp + _nd(a._int) < b._exp + _nd(b._int) - 1:
        q, r, rexp = 0, a._int, a._exp
    else:
        ca = a._int * 10 ** (a._exp - exp)
        cb = b._int * 10 ** (b._exp - exp)
        q, r = divmod(ca, cb)
        rexp = exp
    if q and _nd(q) > ctx._prec:
        ctx._raise(_DIV_IMPOSSIBLE)
        return (_NAN, _NAN) if want == 3 else _NAN
    if want == 1:
        return _finish(sign, q, 0, ctx)
    rem = _finish(a._sign, r, rexp, ctx)
    if want == 2:
        return rem
    return _finish(sign, q, 0, ctx), rem


def _pow(a, b, ctx):
    if a._special or b._special:
        nan = _check_nans(a, b, ctx)
        if nan is not None:
            return nan
    b_integral = not b._special and (b._exp >= 0 or not b._int or
                                     b._int % 10 ** -b._exp == 0)
    if not a._special and not a._int:
        if not b._special and not b._int:
            ctx._raise(_INVALID)
            return _NAN
        sign = a._sign if (b_integral and int(b) & 1) else 0
        if b._sign:
            return _new(sign, 0, 0, 1)
        return _new(sign, 0, 0)
    if a._sign and not b_integral:
        ctx._raise(_INVALID)
        return _NAN
    if a._special == 1:
        sign = a._sign if (b_integral and not b._special and int(b) & 1) else 0
        if b._special == 0 and not b._int:
            return _new(0, 1, 0)
        if b._sign:
            return _new(sign, 0, 0)
        return _new(sign, 0, 0, 1)
    if b._special == 1:
        # |a| vs 1 decides between zero and infinity
        c = _cmp_finite_or_inf(a.copy_abs(), _new(0, 1, 0))
        if c == 0:
            st = [_INEXACT | _ROUNDED]
            r = _new(0, 10 ** (ctx._prec - 1), 1 - ctx._prec)
            ctx._raise(st[0])
            return r
        if (c > 0) != bool(b._sign):
            return _new(0, 0, 0, 1)
        return _new(0, 0, 0)
    if b_integral:
        n = int(b)
        sign = a._sign if n & 1 else 0
        if n == 0:
            return _new(0, 1, 0)
        if n > 0:
            # exact when the result is small enough; else round with a few guard digits
            if _nd(a._int) * n <= 4 * ctx._prec + 200:
                return _finish(sign, a._int ** n, a._exp * n, ctx)
            return _pow_big(a, n, sign, ctx)
        if _nd(a._int) * -n <= 4 * ctx._prec + 200:
            denom = _new(0, a._int ** -n, a._exp * -n)
            return _div(_new(sign, 1, 0), denom, ctx)
        return _pow_big(a, n, sign, ctx)
    # non-integral exponent: exp(b * ln(a))
    return _transcendental_pow(a, b, ctx)


def _pow_big(a, n, sign, ctx):
    """a**n for huge n: the magnitude decides overflow/underflow."""
    adj = a.adjusted()
    approx = (adj + 0.5) * n
    if approx > ctx._Emax:
        return _finish(sign, 1, ctx._Emax + 1, ctx)
    if approx < ctx.Etiny() - 2:
        return _finish(sign, 1, ctx.Etiny() - 2, ctx)
    work = Context(prec=ctx._prec + 10, Emin=MIN_EMIN, Emax=MAX_EMAX, traps=[])
    r = _new(0, 1, 0)
    base = _new(0, a._int, a._exp)
    k = abs(n)
    while k:
        if k & 1:
            r = _mul(r, base, work)
        base = _mul(base, base, work)
        k >>= 1
    if n < 0:
        r = _div(_new(0, 1, 0), r, work)
    return _finish(sign, r._int, r._exp, ctx)


def _pow_mod(a, b, m, ctx):
    for x in (a, b, m):
        if x._special >= 2:
            return _check_nans(a, b, ctx) or _check_nans(m, None, ctx)
    if any(x._special for x in (a, b, m)) or \
            any(x._exp != 0 and x._int % 10 ** max(-x._exp, 0) for x in (a, b, m)):
        ctx._raise(_INVALID)
        return _NAN
    ai, bi, mi = int(a), int(b), int(m)
    if bi < 0 or mi == 0 or (ai == 0 and bi == 0) or _nd(abs(mi)) > ctx._prec:
        ctx._raise(_INVALID)
        return _NAN
    r = pow(abs(ai), bi, abs(mi))
    sign = 1 if ai < 0 and bi & 1 else 0
    return _new(sign, r, 0)


def _cmp_finite_or_inf(a, b):
    """-1/0/1 comparing two non-NaN Decimals."""
    if a._special or b._special:
        va = 0 if not a._special else (-1 if a._sign else 1)
        vb = 0 if not b._special else (-1 if b._sign else 1)
        if va or vb:
            if va == vb:
                return 0
            if va and vb:
                return 1 if va > vb else -1
            if va:
                return va
            return -vb
    if not a._int:
        if not b._int:
            return 0
        return 1 if b._sign else -1
    if not b._int:
        return -1 if a._sign else 1
    if a._sign != b._sign:
        return -1 if a._sign else 1
    flip = -1 if a._sign else 1
    adj_a = a._exp + _nd(a._int)
    adj_b = b._exp + _nd(b._int)
    if adj_a != adj_b:
        return flip if adj_a > adj_b else -flip
    if a._exp > b._exp:
        ca, cb = a._int * 10 ** (a._exp - b._exp), b._int
    else:
        ca, cb = a._int, b._int * 10 ** (b._exp - a._exp)
    if ca == cb:
        return 0
    return flip if ca > cb else -flip


def _total_key(d):
    """A sort key for the total order of compare_total."""
    if d._special >= 2:
        cls = 4 if d._special == 2 else 3
        key = (cls, d._int, 0)
    elif d._special == 1:
        key = (2, 0, 0)
    else:
        key = (1, d, 0)
    return _TotalKey(d._sign, key)


class _TotalKey:
    __slots__ = ('sign', 'key')

    def __init__(self, sign, key):
        self.sign = sign
        self.key = key

    def _cmp(self, other):
        if self.sign != other.sign:
            return -1 if self.sign else 1
        a, b = self.key, other.key
        if a[0] != b[0]:
            c = 1 if a[0] > b[0] else -1
        elif a[0] == 1:
            x, y = a[1], b[1]
            c = _cmp_finite_or_inf(x.copy_abs(), y.copy_abs())
            if c == 0:
                c = (x._exp > y._exp) - (x._exp < y._exp)
        else:
            c = (a[1] > b[1]) - (a[1] < b[1])
        return -c if self.sign else c

    def __lt__(self, other):
        return self._cmp(other) < 0

    def __gt__(self, other):
        return self._cmp(other) > 0

    def __eq__(self, other):
        return self._cmp(other) == 0


def _next(d, context, down, quiet=True):
    """The closest representable number below (down) or above d."""
    ctx = context if context is not None else getcontext()
    if d._special:
        nan = _check_nans(d, None, ctx)
        if nan is not None:
            return nan
        if d._sign == down:
            return d
        return _new(d._sign, 10 ** ctx._prec - 1, ctx.Etop())
    if not d._int:
        return _new(1 if down else 0, 1, ctx.Etiny())
    # subtract (add) a value far below the last place, rounding toward the direction
    eps_exp = min(d._exp, max(d.adjusted() - ctx._prec - 1, ctx.Etiny())) - 2
    work = ctx.copy()
    work._rounding = ROUND_FLOOR if down else ROUND_CEILING
    work._round_code = 3 if down else 2
    work._traps._bits = 0
    st = [0]
    ca, ea = d._int * 10 ** (d._exp - eps_exp), eps_exp
    value = (-ca if d._sign else ca) + (-1 if down else 1)
    r = _fix(1 if value < 0 else 0, abs(value), ea, work, st)
    if not quiet and st[0]:
        ctx._raise(st[0])
    return r


def _sqrt(d, ctx):
    prec = ctx._prec
    ideal = d._exp >> 1
    # scale so the coefficient has an even exponent and 2*prec+2 digits or more
    coeff, exp = d._int, d._exp
    if exp & 1:
        coeff *= 10
        exp -= 1
    shift = max(0, prec + 1 - (_nd(coeff) + 1) // 2)
    coeff *= 100 ** shift
    exp -= 2 * shift
    root = _isqrt(coeff)
    exact = root * root == coeff
    rexp = exp // 2
    if not exact:
        root = root * 10 + 1
        rexp -= 1
        return _finish(0, root, rexp, ctx)
    root, rexp = _strip_zeros(root, rexp, ideal)
    wc = ctx.copy()
    st = [0]
    r = _fix(0, root, rexp, wc, st)
    if st[0] & ~(_ROUNDED | _INEXACT) or st[0] & _INEXACT:
        ctx._raise(st[0])
    elif st[0] & _ROUNDED:
        ctx._raise(st[0])
    return r


def _isqrt(n):
    if n < 0:
        raise ValueError
    if n == 0:
        return 0
    x = 1 << ((n.bit_length() + 1) // 2)
    while True:
        y = (x + n // x) >> 1
        if y >= x:
            return x
        x = y


# ---------------------------------------------------------------- exp / ln / log10

def _log_special(d, ctx):
    if d._special:
        nan = _check_nans(d, None, ctx)
        if nan is not None:
            return nan
        if d._sign:
            ctx._raise(_INVALID)
            return _NAN
        return d
    if not d._int:
        return _new(1, 0, 0, 1)
    if d._sign:
        ctx._raise(_INVALID)
        return _NAN
    return None


def _transcendental(d, ctx, series):
    """Correctly rounded result: evaluate with growing guard digits until the rounding
    of the approximation is unambiguous."""
    extra = 10
    while True:
        wp = ctx._prec + extra
        coeff, exp = series(d, wp)
        # coeff * 10**exp approximates the value within one unit of the last digit
        lo_c, hi_c = coeff - 1, coeff + 1
        st1 = [0]
        st2 = [0]
        lo = _fix(0 if lo_c >= 0 else 1, abs(lo_c), exp, ctx, st1)
        hi = _fix(0 if hi_c >= 0 else 1, abs(hi_c), exp, ctx, st2)
        if (lo._sign, lo._int, lo._exp, lo._special) == (hi._sign, hi._int, hi._exp,
                                                         hi._special):
            st = [0]
            # force the sticky digit so the result reads as inexact
            r = _fix(0 if coeff >= 0 else 1, abs(coeff) * 10 + 1 if coeff >= 0 else
                     abs(coeff) * 10 - 1, exp - 1, ctx, st)
            ctx._raise(st[0] | _INEXACT | _ROUNDED)
            return r
        extra += extra


def _exp_series(d, wp):
    """exp(d) as (coeff, exp) with about wp significant digits."""
    # x = d as a fixed-point integer scaled by 10**w
    adj = d.adjusted()
    if adj > 20:
        # far outside the range: let the context overflow/underflow
        return (0 if d._sign else 1), (-10 ** 19 if d._sign else 10 ** 19)
    w = wp + max(adj, 0) + 5
    scale = 10 ** w
    x = d._int * 10 ** (d._exp + w) if d._exp + w >= 0 else d._int // 10 ** (-(d._exp + w))
    if d._sign:
        x = -x
    # range reduction: exp(x) = exp(x / 2**k) ** (2**k)
    k = 0
    while abs(x) > scale // 4:
        x //= 2
        k += 1
    term = scale
    total = scale
    i = 1
    while term:
        term = term * x
        term = term // (scale * i) if term >= 0 else -(-term // (scale * i))
        total += term
        i += 1
    for _ in range(k):
        total = total * total // scale
    return total, -w


def _ln_fixed(c, e, w):
    """ln(c * 10**e) as a fixed-point integer scaled by 10**w."""
    scale = 10 ** w
    # value = m * 10**p with m in [0.1, 1): ln = ln(m) + p*ln(10)
    nd = _nd(c)
    p = e + nd
    m = c * 10 ** (w - nd) if w >= nd else c // 10 ** (nd - w)
    # ln(m) by atanh series after square-root reductions
    k = 0
    while abs(m - scale) > scale // 10:
        m = _isqrt(m * scale)
        k += 1
    y = (m - scale) * scale // (m + scale)
    negative = y < 0
    y = abs(y)
    y2 = y * y // scale
    term = y
    total = 0
    i = 1
    while term:
        total += term // i
        term = term * y2 // scale
        i += 2
    ln_m = 2 * total * (1 << k)
    if negative:
        ln_m = -ln_m
    return ln_m + p * _ln10_fixed(w)


_LN10_CACHE = {}


def _ln10_fixed(w):
    if w in _LN10_CACHE:
        return _LN10_CACHE[w]
    scale = 10 ** (w + 10)
    # ln(10) = 3*ln(2) + ln(1.25); ln via atanh: ln(x) = 2*atanh((x-1)/(x+1))
    def atanh_inv(n):
        # atanh(1/n) scaled
        total = 0
        term = scale // n
        n2 = n * n
        i = 1
        while term:
            total += term // i
            term //= n2
            i += 2
        return total
    ln2 = 2 * atanh_inv(3)
    ln125 = 2 * atanh_inv(9)
    value = (3 * ln2 + ln125) // 10 ** 10
    _LN10_CACHE[w] = value
    return value


def _ln_series(d, wp):
    adj = d.adjusted()
    w = wp + len(str(abs(adj))) + 3
    # guard against cancellation near 1
    if d.adjusted() == 0 or d.adjusted() == -1:
        w += _nd(d._int) + 2
    v = _ln_fixed(d._int, d._exp, w)
    return v, -w


def _log10_series(d, wp):
    adj = d.adjusted()
    w = wp + len(str(abs(adj))) + 3
    if d.adjusted() == 0 or d.adjusted() == -1:
        w += _nd(d._int) + 2
    v = _ln_fixed(d._int, d._exp, w + 3)
    return v * 10 ** w // _ln10_fixed(w + 3), -w


def _transcendental_pow(a, b, ctx):
    def series(_d, wp):
        w = wp + 10 + max(b.adjusted(), 0)
        lnv = _ln_fixed(a._int, a._exp, w)
        prod = _new(0 if lnv >= 0 else 1, abs(lnv), -w)
        y = _mul(prod, b, Context(prec=w + 5, Emin=MIN_EMIN, Emax=MAX_EMAX, traps=[]))
        return _exp_series(y, wp)
    return _transcendental(a, ctx, series)


# ---------------------------------------------------------------- format()

def _format(d, spec):
    fill = ' '
    align = None
    i = 0
    n = len(spec)
    if n >= 2 and spec[1] in '<>=^':
        fill, align = spec[0], spec[1]
        i = 2
    elif n >= 1 and spec[0] in '<>=^':
        align = spec[0]
        i = 1
    sign = '-'
    if i < n and spec[i] in '+- ':
        sign = spec[i]
        i += 1
    no_neg_zero = False
    if i < n and spec[i] == 'z':
        no_neg_zero = True
        i += 1
    alternate = False
    if i < n and spec[i] == '#':
        alternate = True
        i += 1
    zero_pad = False
    if i < n and spec[i] == '0':
        zero_pad = True
        if align is None:
            fill, align = '0', '='
        i += 1
    start = i
    while i < n and spec[i].isdigit():
        i += 1
    width = int(spec[start:i]) if i > start else 0
    grouping = ''
    if i < n and spec[i] == ',':
        grouping = spec[i]
        i += 1
    precision = None
    if i < n and spec[i] == '.':
        i += 1
        start = i
        while i < n and spec[i].isdigit():
            i += 1
        if i == start:
            raise ValueError('invalid format string')
        precision = int(spec[start:i])
    kind = None
    if i < n:
        kind = spec[i]
        i += 1
    if i != n or (kind is not None and kind not in 'eEfFgGn%'):
        raise ValueError('invalid format string')
    if align is None:
        align = '>' if False else '<' if False else '>'
    ctx = getcontext()
    if kind is None:
        kind = 'G' if ctx._capitals else 'g'
    body_sign = d._sign
    if d._special and zero_pad and fill == '0' and align == '=':
        fill, align = ' ', '>'
    if d._special:
        text = d.copy_abs().__str__(context=ctx) if d._special != 2 or True else ''
        text = ('Infinity' if d._special == 1 else
                ('NaN' if d._special == 2 else 'sNaN') + (str(d._int) if d._int else ''))
        if kind == '%':
            text += '%'
    else:
        mode = ctx._round_code
        coeff, exp = d._int, d._exp
        if kind == '%':
            exp += 2
        if kind in 'fF%':
            if precision is not None and -exp != precision:
                if exp > -precision:
                    coeff *= 10 ** (exp + precision)
                else:
                    coeff, _ = _round_coeff(coeff, -precision - exp, mode, d._sign)
                exp = -precision
            digits = str(coeff)
            if exp >= 0:
                text = digits + '0' * exp if coeff else '0'
                if alternate:
                    text += '.'
            else:
                if len(digits) <= -exp:
                    digits = '0' * (-exp - len(digits) + 1) + digits
                text = digits[:exp] + '.' + digits[exp:]
            if kind == '%':
                text += '%'
        else:
            if kind in 'eE':
                if precision is not None and coeff:
                    keep = precision + 1
                    nd = _nd(coeff)
                    if nd > keep:
                        coeff, _ = _round_coeff(coeff, nd - keep, mode, d._sign)
                        exp += nd - keep
                        if _nd(coeff) > keep:
                            coeff //= 10
                            exp += 1
                    elif nd < keep:
                        coeff *= 10 ** (keep - nd)
                        exp -= keep - nd
                digits = str(coeff) if coeff else '0' * (1 + (precision or 0))
                adj = exp + len(digits) - 1 if coeff else exp + (precision or 0)
                e_char = 'e' if kind == 'e' else 'E'
                text = digits[0] + ('.' + digits[1:] if len(digits) > 1 or alternate else '')
                text += e_char + ('+' if adj >= 0 else '-') + str(abs(adj))
            else:
                e_char = 'e' if kind in 'gn' else 'E'
                if precision is not None:
                    p = precision or 1
                    nd = _nd(coeff)
                    if coeff and nd > p:
                        coeff, _ = _round_coeff(coeff, nd - p, mode, d._sign)
                        exp += nd - p
                        if _nd(coeff) > p:
                            coeff //= 10
                            exp += 1
                digits = str(coeff)
                nd = len(digits)
                adj = exp + nd - 1
                if exp <= 0 and adj >= -6 and (precision is None or adj < (precision or 1)):
                    text = _sci(digits, exp, False, e_char)
                elif precision is not None and exp > 0 and adj < (precision or 1):
                    text = digits + '0' * exp
                else:
                    body = digits[0] + ('.' + digits[1:] if nd > 1 else '')
                    text = body + e_char + ('+' if adj >= 0 else '-') + str(abs(adj))
        if no_neg_zero and body_sign and not any(ch in '123456789' for ch in
                                                 text.split('e')[0].split('E')[0]):
            body_sign = 0
    sign_text = '-' if body_sign else ('' if sign == '-' else sign)
    if grouping and not d._special:
        text = _group(text, grouping, zero_pad and align == '=' and fill == '0',
                      width - len(sign_text))
    elif fill == '0' and align == '=' and zero_pad:
        pass
    return _pad(sign_text, text, fill, align, width)


def _group(text, sep, zero_fill, min_width):
    cut = len(text)
    for j, ch in enumerate(text):
        if not ch.isdigit():
            cut = j
            break
    intpart, rest = text[:cut], text[cut:]
    if zero_fill:
        # zeros added before grouping so that the separators land where they belong
        while len(_insert_sep(intpart, sep)) + len(rest) < min_width:
            intpart = '0' + intpart
        grouped = _insert_sep(intpart, sep)
        if len(grouped) + len(rest) > min_width and len(intpart) > 1 and \
                grouped[0] == '0' and False:
            grouped = grouped[1:]
        return grouped + rest
    return _insert_sep(intpart, sep) + rest


def _insert_sep(digits, sep):
    groups = []
    while len(digits) > 3:
        groups.append(digits[-3:])
        digits = digits[:-3]
    groups.append(digits)
    return sep.join(reversed(groups))


def _pad(sign_text, text, fill, align, width):
    total = len(sign_text) + len(text)
    if total >= width:
        return sign_text + text
    pad = width - total
    if align == '<':
        return sign_text + text + fill * pad
    if align == '^':
        left = pad // 2
        return fill * left + sign_text + text + fill * (pad - left)
    if align == '=':
        return sign_text + fill * pad + text
    return fill * pad + sign_text + text


__all__ = [
    'Decimal', 'Context', 'DecimalTuple', 'DefaultContext', 'BasicContext',
    'ExtendedContext', 'DecimalException', 'Clamped', 'InvalidOperation',
    'DivisionByZero', 'Inexact', 'Rounded', 'Subnormal', 'Overflow', 'Underflow',
    'FloatOperation', 'DivisionImpossible', 'InvalidContext', 'ConversionSyntax',
    'DivisionUndefined', 'ROUND_DOWN', 'ROUND_HALF_UP', 'ROUND_HALF_EVEN', 'ROUND_CEILING',
    'ROUND_FLOOR', 'ROUND_UP', 'ROUND_HALF_DOWN', 'ROUND_05UP', 'setcontext', 'getcontext',
    'localcontext', 'MAX_PREC', 'MAX_EMAX', 'MIN_EMIN', 'MIN_ETINY', 'HAVE_THREADS',
    'HAVE_CONTEXTVAR',
]


def __getattr__(name):
    if name == 'DecimalTuple':
        return _decimal_tuple()
    raise AttributeError(f"module 'decimal' has no attribute '{name}'")


for _cls in (Decimal, Context):
    _cls.__module__ = 'decimal'
    _decimal_core.mark_extension_type(_cls)
