//! The operator dunders of `int`, `bool`, `float` and `complex` (`__add__`, `__radd__`,
//! `__eq__`, `__neg__`, `__hash__`, `__round__`...) and the arithmetic they share with the
//! numeric builtins in `number_builtins` (`round`, `divmod`, three-argument `pow`).
//!
//! The interpreter computes operators on exact builtin numbers without these methods; they
//! exist for user subclasses (which inherit them), explicit calls (`(5).__add__(1)`) and
//! `super()`. Each binary dunder applies the builtin operator (`Vm::builtin_binary`) when
//! the other operand is a number the receiver's type accepts, and returns NotImplemented
//! otherwise, exactly as CPython's slots do (`(5).__add__(1.5)` is NotImplemented).
//!
//! `round(x, n)` on floats is exact: the float is an exact binary fraction, so it is
//! scaled by a power of ten and rounded half-even with big-int arithmetic, then converted
//! back with correct rounding (the same result as CPython's dtoa-based rounding).

use num_bigint::BigInt;
use num_integer::Integer;
use num_traits::{One, Signed, Zero};

use crate::bytecode::{BinaryOp, CompareOp};
use crate::interp::args::Args;
use crate::object::{Payload, Value};
use crate::runtime::errors::{PyErr, PyResult};
use crate::runtime::numbers::{IntRef, as_float, as_int, float_divmod};
use crate::types::function::NativeFn;
use crate::vm::Vm;

use super::int_float::{exact_int, float_ratio, float_to_int, int_to_decimal};
use super::native_util::{descriptor_error, method_range};

/// Which number type a receiver is, which decides what operands it accepts.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    Int,
    Float,
    Complex,
}

pub(crate) fn kind_of(v: &Value) -> Option<Kind> {
    if as_int(v).is_some() {
        Some(Kind::Int)
    } else if as_float(v).is_some() {
        Some(Kind::Float)
    } else if matches!(v.payload(), Some(Payload::Complex(..))) {
        Some(Kind::Complex)
    } else {
        None
    }
}

fn accepts(kind: Kind, other: &Value) -> bool {
    match kind_of(other) {
        None => false,
        Some(Kind::Int) => true,
        Some(Kind::Float) => kind != Kind::Int,
        Some(Kind::Complex) => kind == Kind::Complex,
    }
}

fn recv_number<'a>(vm: &Vm, args: &Args<'a>, name: &str) -> PyResult<(&'a Value, Kind)> {
    let recv = super::native_util::receiver(args, name, "int")?;
    match kind_of(recv) {
        Some(k) => Ok((recv, k)),
        None => Err(descriptor_error(vm, name, "int", recv)),
    }
}

fn binary_dunder(
    vm: &mut Vm,
    args: &Args<'_>,
    name: &str,
    op: BinaryOp,
    reflected: bool,
) -> PyResult<Value> {
    let (recv, kind) = recv_number(vm, args, name)?;
    let a = method_range(args, name, 1, 1)?;
    let other = &a[0];
    if !accepts(kind, other) {
        return Ok(Value::NOT_IMPLEMENTED);
    }
    let bitwise = matches!(op, BinaryOp::And | BinaryOp::Or | BinaryOp::Xor);
    if bitwise && let (Some(x), Some(y)) = (recv.as_bool(), other.as_bool()) {
        return Ok(Value::from_bool(match op {
            BinaryOp::And => x & y,
            BinaryOp::Or => x | y,
            _ => x ^ y,
        }));
    }
    if kind == Kind::Complex || matches!(other.payload(), Some(Payload::Complex(..))) {
        let (x, y) = if reflected {
            (other, recv)
        } else {
            (recv, other)
        };
        return super::complex::complex_binary(vm, x, y, op);
    }
    if reflected {
        vm.builtin_binary(other, recv, op)
    } else {
        vm.builtin_binary(recv, other, op)
    }
}

macro_rules! binary_dunders {
    ($( $fwd:ident, $rev:ident, $name:literal, $rname:literal, $op:ident; )*) => {
        $(
            fn $fwd(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
                binary_dunder(vm, &args, $name, BinaryOp::$op, false)
            }
            fn $rev(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
                binary_dunder(vm, &args, $rname, BinaryOp::$op, true)
            }
        )*
        /// (name, function, int-only) for every binary dunder.
        const BINARY_DUNDERS: &[(&str, NativeFn, bool)] = &[
            $( ($name, $fwd, int_only(BinaryOp::$op)), ($rname, $rev, int_only(BinaryOp::$op)), )*
        ];
    };
}

const fn int_only(op: BinaryOp) -> bool {
    matches!(
        op,
        BinaryOp::And | BinaryOp::Or | BinaryOp::Xor | BinaryOp::LShift | BinaryOp::RShift
    )
}

binary_dunders! {
    num_add, num_radd, "__add__", "__radd__", Add;
    num_sub, num_rsub, "__sub__", "__rsub__", Subtract;
    num_mul, num_rmul, "__mul__", "__rmul__", Multiply;
    num_truediv, num_rtruediv, "__truediv__", "__rtruediv__", TrueDivide;
    num_floordiv, num_rfloordiv, "__floordiv__", "__rfloordiv__", FloorDivide;
    num_mod, num_rmod, "__mod__", "__rmod__", Remainder;
    num_and, num_rand, "__and__", "__rand__", And;
    num_or, num_ror, "__or__", "__ror__", Or;
    num_xor, num_rxor, "__xor__", "__rxor__", Xor;
    num_lshift, num_rlshift, "__lshift__", "__rlshift__", LShift;
    num_rshift, num_rrshift, "__rshift__", "__rrshift__", RShift;
}

fn compare_dunder(vm: &mut Vm, args: &Args<'_>, name: &str, op: CompareOp) -> PyResult<Value> {
    let (recv, kind) = recv_number(vm, args, name)?;
    let a = method_range(args, name, 1, 1)?;
    if !accepts(kind, &a[0])
        || (matches!(kind_of(&a[0]), Some(Kind::Complex)) && kind != Kind::Complex)
    {
        return Ok(Value::NOT_IMPLEMENTED);
    }
    match vm.builtin_compare(recv, &a[0], op)? {
        Some(b) => Ok(Value::from_bool(b)),
        None => Ok(Value::NOT_IMPLEMENTED),
    }
}

macro_rules! compare_dunders {
    ($( $f:ident, $name:literal, $op:ident; )*) => {
        $( fn $f(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
            compare_dunder(vm, &args, $name, CompareOp::$op)
        } )*
        const COMPARE_DUNDERS: &[(&str, NativeFn)] = &[ $( ($name, $f), )* ];
    };
}

compare_dunders! {
    num_eq, "__eq__", Eq;
    num_ne, "__ne__", Ne;
    num_lt, "__lt__", Lt;
    num_le, "__le__", Le;
    num_gt, "__gt__", Gt;
    num_ge, "__ge__", Ge;
}

pub fn install(vm: &mut Vm) {
    let int = vm.types.int.clone();
    let float = vm.types.float.clone();
    let complex = vm.types.complex.clone();
    let bool_ = vm.types.bool_.clone();
    for (name, f, int_only) in BINARY_DUNDERS {
        vm.add_method(&int, name, *f);
        if !int_only {
            vm.add_method(&float, name, *f);
        }
    }
    for name in [
        "__and__", "__rand__", "__or__", "__ror__", "__xor__", "__rxor__",
    ] {
        if let Some((_, f, _)) = BINARY_DUNDERS.iter().find(|(n, _, _)| *n == name) {
            vm.add_method(&bool_, name, *f);
        }
    }
    for name in [
        "__add__",
        "__radd__",
        "__sub__",
        "__rsub__",
        "__mul__",
        "__rmul__",
        "__truediv__",
        "__rtruediv__",
    ] {
        if let Some((_, f, _)) = BINARY_DUNDERS.iter().find(|(n, _, _)| *n == name) {
            vm.add_method(&complex, name, *f);
        }
    }
    for ty in [&int, &float, &complex] {
        for (name, f) in COMPARE_DUNDERS {
            vm.add_method(ty, name, *f);
        }
        let common: &[(&'static str, NativeFn)] = &[
            ("__pow__", num_pow),
            ("__rpow__", num_rpow),
            ("__neg__", num_neg),
            ("__pos__", num_pos),
            ("__abs__", num_abs),
            ("__bool__", num_bool),
            ("__hash__", num_hash),
            ("__repr__", num_repr),
            ("__str__", num_repr),
            ("conjugate", num_conjugate),
            ("__getnewargs__", num_getnewargs),
        ];
        for (name, f) in common {
            vm.add_method(ty, name, *f);
        }
    }
    for ty in [&int, &float] {
        let real: &[(&'static str, NativeFn)] = &[
            ("__divmod__", num_divmod),
            ("__rdivmod__", num_rdivmod),
            ("__int__", num_int),
            ("__float__", num_float),
            ("__trunc__", num_trunc),
            ("__floor__", num_floor),
            ("__ceil__", num_ceil),
            ("__round__", num_round),
        ];
        for (name, f) in real {
            vm.add_method(ty, name, *f);
        }
    }
    vm.add_method(&int, "__index__", num_index);
    vm.add_method(&int, "__invert__", num_invert);
    vm.add_method(&bool_, "__repr__", num_repr);
    vm.add_method(&bool_, "__str__", num_repr);
}

// ---------------------------------------------------------------------------------------
// Unary dunders

fn unary<'a>(vm: &Vm, args: &Args<'a>, name: &str) -> PyResult<(&'a Value, Kind)> {
    let r = recv_number(vm, args, name)?;
    method_range(args, name, 0, 0)?;
    Ok(r)
}

fn num_neg(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let (v, _) = unary(vm, &args, "__neg__")?;
    negate(vm, v)
}

fn negate(vm: &Vm, v: &Value) -> PyResult<Value> {
    if let Some(i) = as_int(v) {
        return Ok(match i.to_i64().and_then(i64::checked_neg) {
            Some(n) => vm.new_int(n),
            None => vm.new_bigint(-i.to_bigint()),
        });
    }
    if let Some(f) = as_float(v) {
        return Ok(vm.new_float(-f));
    }
    match v.payload() {
        Some(Payload::Complex(re, im)) => Ok(vm.new_complex(-re, -im)),
        _ => Ok(Value::NOT_IMPLEMENTED),
    }
}

fn num_pos(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let (v, _) = unary(vm, &args, "__pos__")?;
    exact_copy(vm, v)
}

/// The value as an exact builtin number (`+x`, `int(x)` of an int, `x.conjugate()`).
fn exact_copy(vm: &Vm, v: &Value) -> PyResult<Value> {
    if let Some(i) = as_int(v) {
        return Ok(exact_int(vm, &i));
    }
    if let Some(f) = as_float(v) {
        return Ok(vm.new_float(f));
    }
    match v.payload() {
        Some(Payload::Complex(re, im)) => Ok(vm.new_complex(*re, *im)),
        _ => Ok(Value::NOT_IMPLEMENTED),
    }
}

fn num_abs(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let (v, _) = unary(vm, &args, "__abs__")?;
    abs_number(vm, v)
}

/// `abs()` of a builtin number; NotImplemented for anything else.
pub(crate) fn abs_number(vm: &Vm, v: &Value) -> PyResult<Value> {
    if let Some(i) = as_int(v) {
        return Ok(match i.to_i64().and_then(i64::checked_abs) {
            Some(n) => vm.new_int(n),
            None => vm.new_bigint(i.to_bigint().abs()),
        });
    }
    if let Some(f) = as_float(v) {
        return Ok(vm.new_float(f.abs()));
    }
    match v.payload() {
        Some(Payload::Complex(re, im)) => Ok(vm.new_float(super::complex::complex_abs(*re, *im)?)),
        _ => Ok(Value::NOT_IMPLEMENTED),
    }
}

fn num_invert(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let (v, _) = unary(vm, &args, "__invert__")?;
    match as_int(v) {
        Some(IntRef::Small(n)) => Ok(vm.new_int(!n)),
        Some(IntRef::Big(b)) => Ok(vm.new_bigint(!b.clone())),
        None => Ok(Value::NOT_IMPLEMENTED),
    }
}

fn num_bool(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let (v, _) = unary(vm, &args, "__bool__")?;
    let b = match (as_int(v), as_float(v), v.payload()) {
        (Some(i), _, _) => !i.is_zero(),
        (_, Some(f), _) => f != 0.0,
        (_, _, Some(Payload::Complex(re, im))) => *re != 0.0 || *im != 0.0,
        _ => true,
    };
    Ok(Value::from_bool(b))
}

fn num_hash(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let (v, _) = unary(vm, &args, "__hash__")?;
    use crate::text::hash as th;
    let h = if let Some(i) = as_int(v) {
        match i {
            IntRef::Small(n) => th::hash_i64(n),
            IntRef::Big(b) => th::hash_int(b),
        }
    } else if let Some(f) = as_float(v) {
        th::hash_float(f).unwrap_or_else(|| crate::runtime::hashing::pointer_hash(v))
    } else if let Some(Payload::Complex(re, im)) = v.payload() {
        let hr = th::hash_float(*re).unwrap_or(0);
        let hi = th::hash_float(*im).unwrap_or(0);
        let h = hr.wrapping_add(1000003i64.wrapping_mul(hi));
        if h == -1 { -2 } else { h }
    } else {
        0
    };
    Ok(vm.new_int(h))
}

fn num_repr(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let v = super::native_util::receiver(&args, "__repr__", "int")?;
    method_range(&args, "__repr__", 0, 0)?;
    Ok(vm.new_string(number_repr(vm, v)?))
}

/// `repr()` of a builtin number (bool, int, float, complex; subclasses by value).
pub fn number_repr(vm: &Vm, v: &Value) -> PyResult<String> {
    if let Some(b) = v.as_bool() {
        return Ok(if b { "True" } else { "False" }.to_string());
    }
    if let Some(i) = as_int(v) {
        return match i {
            IntRef::Small(n) => Ok(n.to_string()),
            IntRef::Big(b) => int_to_decimal(vm, b),
        };
    }
    if let Some(f) = as_float(v) {
        return Ok(crate::text::float_repr::float_repr(f));
    }
    if let Some(Payload::Complex(re, im)) = v.payload() {
        return Ok(super::complex::complex_repr(*re, *im));
    }
    Err(descriptor_error(vm, "__repr__", "int", v))
}

fn num_conjugate(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let (v, _) = unary(vm, &args, "conjugate")?;
    if let Some(Payload::Complex(re, im)) = v.payload() {
        return Ok(vm.new_complex(*re, -im));
    }
    exact_copy(vm, v)
}

fn num_getnewargs(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let (v, kind) = unary(vm, &args, "__getnewargs__")?;
    if kind == Kind::Complex
        && let Some(Payload::Complex(re, im)) = v.payload()
    {
        let (re, im) = (vm.new_float(*re), vm.new_float(*im));
        return Ok(vm.new_tuple(vec![re, im]));
    }
    let copy = exact_copy(vm, v)?;
    Ok(vm.new_tuple(vec![copy]))
}

fn num_int(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let (v, _) = unary(vm, &args, "__int__")?;
    to_int_value(vm, v, |f| f.trunc())
}

fn num_index(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let (v, _) = unary(vm, &args, "__index__")?;
    exact_copy(vm, v)
}

fn num_float(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let (v, _) = unary(vm, &args, "__float__")?;
    if let Some(i) = as_int(v) {
        let f = crate::runtime::numbers::int_to_f64(&i)?;
        return Ok(vm.new_float(f));
    }
    exact_copy(vm, v)
}

/// An int from an int or (rounded by `f`) float receiver.
fn to_int_value(vm: &Vm, v: &Value, f: impl Fn(f64) -> f64) -> PyResult<Value> {
    if let Some(i) = as_int(v) {
        return Ok(exact_int(vm, &i));
    }
    match as_float(v) {
        Some(x) => Ok(vm.new_bigint(float_to_int(f(x))?)),
        None => Ok(Value::NOT_IMPLEMENTED),
    }
}

fn num_trunc(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let (v, _) = unary(vm, &args, "__trunc__")?;
    to_int_value(vm, v, f64::trunc)
}

fn num_floor(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let (v, _) = unary(vm, &args, "__floor__")?;
    to_int_value(vm, v, f64::floor)
}

fn num_ceil(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let (v, _) = unary(vm, &args, "__ceil__")?;
    to_int_value(vm, v, f64::ceil)
}

fn num_round(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let (v, _) = recv_number(vm, &args, "__round__")?;
    let a = method_range(&args, "__round__", 0, 1)?;
    let nd = match a.first() {
        Some(n) if !n.is_none() => Some(vm.index_value(n)?),
        _ => None,
    };
    round_number(vm, v, nd.as_ref())
}

fn num_divmod(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let (v, kind) = recv_number(vm, &args, "__divmod__")?;
    let a = method_range(&args, "__divmod__", 1, 1)?;
    if !accepts(kind, &a[0]) {
        return Ok(Value::NOT_IMPLEMENTED);
    }
    divmod_numbers(vm, v, &a[0])
}

fn num_rdivmod(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let (v, kind) = recv_number(vm, &args, "__rdivmod__")?;
    let a = method_range(&args, "__rdivmod__", 1, 1)?;
    if !accepts(kind, &a[0]) {
        return Ok(Value::NOT_IMPLEMENTED);
    }
    divmod_numbers(vm, &a[0], v)
}

fn num_pow(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let (v, kind) = recv_number(vm, &args, "__pow__")?;
    let a = method_range(&args, "__pow__", 1, 2)?;
    if !accepts(kind, &a[0]) {
        return Ok(Value::NOT_IMPLEMENTED);
    }
    match a.get(1) {
        Some(m) if !m.is_none() => pow3(vm, v, &a[0], m),
        _ => binary_dunder(
            vm,
            &Args::positional_only(&[v.clone(), a[0].clone()]),
            "__pow__",
            BinaryOp::Power,
            false,
        ),
    }
}

fn num_rpow(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let (v, kind) = recv_number(vm, &args, "__rpow__")?;
    let a = method_range(&args, "__rpow__", 1, 2)?;
    if !accepts(kind, &a[0]) {
        return Ok(Value::NOT_IMPLEMENTED);
    }
    match a.get(1) {
        Some(m) if !m.is_none() => pow3(vm, &a[0], v, m),
        _ => binary_dunder(
            vm,
            &Args::positional_only(&[v.clone(), a[0].clone()]),
            "__rpow__",
            BinaryOp::Power,
            true,
        ),
    }
}

// ---------------------------------------------------------------------------------------
// round

/// `a / b` rounded half to even (b > 0).
fn div_round_half_even(a: &BigInt, b: &BigInt) -> BigInt {
    let (q, r) = a.div_mod_floor(b);
    let twice = &r * 2u32;
    if twice > *b || (twice == *b && q.is_odd()) {
        q + 1u32
    } else {
        q
    }
}

/// `round(v, ndigits)` for builtin ints and floats (`ndigits` None means "to an int").
pub(crate) fn round_number(vm: &Vm, v: &Value, ndigits: Option<&Value>) -> PyResult<Value> {
    let nd = match ndigits {
        None => None,
        Some(n) => Some(match as_int(n) {
            Some(i) => i
                .to_i64()
                .unwrap_or(if i.is_negative() { i64::MIN } else { i64::MAX }),
            None => {
                return Err(PyErr::type_error(format!(
                    "'{}' object cannot be interpreted as an integer",
                    vm.type_name(n)
                )));
            }
        }),
    };
    if let Some(i) = as_int(v) {
        return match nd {
            Some(n) if n < 0 => {
                let p =
                    num_traits::pow(BigInt::from(10u32), n.unsigned_abs().min(1 << 20) as usize);
                let q = div_round_half_even(&i.to_bigint(), &p);
                Ok(vm.new_bigint(q * p))
            }
            _ => Ok(exact_int(vm, &i)),
        };
    }
    let Some(x) = as_float(v) else {
        return Ok(Value::NOT_IMPLEMENTED);
    };
    let Some(n) = nd else {
        return Ok(vm.new_bigint(float_to_int(x.round_ties_even())?));
    };
    Ok(vm.new_float(round_float(x, n)?))
}

/// `round(x, n)` for a float, exactly as CPython rounds it.
pub fn round_float(x: f64, n: i64) -> PyResult<f64> {
    if !x.is_finite() || x == 0.0 || n > 323 {
        return Ok(x);
    }
    if n < -308 {
        return Ok(0.0f64.copysign(x));
    }
    let (num, den) = float_ratio(x)?;
    let p = num_traits::pow(BigInt::from(10u32), n.unsigned_abs() as usize);
    let too_large = || PyErr::overflow_error("rounded value too large to represent");
    let r = if n >= 0 {
        let q = div_round_half_even(&(num * &p), &den);
        if q.is_zero() {
            0.0
        } else {
            crate::runtime::numbers::int_true_divide(&IntRef::Big(&q), &IntRef::Big(&p))
                .map_err(|_| too_large())?
        }
    } else {
        let q = div_round_half_even(&num, &(den * &p));
        crate::runtime::numbers::bigint_to_f64(&(q * p)).map_err(|_| too_large())?
    };
    Ok(if r == 0.0 { 0.0f64.copysign(x) } else { r })
}

// ---------------------------------------------------------------------------------------
// abs, divmod, pow

/// `divmod(a, b)` for two builtin real numbers.
pub(crate) fn divmod_numbers(vm: &Vm, a: &Value, b: &Value) -> PyResult<Value> {
    if let (Some(x), Some(y)) = (as_int(a), as_int(b)) {
        if let (IntRef::Small(p), IntRef::Small(q)) = (&x, &y)
            && *q != 0
            && !(*p == i64::MIN && *q == -1)
        {
            let (d, m) = p.div_mod_floor(q);
            return Ok(vm.new_tuple(vec![vm.new_int(d), vm.new_int(m)]));
        }
        let (d, m) = super::int_float::int_divmod(&x.to_bigint(), &y.to_bigint())?;
        return Ok(vm.new_tuple(vec![vm.new_bigint(d), vm.new_bigint(m)]));
    }
    let to_f = |v: &Value| -> PyResult<Option<f64>> {
        if let Some(f) = as_float(v) {
            return Ok(Some(f));
        }
        match as_int(v) {
            Some(i) => crate::runtime::numbers::int_to_f64(&i).map(Some),
            None => Ok(None),
        }
    };
    match (to_f(a)?, to_f(b)?) {
        (Some(x), Some(y)) => {
            if y == 0.0 {
                return Err(PyErr::zero_division("float divmod()"));
            }
            let (d, m) = float_divmod(x, y);
            Ok(vm.new_tuple(vec![vm.new_float(d), vm.new_float(m)]))
        }
        _ => Ok(Value::NOT_IMPLEMENTED),
    }
}

/// The inverse of `a` modulo `m` (`m > 0`).
fn mod_inverse(a: &BigInt, m: &BigInt) -> PyResult<BigInt> {
    let (mut old_r, mut r) = (a.mod_floor(m), m.clone());
    let (mut old_s, mut s) = (BigInt::one(), BigInt::zero());
    while !r.is_zero() {
        let q = &old_r / &r;
        let next_r = &old_r - &q * &r;
        old_r = std::mem::replace(&mut r, next_r);
        let next_s = &old_s - &q * &s;
        old_s = std::mem::replace(&mut s, next_s);
    }
    if !old_r.is_one() {
        return Err(PyErr::value_error(
            "base is not invertible for the given modulus",
        ));
    }
    Ok(old_s.mod_floor(m))
}

/// Three-argument `pow(base, exp, mod)`.
pub(crate) fn pow3(vm: &mut Vm, base: &Value, exp: &Value, modulus: &Value) -> PyResult<Value> {
    let (Some(b), Some(e), Some(m)) = (as_int(base), as_int(exp), as_int(modulus)) else {
        let all_numbers = [base, exp, modulus].iter().all(|v| kind_of(v).is_some());
        let any_complex = [base, exp, modulus]
            .iter()
            .any(|v| kind_of(v) == Some(Kind::Complex));
        if all_numbers && any_complex {
            return Err(PyErr::value_error("complex modulo"));
        }
        if all_numbers {
            return Err(PyErr::type_error(
                "pow() 3rd argument not allowed unless all arguments are integers",
            ));
        }
        if let Some(f) = vm.lookup_special(base, "__pow__")
            && kind_of(base).is_none()
        {
            let r = vm.call(&f, &[base.clone(), exp.clone(), modulus.clone()])?;
            if !r.is(&Value::NOT_IMPLEMENTED) {
                return Ok(r);
            }
        }
        return Err(PyErr::type_error(format!(
            "unsupported operand type(s) for ** or pow(): '{}', '{}', '{}'",
            vm.type_name(base),
            vm.type_name(exp),
            vm.type_name(modulus)
        )));
    };
    let m = m.to_bigint();
    if m.is_zero() {
        return Err(PyErr::value_error("pow() 3rd argument cannot be 0"));
    }
    let am = m.abs();
    let mut b = b.to_bigint().mod_floor(&am);
    let mut e = e.to_bigint();
    if e.is_negative() {
        b = mod_inverse(&b, &am)?;
        e = -e;
    }
    let mut r = b.modpow(&e, &am);
    if m.is_negative() && !r.is_zero() {
        r += &m;
    }
    Ok(vm.new_bigint(r))
}
