//! The integer functions of `math` (`gcd`, `lcm`, `isqrt`, `factorial`, `comb`, `perm`)
//! on arbitrary-size ints, and the exact `frexp` of a big int that lets `log` work on ints
//! too large for a float.

use num_bigint::{BigInt, Sign};
use num_integer::Integer;
use num_traits::{One, Signed, ToPrimitive, Zero};

use crate::interp::args::Args;
use crate::object::Value;
use crate::runtime::errors::{PyErr, PyResult};
use crate::runtime::numbers::as_int;
use crate::vm::Vm;

/// `operator.index(v)` as a big int.
pub fn index_bigint(vm: &mut Vm, v: &Value) -> PyResult<BigInt> {
    let iv = vm.index_value(v)?;
    Ok(as_int(&iv).map(|i| i.to_bigint()).unwrap_or_default())
}

pub fn math_gcd(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    args.no_keywords("math.gcd")?;
    let mut acc = BigInt::zero();
    for (i, v) in args.positional().iter().enumerate() {
        let x = index_bigint(vm, v)?;
        // Once the gcd is 1 the remaining arguments are only type-checked.
        if i == 0 || !acc.is_one() {
            acc = acc.gcd(&x);
        }
    }
    Ok(vm.new_bigint(acc))
}

pub fn math_lcm(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    args.no_keywords("math.lcm")?;
    let mut acc = BigInt::one();
    for (i, v) in args.positional().iter().enumerate() {
        let x = index_bigint(vm, v)?;
        if i == 0 {
            acc = x.abs();
        } else if !acc.is_zero() {
            acc = if x.is_zero() { x } else { acc.lcm(&x) };
        }
    }
    Ok(vm.new_bigint(acc))
}

pub fn math_isqrt(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let v = super::one_arg(&args, "isqrt")?;
    let n = index_bigint(vm, v)?;
    if n.is_negative() {
        return Err(PyErr::value_error("isqrt() argument must be nonnegative"));
    }
    Ok(vm.new_bigint(n.sqrt()))
}

/// The product of the integers in `lo..hi`, by binary splitting (balanced operand sizes
/// keep the big multiplications fast).
fn range_product(lo: u64, hi: u64) -> BigInt {
    if hi <= lo {
        return BigInt::one();
    }
    if hi - lo <= 16 {
        let mut acc = BigInt::one();
        let mut small: u64 = 1;
        for i in lo..hi {
            match small.checked_mul(i) {
                Some(p) => small = p,
                None => {
                    acc *= small;
                    small = i;
                }
            }
        }
        return acc * small;
    }
    let mid = lo + (hi - lo) / 2;
    range_product(lo, mid) * range_product(mid, hi)
}

pub fn math_factorial(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let v = super::one_arg(&args, "factorial")?;
    let n = index_bigint(vm, v)?;
    if n.is_negative() {
        return Err(PyErr::value_error(
            "factorial() not defined for negative values",
        ));
    }
    let Some(n) = n.to_u64().filter(|n| *n <= i64::MAX as u64) else {
        return Err(PyErr::overflow_error(format!(
            "factorial() argument should not exceed {}",
            i64::MAX
        )));
    };
    Ok(vm.new_bigint(range_product(2, n.saturating_add(1))))
}

/// n * (n-1) * ... * (n-k+1) for a big n.
fn falling_product(n: &BigInt, k: u64) -> BigInt {
    if let Some(n) = n.to_u64() {
        return range_product(n - k + 1, n + 1);
    }
    fn rec(top: &BigInt, count: u64) -> BigInt {
        // top * (top-1) * ... * (top-count+1)
        if count == 0 {
            return BigInt::one();
        }
        if count == 1 {
            return top.clone();
        }
        let half = count / 2;
        rec(top, half) * rec(&(top - BigInt::from(half)), count - half)
    }
    rec(n, k)
}

pub fn math_perm(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let pos = args.range("perm", 1, 2)?;
    let n = index_bigint(vm, &pos[0])?;
    let k = match pos.get(1) {
        Some(k) if !k.is_none() => index_bigint(vm, k)?,
        _ => {
            return math_factorial(vm, Args::positional_only(&pos[..1]));
        }
    };
    if n.is_negative() {
        return Err(PyErr::value_error("n must be a non-negative integer"));
    }
    if k.is_negative() {
        return Err(PyErr::value_error("k must be a non-negative integer"));
    }
    if k > n {
        return Ok(vm.new_int(0));
    }
    let Some(k) = k.to_u64().filter(|k| *k <= i64::MAX as u64) else {
        return Err(PyErr::overflow_error(format!(
            "k must not exceed {}",
            i64::MAX
        )));
    };
    Ok(vm.new_bigint(falling_product(&n, k)))
}

pub fn math_comb(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let pos = args.exact("comb", 2)?;
    let n = index_bigint(vm, &pos[0])?;
    let k = index_bigint(vm, &pos[1])?;
    if n.is_negative() {
        return Err(PyErr::value_error("n must be a non-negative integer"));
    }
    if k.is_negative() {
        return Err(PyErr::value_error("k must be a non-negative integer"));
    }
    let rest = &n - &k;
    if rest.is_negative() {
        return Ok(vm.new_int(0));
    }
    let k = if rest < k { rest } else { k };
    let Some(k) = k.to_u64().filter(|k| *k <= i64::MAX as u64) else {
        return Err(PyErr::overflow_error(format!(
            "min(n - k, k) must not exceed {}",
            i64::MAX
        )));
    };
    let result = falling_product(&n, k) / range_product(2, k + 1);
    Ok(vm.new_bigint(result))
}

/// A positive big int as `m * 2**e` with 0.5 <= m < 1, m correctly rounded (half even)
/// to 53 bits: CPython's `_PyLong_Frexp`.
pub fn bigint_frexp(n: &BigInt) -> (f64, u64) {
    let bits = n.bits();
    if bits <= 55 {
        let m = n.to_f64().unwrap_or(0.0);
        let (m, e) = super::sums::frexp(m);
        return (m, e.max(0) as u64);
    }
    // Keep 55 bits; the lowest one also records whether anything below was nonzero, so
    // converting the 55-bit integer to a double rounds exactly as the full value would.
    let shift = bits - 55;
    let (_, mag) = n.clone().into_parts();
    let top = &mag >> shift;
    let sticky = !(&mag - (&top << shift)).is_zero();
    let top = top.to_u64().unwrap_or(0) | u64::from(sticky);
    let mut m = top as f64 / f64::from_bits(0x4360_0000_0000_0000); // 2**55
    let mut e = bits;
    if m == 1.0 {
        m = 0.5;
        e += 1;
    }
    debug_assert!(n.sign() == Sign::Plus);
    (m, e)
}
