//! `_decimal_core`: the per-digit kernels of the frozen `decimal` module — counting the
//! decimal digits of a coefficient and dropping low digits under one of the eight rounding
//! modes — with machine-word fast paths and big-int fallbacks.

use num_bigint::BigInt;
use num_integer::Integer;
use num_traits::{ToPrimitive, Zero};

use crate::interp::args::Args;
use crate::object::Value;
use crate::runtime::errors::{PyErr, PyResult};
use crate::runtime::numbers::{IntRef, as_int};
use crate::types::function::NativeFn;
use crate::types::typeobj::type_flags;
use crate::vm::Vm;

/// Creates the `_decimal_core` module.
pub fn create(vm: &mut Vm) -> PyResult<Value> {
    let dict = vm.new_dict();
    let module = vm.new_module("_decimal_core", dict.clone());
    let functions: [(&'static str, NativeFn); 3] = [
        ("ndigits", ndigits),
        ("round_coefficient", round_coefficient),
        ("mark_extension_type", mark_extension_type),
    ];
    for (name, f) in functions {
        let fv = vm.new_builtin_function(name, f, module.clone());
        vm.set_item_str(&dict, name, fv)?;
    }
    Ok(module)
}

/// The rounding modes, numbered as `decimal._ROUNDINGS` numbers them.
#[derive(Clone, Copy)]
enum Rounding {
    Up,
    Down,
    Ceiling,
    Floor,
    HalfUp,
    HalfDown,
    HalfEven,
    ZeroFiveUp,
}

impl Rounding {
    fn from_code(code: i64) -> Option<Rounding> {
        Some(match code {
            0 => Rounding::Up,
            1 => Rounding::Down,
            2 => Rounding::Ceiling,
            3 => Rounding::Floor,
            4 => Rounding::HalfUp,
            5 => Rounding::HalfDown,
            6 => Rounding::HalfEven,
            7 => Rounding::ZeroFiveUp,
            _ => return None,
        })
    }

    /// Whether the kept part grows by one, given how the dropped part compares with half
    /// a unit (`half`: Less/Equal/Greater), whether it is nonzero, the kept part's last
    /// digit and the sign of the number.
    fn increments(
        self,
        half: std::cmp::Ordering,
        nonzero: bool,
        last_digit: u32,
        negative: bool,
    ) -> bool {
        use std::cmp::Ordering::*;
        match self {
            Rounding::Up => nonzero,
            Rounding::Down => false,
            Rounding::Ceiling => nonzero && !negative,
            Rounding::Floor => nonzero && negative,
            Rounding::HalfUp => half != Less,
            Rounding::HalfDown => half == Greater,
            Rounding::HalfEven => half == Greater || (half == Equal && last_digit % 2 == 1),
            Rounding::ZeroFiveUp => nonzero && (last_digit == 0 || last_digit == 5),
        }
    }
}

fn int_arg<'a>(args: &'a Args<'_>, i: usize, fname: &str) -> PyResult<IntRef<'a>> {
    args.values
        .get(i)
        .and_then(as_int)
        .ok_or_else(|| PyErr::type_error(format!("{fname}() expects int arguments")))
}

/// Digits of a non-negative `u128` (0 has one digit).
fn digits_u128(n: u128) -> u64 {
    if n == 0 { 1 } else { u64::from(n.ilog10()) + 1 }
}

/// Digits of |n| for a big int.
fn digits_big(n: &BigInt) -> u64 {
    if let Some(small) = n.magnitude().to_u128() {
        return digits_u128(small);
    }
    let bits = n.bits();
    // floor((bits - 1) * log10(2)) + 1 is the digit count or one less than it
    let estimate = ((bits - 1) as f64 * std::f64::consts::LOG10_2).floor() as u64 + 1;
    let power = num_traits::pow(BigInt::from(10u32), estimate as usize);
    if n.magnitude() >= power.magnitude() {
        estimate + 1
    } else {
        estimate
    }
}

/// `ndigits(n)`: the number of decimal digits of |n| (1 for zero).
fn ndigits(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let n = int_arg(&args, 0, "ndigits")?;
    let count = match n {
        IntRef::Small(i) => digits_u128(u128::from(i.unsigned_abs())),
        IntRef::Big(b) => digits_big(b),
    };
    Ok(vm.new_int(count as i64))
}

/// `round_coefficient(coeff, drop, mode, sign)`: `coeff` (non-negative) with its `drop`
/// low digits removed under rounding `mode`; returns `(kept, inexact)`. The kept part may
/// gain a digit (999 → 1000); the caller renormalizes.
fn round_coefficient(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let coeff = int_arg(&args, 0, "round_coefficient")?;
    let drop = int_arg(&args, 1, "round_coefficient")?
        .to_i64()
        .filter(|d| *d >= 0)
        .ok_or_else(|| PyErr::value_error("round_coefficient: bad digit count"))?;
    let mode = int_arg(&args, 2, "round_coefficient")?
        .to_i64()
        .and_then(Rounding::from_code)
        .ok_or_else(|| PyErr::value_error("round_coefficient: bad rounding mode"))?;
    let negative = int_arg(&args, 3, "round_coefficient")?
        .to_i64()
        .is_some_and(|s| s != 0);
    let (kept, inexact) = match (&coeff, drop) {
        (IntRef::Small(c), 0..=19) if *c >= 0 => {
            let (k, inexact) = round_u128(*c as u128, drop as u32, mode, negative);
            (vm.new_bigint(BigInt::from(k)), inexact)
        }
        _ => {
            let big = coeff.to_bigint();
            let (k, inexact) = round_big(&big, drop, mode, negative);
            (vm.new_bigint(k), inexact)
        }
    };
    let flag = Value::from_bool(inexact);
    Ok(vm.new_tuple(vec![kept, flag]))
}

fn round_u128(coeff: u128, drop: u32, mode: Rounding, negative: bool) -> (u128, bool) {
    if drop == 0 {
        return (coeff, false);
    }
    let unit = 10u128.pow(drop);
    let (q, r) = (coeff / unit, coeff % unit);
    let half = (2 * r).cmp(&unit);
    let inc = mode.increments(half, r != 0, (q % 10) as u32, negative);
    (q + u128::from(inc), r != 0)
}

fn round_big(coeff: &BigInt, drop: i64, mode: Rounding, negative: bool) -> (BigInt, bool) {
    if drop == 0 {
        return (coeff.clone(), false);
    }
    let coeff_digits = digits_big(coeff);
    if drop as u64 > coeff_digits {
        // everything is dropped and the dropped part is below half a unit
        let nonzero = !coeff.is_zero();
        let inc = mode.increments(std::cmp::Ordering::Less, nonzero, 0, negative);
        return (BigInt::from(u8::from(inc)), nonzero);
    }
    let unit = num_traits::pow(BigInt::from(10u32), drop as usize);
    let (q, r) = coeff.div_rem(&unit);
    let half = (&r * 2u32).cmp(&unit);
    let last = (&q % 10u32).to_u32().unwrap_or(0);
    let nonzero = !r.is_zero();
    let inc = mode.increments(half, nonzero, last, negative);
    (if inc { q + 1u32 } else { q }, nonzero)
}

/// `mark_extension_type(cls)`: error messages name `cls` as `module.Name`, as CPython
/// names the C types `decimal.Decimal` and `decimal.Context`.
fn mark_extension_type(_vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let data = args
        .values
        .first()
        .and_then(|v| v.as_type_data())
        .ok_or_else(|| PyErr::type_error("mark_extension_type() expects a class"))?;
    data.flags
        .set(data.flags.get() | type_flags::MODULE_QUALIFIED_NAME);
    Ok(Value::NONE)
}
