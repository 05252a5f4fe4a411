//! Arithmetic on `int`, `bool` and `float` with Python's semantics: machine-int fast paths
//! that overflow into big ints, floor division and modulo rounding toward negative infinity,
//! correctly rounded `int / int`, exact int/float comparisons, and CPython's error messages.

use std::cmp::Ordering;

use num_bigint::{BigInt, Sign};
use num_integer::Integer;
use num_traits::{One, Signed, ToPrimitive, Zero};

use crate::bytecode::BinaryOp;
use crate::object::{Payload, Value};
use crate::runtime::errors::{PyErr, PyResult};
use crate::vm::Vm;

/// An int operand, borrowed.
pub enum IntRef<'a> {
    Small(i64),
    Big(&'a BigInt),
}

impl IntRef<'_> {
    pub fn to_bigint(&self) -> BigInt {
        match self {
            IntRef::Small(i) => BigInt::from(*i),
            IntRef::Big(b) => (*b).clone(),
        }
    }

    pub fn to_i64(&self) -> Option<i64> {
        match self {
            IntRef::Small(i) => Some(*i),
            IntRef::Big(b) => b.to_i64(),
        }
    }

    pub fn is_negative(&self) -> bool {
        match self {
            IntRef::Small(i) => *i < 0,
            IntRef::Big(b) => b.is_negative(),
        }
    }

    pub fn is_zero(&self) -> bool {
        match self {
            IntRef::Small(i) => *i == 0,
            IntRef::Big(b) => b.is_zero(),
        }
    }
}

/// The int value of `v` if it is an int or bool (subclasses included).
#[inline]
pub fn as_int(v: &Value) -> Option<IntRef<'_>> {
    if let Some(i) = v.as_small_int() {
        return Some(IntRef::Small(i));
    }
    if let Some(b) = v.as_bool() {
        return Some(IntRef::Small(b as i64));
    }
    match v.payload() {
        Some(Payload::Int(b)) => Some(match b.to_i64() {
            Some(i) => IntRef::Small(i),
            None => IntRef::Big(b),
        }),
        _ => None,
    }
}

/// The float value of `v` if it is a float (subclasses included).
#[inline]
pub fn as_float(v: &Value) -> Option<f64> {
    if let Some(f) = v.as_immediate_float() {
        return Some(f);
    }
    match v.payload() {
        Some(Payload::Float(f)) => Some(*f),
        _ => None,
    }
}

/// Converts an int to float, raising OverflowError like CPython when it is too large.
pub fn int_to_f64(i: &IntRef<'_>) -> PyResult<f64> {
    match i {
        IntRef::Small(i) => Ok(*i as f64),
        IntRef::Big(b) => bigint_to_f64(b),
    }
}

pub fn bigint_to_f64(b: &BigInt) -> PyResult<f64> {
    match b.to_f64() {
        Some(f) if f.is_finite() => Ok(f),
        _ => Err(PyErr::overflow_error("int too large to convert to float")),
    }
}

/// `a op b` when both are ints; `None` if the operator does not apply to ints.
pub fn int_binary(
    vm: &Vm,
    op: BinaryOp,
    a: &IntRef<'_>,
    b: &IntRef<'_>,
) -> PyResult<Option<Value>> {
    if let (IntRef::Small(x), IntRef::Small(y)) = (a, b) {
        let (x, y) = (*x, *y);
        let fast = match op {
            BinaryOp::Add => x.checked_add(y),
            BinaryOp::Subtract => x.checked_sub(y),
            BinaryOp::Multiply => x.checked_mul(y),
            BinaryOp::And => Some(x & y),
            BinaryOp::Or => Some(x | y),
            BinaryOp::Xor => Some(x ^ y),
            BinaryOp::FloorDivide if y != 0 && !(x == i64::MIN && y == -1) => {
                Some(Integer::div_floor(&x, &y))
            }
            BinaryOp::Remainder if y != 0 && !(x == i64::MIN && y == -1) => {
                Some(Integer::mod_floor(&x, &y))
            }
            BinaryOp::LShift
                if (0..63).contains(&y) && x.unsigned_abs().leading_zeros() as i64 > y + 1 =>
            {
                Some(x << y)
            }
            BinaryOp::RShift if y >= 0 => Some(if y >= 64 {
                if x < 0 { -1 } else { 0 }
            } else {
                x >> y
            }),
            _ => None,
        };
        if let Some(r) = fast {
            return Ok(Some(vm.new_int(r)));
        }
    }
    let r = match op {
        BinaryOp::Add => a.to_bigint() + b.to_bigint(),
        BinaryOp::Subtract => a.to_bigint() - b.to_bigint(),
        BinaryOp::Multiply => a.to_bigint() * b.to_bigint(),
        BinaryOp::And => a.to_bigint() & b.to_bigint(),
        BinaryOp::Or => a.to_bigint() | b.to_bigint(),
        BinaryOp::Xor => a.to_bigint() ^ b.to_bigint(),
        BinaryOp::FloorDivide => {
            if b.is_zero() {
                return Err(PyErr::zero_division("integer division or modulo by zero"));
            }
            a.to_bigint().div_floor(&b.to_bigint())
        }
        BinaryOp::Remainder => {
            if b.is_zero() {
                return Err(PyErr::zero_division("integer modulo by zero"));
            }
            a.to_bigint().mod_floor(&b.to_bigint())
        }
        BinaryOp::LShift => {
            if b.is_negative() {
                return Err(PyErr::value_error("negative shift count"));
            }
            if a.is_zero() {
                return Ok(Some(vm.new_int(0)));
            }
            let Some(shift) = b.to_i64().filter(|s| *s <= (1 << 40)) else {
                // CPython tries to allocate the result unless its 30-bit digit count
                // cannot even be represented.
                const MAX_LONG_DIGITS: u128 = ((i64::MAX as u128) - 24) / 4;
                let words = (b.to_bigint() / 30u32).to_u128();
                let size = u128::from(a.to_bigint().bits() / 30 + 1);
                return Err(match words {
                    Some(w) if w <= i64::MAX as u128 && w + size <= MAX_LONG_DIGITS => {
                        PyErr::new(crate::runtime::errors::ExcKind::MemoryError, "")
                    }
                    _ => PyErr::overflow_error("too many digits in integer"),
                });
            };
            a.to_bigint() << (shift as usize)
        }
        BinaryOp::RShift => {
            if b.is_negative() {
                return Err(PyErr::value_error("negative shift count"));
            }
            match b.to_i64() {
                Some(shift) if shift < (1 << 40) => {
                    let x = a.to_bigint();
                    // Arithmetic shift: floor division by 2**shift.
                    if x.is_negative() {
                        -((-x - BigInt::one()) >> (shift as usize)) - BigInt::one()
                    } else {
                        x >> (shift as usize)
                    }
                }
                _ => BigInt::from(if a.is_negative() { -1 } else { 0 }),
            }
        }
        BinaryOp::TrueDivide => {
            if b.is_zero() {
                return Err(PyErr::zero_division("division by zero"));
            }
            return Ok(Some(vm.new_float(int_true_divide(a, b)?)));
        }
        BinaryOp::Power => return int_pow(vm, a, b).map(Some),
        _ => return Ok(None),
    };
    Ok(Some(vm.new_bigint(r)))
}

fn int_pow(vm: &Vm, a: &IntRef<'_>, b: &IntRef<'_>) -> PyResult<Value> {
    if b.is_negative() {
        let base = int_to_f64(a)?;
        let exp = int_to_f64(b)?;
        if base == 0.0 {
            return Err(PyErr::zero_division(
                "0.0 cannot be raised to a negative power",
            ));
        }
        return float_pow(vm, base, exp);
    }
    if let (IntRef::Small(x), Some(e)) = (a, b.to_i64())
        && let Ok(e32) = u32::try_from(e)
        && let Some(r) = x.checked_pow(e32)
    {
        return Ok(vm.new_int(r));
    }
    let Some(e) = b.to_i64() else {
        // Only 0, 1 and -1 can be raised to an astronomically large power.
        return match a.to_i64() {
            Some(0) => Ok(vm.new_int(0)),
            Some(1) => Ok(vm.new_int(1)),
            Some(-1) => Ok(vm.new_int(if b.to_bigint().is_even() { 1 } else { -1 })),
            _ => Err(PyErr::new(crate::runtime::errors::ExcKind::MemoryError, "")),
        };
    };
    let Ok(e) = u32::try_from(e) else {
        return Err(PyErr::new(crate::runtime::errors::ExcKind::MemoryError, ""));
    };
    Ok(vm.new_bigint(num_traits::pow::Pow::pow(a.to_bigint(), e)))
}

/// `a / b` for ints, correctly rounded like CPython.
pub fn int_true_divide(a: &IntRef<'_>, b: &IntRef<'_>) -> PyResult<f64> {
    const EXACT: i64 = 1 << 53;
    if let (Some(x), Some(y)) = (a.to_i64(), b.to_i64())
        && x.abs() <= EXACT
        && y.abs() <= EXACT
    {
        return Ok(x as f64 / y as f64);
    }
    let x = a.to_bigint();
    let y = b.to_bigint();
    let negative = (x.sign() == Sign::Minus) != (y.sign() == Sign::Minus);
    let (x, y) = (x.abs(), y.abs());
    if x.is_zero() {
        return Ok(if negative { -0.0 } else { 0.0 });
    }
    // Scale so the quotient has 55+ significant bits, then round half-even by hand.
    let xbits = x.bits() as i64;
    let ybits = y.bits() as i64;
    let shift = 55 - (xbits - ybits);
    let (num, den) = if shift >= 0 {
        (x << shift as usize, y)
    } else {
        (x, y << (-shift) as usize)
    };
    let (q, r) = num.div_rem(&den);
    // q has 55 or 56 bits; fold the remainder into a sticky bit.
    let mut q = q.to_u64().unwrap_or(u64::MAX);
    if !r.is_zero() {
        q |= 1;
    }
    let exp = -shift;
    let result = ldexp_round(q, exp);
    match result {
        Some(f) => Ok(if negative { -f } else { f }),
        None => Err(PyErr::overflow_error(
            "integer division result too large for a float",
        )),
    }
}

/// `m * 2**e` rounded to the nearest double (ties to even); `None` on overflow.
fn ldexp_round(m: u64, e: i64) -> Option<f64> {
    if m == 0 {
        return Some(0.0);
    }
    let bits = 64 - m.leading_zeros() as i64;
    // Final exponent of the leading bit.
    let top = bits - 1 + e;
    if top > 1023 {
        return None;
    }
    // Number of mantissa bits we can keep (53 normally, fewer for subnormals).
    let keep = if top >= -1022 { 53 } else { 53 - (-1022 - top) };
    if keep <= 0 {
        // Rounds to zero or to the smallest subnormal.
        let half = keep == 0 && m > (1u64 << (bits - 1));
        return Some(if half { f64::from_bits(1) } else { 0.0 });
    }
    let drop = bits - keep;
    let (mut mant, exp) = if drop > 0 {
        let drop = drop as u32;
        let kept = m >> drop;
        let rest = m & ((1u64 << drop) - 1);
        let half = 1u64 << (drop - 1);
        let mut kept = kept;
        if rest > half || (rest == half && kept & 1 == 1) {
            kept += 1;
        }
        (kept, e + drop as i64)
    } else {
        (m, e)
    };
    if mant == 0 {
        return Some(0.0);
    }
    // Scale exactly: mant < 2**54, so the product by a power of two is exact unless it overflows.
    let mut result = mant as f64;
    let mut exp = exp;
    while exp > 0 {
        let step = exp.min(1000);
        result *= 2f64.powi(step as i32);
        exp -= step;
    }
    while exp < 0 {
        let step = (-exp).min(1000);
        result /= 2f64.powi(step as i32);
        exp += step;
    }
    mant = 0;
    let _ = mant;
    if result.is_infinite() {
        None
    } else {
        Some(result)
    }
}

/// `a op b` for floats (ints already converted).
pub fn float_binary(vm: &Vm, op: BinaryOp, a: f64, b: f64) -> PyResult<Option<Value>> {
    let r = match op {
        BinaryOp::Add => a + b,
        BinaryOp::Subtract => a - b,
        BinaryOp::Multiply => a * b,
        BinaryOp::TrueDivide => {
            if b == 0.0 {
                return Err(PyErr::zero_division("float division by zero"));
            }
            a / b
        }
        BinaryOp::FloorDivide => {
            if b == 0.0 {
                return Err(PyErr::zero_division("float floor division by zero"));
            }
            float_divmod(a, b).0
        }
        BinaryOp::Remainder => {
            if b == 0.0 {
                return Err(PyErr::zero_division("float modulo by zero"));
            }
            float_divmod(a, b).1
        }
        BinaryOp::Power => return float_pow(vm, a, b).map(Some),
        _ => return Ok(None),
    };
    Ok(Some(vm.new_float(r)))
}

/// Python's float `divmod` (CPython's `float_divmod` algorithm).
pub fn float_divmod(a: f64, b: f64) -> (f64, f64) {
    let mut m = a % b;
    let mut div = (a - m) / b;
    if m != 0.0 {
        if (b < 0.0) != (m < 0.0) {
            m += b;
            div -= 1.0;
        }
    } else {
        m = 0.0f64.copysign(b);
    }
    let floordiv = if div != 0.0 {
        let mut f = div.floor();
        if div - f > 0.5 {
            f += 1.0;
        }
        f
    } else {
        0.0f64.copysign(a / b)
    };
    (floordiv, m)
}

/// `a ** b` for floats with CPython's special cases and errors.
pub fn float_pow(vm: &Vm, a: f64, b: f64) -> PyResult<Value> {
    if b == 0.0 {
        return Ok(vm.new_float(1.0));
    }
    if a.is_nan() {
        return Ok(vm.new_float(if b == 0.0 { 1.0 } else { a }));
    }
    if b.is_nan() {
        return Ok(vm.new_float(if a == 1.0 { 1.0 } else { b }));
    }
    if a == 0.0 && b < 0.0 && b.is_finite() {
        return Err(PyErr::zero_division(
            "0.0 cannot be raised to a negative power",
        ));
    }
    if a < 0.0 && a.is_finite() && b.is_finite() && b.floor() != b {
        // A negative base with a fractional exponent gives a complex result.
        let (r, theta) = (a.abs().powf(b), std::f64::consts::PI * b);
        return Ok(vm.new_complex(r * theta.cos(), r * theta.sin()));
    }
    let r = a.powf(b);
    if r.is_infinite() && a.is_finite() && b.is_finite() {
        return Err(PyErr::overflow_error(
            "(34, 'Numerical result out of range')",
        ));
    }
    Ok(vm.new_float(r))
}

/// Compares an int with a float exactly (no rounding of big ints).
pub fn compare_int_float(i: &IntRef<'_>, f: f64) -> Option<Ordering> {
    if f.is_nan() {
        return None;
    }
    if f.is_infinite() {
        return Some(if f > 0.0 {
            Ordering::Less
        } else {
            Ordering::Greater
        });
    }
    if let Some(x) = i.to_i64()
        && x.unsigned_abs() < (1u64 << 53)
    {
        return (x as f64).partial_cmp(&f);
    }
    // Compare exactly: floor(f) as a big int, then the fractional part.
    let fl = f.floor();
    let fl_big = float_to_bigint(fl)?;
    let ib = i.to_bigint();
    match ib.cmp(&fl_big) {
        Ordering::Equal => Some(if f > fl {
            Ordering::Less
        } else {
            Ordering::Equal
        }),
        other => Some(other),
    }
}

/// Converts an integral finite float to a big int exactly.
pub fn float_to_bigint(f: f64) -> Option<BigInt> {
    if !f.is_finite() {
        return None;
    }
    let bits = f.to_bits();
    let negative = bits >> 63 == 1;
    let exp = ((bits >> 52) & 0x7FF) as i64;
    let frac = bits & ((1u64 << 52) - 1);
    if exp == 0 && frac == 0 {
        return Some(BigInt::zero());
    }
    let (mant, e) = if exp == 0 {
        (frac, -1074)
    } else {
        (frac | (1u64 << 52), exp - 1075)
    };
    let mut r = BigInt::from(mant);
    if e >= 0 {
        r <<= e as usize;
    } else {
        r >>= (-e) as usize;
    }
    Some(if negative { -r } else { r })
}

/// Total order of two ints.
pub fn compare_ints(a: &IntRef<'_>, b: &IntRef<'_>) -> Ordering {
    match (a, b) {
        (IntRef::Small(x), IntRef::Small(y)) => x.cmp(y),
        _ => a.to_bigint().cmp(&b.to_bigint()),
    }
}
