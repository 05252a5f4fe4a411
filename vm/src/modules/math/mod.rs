//! The `math` module, with CPython 3.14's results to the last bit and its exception
//! types and messages. Functions that wrap a C libm function call the same platform libm
//! through `std` (or, where `std` does not, glibc's algorithm in `libm.rs`); functions
//! CPython computes itself (`gamma`, `lgamma`, `fsum`, `hypot`, `dist`, `sumprod`,
//! `remainder`, `nextafter`...) follow its algorithms step for step.
//!
//! 3.14 names the bad input in domain errors (`math.sqrt(-1)`: "expected a nonnegative
//! input, got -1.0", where 3.13 said "math domain error"); this module follows 3.14.

mod gamma;
mod integer;
pub mod libm;
pub mod sums;

use num_traits::ToPrimitive;

use crate::bytecode::BinaryOp;
use crate::interp::args::{ArgSpec, Args};
use crate::object::Value;
use crate::runtime::errors::{ExcKind, PyErr, PyResult};
use crate::runtime::numbers::{as_float, as_int};
use crate::text::float_repr::float_repr;
use crate::types::function::NativeFn;
use crate::vm::Vm;

use gamma::MathErr;
use sums::{ExactSum, FsumError, TripleLength};

/// Creates the `math` module.
pub fn create(vm: &mut Vm) -> PyResult<Value> {
    let dict = vm.new_dict();
    let module = vm.new_module("math", dict.clone());
    for (name, f) in FUNCTIONS {
        let fv = vm.new_builtin_function(name, *f, module.clone());
        vm.set_item_str(&dict, name, fv)?;
    }
    let constants = [
        ("pi", std::f64::consts::PI),
        ("e", std::f64::consts::E),
        ("tau", std::f64::consts::TAU),
        ("inf", f64::INFINITY),
        ("nan", f64::NAN),
    ];
    for (name, value) in constants {
        let v = vm.new_float(value);
        vm.set_item_str(&dict, name, v)?;
    }
    Ok(module)
}

const FUNCTIONS: &[(&str, NativeFn)] = &[
    ("acos", math_acos),
    ("acosh", math_acosh),
    ("asin", math_asin),
    ("asinh", math_asinh),
    ("atan", math_atan),
    ("atan2", math_atan2),
    ("atanh", math_atanh),
    ("cbrt", math_cbrt),
    ("ceil", math_ceil),
    ("comb", integer::math_comb),
    ("copysign", math_copysign),
    ("cos", math_cos),
    ("cosh", math_cosh),
    ("degrees", math_degrees),
    ("dist", math_dist),
    ("erf", math_erf),
    ("erfc", math_erfc),
    ("exp", math_exp),
    ("exp2", math_exp2),
    ("expm1", math_expm1),
    ("fabs", math_fabs),
    ("factorial", integer::math_factorial),
    ("floor", math_floor),
    ("fma", math_fma),
    ("fmod", math_fmod),
    ("frexp", math_frexp),
    ("fsum", math_fsum),
    ("gamma", math_gamma),
    ("gcd", integer::math_gcd),
    ("hypot", math_hypot),
    ("isclose", math_isclose),
    ("isfinite", math_isfinite),
    ("isinf", math_isinf),
    ("isnan", math_isnan),
    ("isqrt", integer::math_isqrt),
    ("lcm", integer::math_lcm),
    ("ldexp", math_ldexp),
    ("lgamma", math_lgamma),
    ("log", math_log),
    ("log10", math_log10),
    ("log1p", math_log1p),
    ("log2", math_log2),
    ("modf", math_modf),
    ("nextafter", math_nextafter),
    ("perm", integer::math_perm),
    ("pow", math_pow),
    ("prod", math_prod),
    ("radians", math_radians),
    ("remainder", math_remainder),
    ("sin", math_sin),
    ("sinh", math_sinh),
    ("sqrt", math_sqrt),
    ("sumprod", math_sumprod),
    ("tan", math_tan),
    ("tanh", math_tanh),
    ("trunc", math_trunc),
    ("ulp", math_ulp),
];

/// The single argument of a one-argument function (`METH_O`), with CPython's messages.
fn one_arg<'a>(args: &Args<'a>, name: &str) -> PyResult<&'a Value> {
    match args.values {
        [v] if args.kwnames.is_empty() => Ok(v),
        _ => Ok(&args.exact(&format!("math.{name}"), 1)?[0]),
    }
}

/// A float argument (`PyFloat_AsDouble`: floats, then `__float__`, then `__index__`).
#[inline]
fn float_arg(vm: &mut Vm, v: &Value) -> PyResult<f64> {
    match as_float(v) {
        Some(f) => Ok(f),
        None => vm.to_f64(v),
    }
}

fn range_error() -> PyErr {
    PyErr::overflow_error("math range error")
}

fn domain_error() -> PyErr {
    PyErr::value_error("math domain error")
}

/// 3.14's domain error naming the input: `template` holds one `{}` for `repr(x)`.
fn domain_error_for(template: &str, x: f64) -> PyErr {
    PyErr::value_error(template.replacen("{}", &float_repr(x), 1))
}

/// A one-argument libm function with CPython's `math_1` error rules: a NaN from a
/// non-NaN or an infinity from a finite input is a domain error (or, when the function
/// can overflow, an infinity is a range error).
fn math_1(
    vm: &mut Vm,
    args: &Args<'_>,
    name: &str,
    func: fn(f64) -> f64,
    can_overflow: bool,
    domain_msg: Option<&str>,
) -> PyResult<Value> {
    let x = float_arg(vm, one_arg(args, name)?)?;
    let r = func(x);
    let domain = if r.is_nan() && !x.is_nan() {
        true
    } else if r.is_infinite() && x.is_finite() {
        if can_overflow {
            return Err(range_error());
        }
        true
    } else {
        false
    };
    if domain {
        return Err(match domain_msg {
            Some(m) => domain_error_for(m, x),
            None => domain_error(),
        });
    }
    Ok(vm.new_float(r))
}

macro_rules! func1 {
    ($fname:ident, $name:literal, $func:expr, $can_overflow:expr, $msg:expr) => {
        fn $fname(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
            math_1(vm, &args, $name, $func, $can_overflow, $msg)
        }
    };
}

const MSG_RANGE_1: Option<&str> = Some("expected a number in range from -1 up to 1, got {}");
const MSG_FINITE: Option<&str> = Some("expected a finite input, got {}");

func1!(math_acos, "acos", f64::acos, false, MSG_RANGE_1);
func1!(
    math_acosh,
    "acosh",
    libm::acosh,
    false,
    Some("expected argument value not less than 1, got {}")
);
func1!(math_asin, "asin", f64::asin, false, MSG_RANGE_1);
func1!(math_asinh, "asinh", libm::asinh, false, None);
func1!(math_atan, "atan", f64::atan, false, None);
func1!(
    math_atanh,
    "atanh",
    libm::atanh,
    false,
    Some("expected a number between -1 and 1, got {}")
);
func1!(math_cbrt, "cbrt", libm::cbrt, false, None);
func1!(math_cos, "cos", f64::cos, false, MSG_FINITE);
func1!(math_cosh, "cosh", f64::cosh, true, None);
// erf and erfc cannot fail: erfc's underflow is below the 1.5 threshold of `is_error`.
func1!(math_erf, "erf", libm::erf, false, None);
func1!(math_erfc, "erfc", libm::erfc, false, None);
func1!(math_exp, "exp", f64::exp, true, None);
func1!(math_exp2, "exp2", f64::exp2, true, None);
func1!(math_expm1, "expm1", f64::exp_m1, true, None);
func1!(math_fabs, "fabs", f64::abs, false, None);
func1!(
    math_log1p,
    "log1p",
    // C's log1p keeps the sign of a zero, and so does Rust's.
    f64::ln_1p,
    false,
    Some("expected argument value > -1, got {}")
);
func1!(math_sin, "sin", f64::sin, false, MSG_FINITE);
func1!(math_sinh, "sinh", f64::sinh, true, None);
func1!(
    math_sqrt,
    "sqrt",
    f64::sqrt,
    false,
    Some("expected a nonnegative input, got {}")
);
func1!(math_tan, "tan", f64::tan, false, MSG_FINITE);
func1!(math_tanh, "tanh", f64::tanh, false, None);

/// degrees and radians are plain products: an overflow to infinity is no error.
fn math_degrees(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let x = float_arg(vm, one_arg(&args, "degrees")?)?;
    Ok(vm.new_float(x * (180.0 / std::f64::consts::PI)))
}

fn math_radians(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let x = float_arg(vm, one_arg(&args, "radians")?)?;
    Ok(vm.new_float(x * (std::f64::consts::PI / 180.0)))
}

/// gamma and lgamma (CPython's `math_1a`: errors come from the errno the function sets).
fn math_1a(
    vm: &mut Vm,
    args: &Args<'_>,
    name: &str,
    func: fn(f64) -> Result<f64, (f64, MathErr)>,
) -> PyResult<Value> {
    let x = float_arg(vm, one_arg(args, name)?)?;
    match func(x) {
        Ok(r) => Ok(vm.new_float(r)),
        Err((_, MathErr::Domain)) => Err(domain_error_for(
            "expected a noninteger or positive integer, got {}",
            x,
        )),
        Err((r, MathErr::Range)) if r.abs() < 1.5 => Ok(vm.new_float(r)),
        Err(_) => Err(range_error()),
    }
}

fn math_gamma(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    math_1a(vm, &args, "gamma", gamma::tgamma)
}

fn math_lgamma(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    math_1a(vm, &args, "lgamma", gamma::lgamma)
}

/// Two float arguments, CPython's `math_2` (`copysign expected 2 arguments, got 1`).
fn two_floats(vm: &mut Vm, args: &Args<'_>, name: &str) -> PyResult<(f64, f64)> {
    let pos = args.exact(name, 2)?;
    let x = float_arg(vm, &pos[0])?;
    let y = float_arg(vm, &pos[1])?;
    Ok((x, y))
}

/// `math_2`'s error rules: NaN from non-NaNs is a domain error, an infinity from finite
/// inputs a range error.
fn math_2(vm: &mut Vm, args: &Args<'_>, name: &str, func: fn(f64, f64) -> f64) -> PyResult<Value> {
    let (x, y) = two_floats(vm, args, name)?;
    let r = func(x, y);
    if r.is_nan() && !x.is_nan() && !y.is_nan() {
        return Err(domain_error());
    }
    if r.is_infinite() && x.is_finite() && y.is_finite() {
        return Err(range_error());
    }
    Ok(vm.new_float(r))
}

fn math_atan2(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    math_2(vm, &args, "atan2", f64::atan2)
}

fn math_copysign(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    math_2(vm, &args, "copysign", f64::copysign)
}

fn math_remainder(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    math_2(vm, &args, "remainder", remainder)
}

/// IEEE 754 remainder: x - n*y for the integer n nearest x/y (ties to even), exact.
fn remainder(x: f64, y: f64) -> f64 {
    if x.is_finite() && y.is_finite() {
        if y == 0.0 {
            return f64::NAN;
        }
        let absx = x.abs();
        let absy = y.abs();
        let m = absx % absy;
        // Compare m with absy - m rather than 0.5*absy, which may not be representable.
        let c = absy - m;
        let r = if m < c {
            m
        } else if m > c {
            -c
        } else {
            // A tie: pick the even multiple (every step here is exact).
            m - 2.0 * ((0.5 * (absx - m)) % absy)
        };
        return 1.0f64.copysign(x) * r;
    }
    if x.is_nan() {
        return x;
    }
    if y.is_nan() {
        return y;
    }
    if x.is_infinite() {
        return f64::NAN;
    }
    x
}

fn math_fmod(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let (x, y) = two_floats(vm, &args, "fmod")?;
    if y.is_infinite() && x.is_finite() {
        return Ok(vm.new_float(x));
    }
    let r = x % y;
    if r.is_nan() && !x.is_nan() && !y.is_nan() {
        return Err(domain_error());
    }
    Ok(vm.new_float(r))
}

fn math_pow(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let (x, y) = two_floats(vm, &args, "pow")?;
    let r = if !x.is_finite() || !y.is_finite() {
        // IEEE special values, handled here as C99 Annex F says.
        if x.is_nan() {
            if y == 0.0 { 1.0 } else { x }
        } else if y.is_nan() {
            if x == 1.0 { 1.0 } else { y }
        } else if x.is_infinite() {
            let odd_y = y.is_finite() && (y.abs() % 2.0) == 1.0;
            if y > 0.0 {
                if odd_y { x } else { x.abs() }
            } else if y == 0.0 {
                1.0
            } else if odd_y {
                0.0f64.copysign(x)
            } else {
                0.0
            }
        } else if x.abs() == 1.0 {
            1.0
        } else if (y > 0.0 && x.abs() > 1.0) || (y < 0.0 && x.abs() < 1.0) {
            f64::INFINITY
        } else {
            0.0
        }
    } else {
        let r = x.powf(y);
        if r.is_nan() {
            return Err(domain_error());
        }
        if r.is_infinite() {
            // 0**negative is a pole; anything else overflowed.
            return Err(if x == 0.0 {
                domain_error()
            } else {
                range_error()
            });
        }
        r
    };
    Ok(vm.new_float(r))
}

fn math_fma(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let pos = args.exact("fma", 3)?;
    let x = float_arg(vm, &pos[0])?;
    let y = float_arg(vm, &pos[1])?;
    let z = float_arg(vm, &pos[2])?;
    let r = x.mul_add(y, z);
    if !r.is_finite() {
        if r.is_nan() {
            if !x.is_nan() && !y.is_nan() && !z.is_nan() {
                return Err(PyErr::value_error("invalid operation in fma"));
            }
        } else if x.is_finite() && y.is_finite() && z.is_finite() {
            return Err(PyErr::overflow_error("overflow in fma"));
        }
    }
    Ok(vm.new_float(r))
}

fn is_exact_float(vm: &Vm, v: &Value) -> bool {
    v.is_immediate_float() || (as_float(v).is_some() && vm.type_of(v).is(&vm.types.float))
}

/// floor and ceil: exact floats directly, otherwise `__floor__`/`__ceil__`, otherwise the
/// float value.
fn round_to_int(
    vm: &mut Vm,
    args: &Args<'_>,
    name: &str,
    special: &str,
    func: fn(f64) -> f64,
) -> PyResult<Value> {
    let v = one_arg(args, name)?;
    let x = if is_exact_float(vm, v) {
        as_float(v).unwrap_or(0.0)
    } else {
        if v.is_small_int() {
            return Ok(v.clone());
        }
        if let Some(m) = vm.lookup_special(v, special) {
            return vm.call(&m, &[v.clone()]);
        }
        vm.to_f64(v)?
    };
    float_to_int_value(vm, func(x))
}

fn float_to_int_value(vm: &mut Vm, x: f64) -> PyResult<Value> {
    if x.abs() < 9.0e15 {
        return Ok(vm.new_int(x as i64));
    }
    let b = crate::builtins::int_float::float_to_int(x)?;
    Ok(vm.new_bigint(b))
}

fn math_floor(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    round_to_int(vm, &args, "floor", "__floor__", f64::floor)
}

fn math_ceil(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    round_to_int(vm, &args, "ceil", "__ceil__", f64::ceil)
}

fn math_trunc(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let v = one_arg(&args, "trunc")?;
    if is_exact_float(vm, v) {
        return float_to_int_value(vm, as_float(v).unwrap_or(0.0).trunc());
    }
    if v.is_small_int() {
        return Ok(v.clone());
    }
    match vm.lookup_special(v, "__trunc__") {
        Some(m) => vm.call(&m, &[v.clone()]),
        None => Err(PyErr::type_error(format!(
            "type {} doesn't define __trunc__ method",
            vm.type_name(v)
        ))),
    }
}

fn math_frexp(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let x = float_arg(vm, one_arg(&args, "frexp")?)?;
    let (m, e) = sums::frexp(x);
    let items = vec![vm.new_float(m), vm.new_int(i64::from(e))];
    Ok(vm.new_tuple(items))
}

fn math_ldexp(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let pos = args.exact("ldexp", 2)?;
    let x = float_arg(vm, &pos[0])?;
    let Some(i) = as_int(&pos[1]) else {
        return Err(PyErr::type_error(
            "Expected an int as second argument to ldexp.",
        ));
    };
    // Exponents beyond a C long saturate (they overflow or underflow all the same).
    let exp = i
        .to_i64()
        .unwrap_or(if i.is_negative() { i64::MIN } else { i64::MAX });
    let r = if x == 0.0 || !x.is_finite() {
        x
    } else if exp > i64::from(i32::MAX) {
        return Err(range_error());
    } else if exp < i64::from(i32::MIN) {
        0.0f64.copysign(x)
    } else {
        let r = sums::ldexp(x, exp);
        if r.is_infinite() {
            return Err(range_error());
        }
        r
    };
    Ok(vm.new_float(r))
}

fn math_modf(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let x = float_arg(vm, one_arg(&args, "modf")?)?;
    let (frac, int) = if x.is_infinite() {
        (0.0f64.copysign(x), x)
    } else if x.is_nan() {
        (x, x)
    } else {
        let int = x.trunc();
        ((x - int).copysign(x), int)
    };
    let items = vec![vm.new_float(frac), vm.new_float(int)];
    Ok(vm.new_tuple(items))
}

fn bool_of_float(
    vm: &mut Vm,
    args: &Args<'_>,
    name: &str,
    pred: fn(f64) -> bool,
) -> PyResult<Value> {
    let x = float_arg(vm, one_arg(args, name)?)?;
    Ok(Value::from_bool(pred(x)))
}

fn math_isfinite(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    bool_of_float(vm, &args, "isfinite", f64::is_finite)
}

fn math_isinf(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    bool_of_float(vm, &args, "isinf", f64::is_infinite)
}

fn math_isnan(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    bool_of_float(vm, &args, "isnan", f64::is_nan)
}

/// `isclose`'s arguments as `math` and `cmath` both take them, converted in CPython's order:
/// the two operands by `operand`, then `rel_tol` and `abs_tol` by `to_real`, which must not be
/// negative.
pub(crate) struct IscloseArgs<T> {
    pub a: T,
    pub b: T,
    pub rel_tol: f64,
    pub abs_tol: f64,
}

pub(crate) fn bind_isclose<T>(
    vm: &mut Vm,
    args: &Args<'_>,
    operand: fn(&mut Vm, &Value) -> PyResult<T>,
    to_real: fn(&mut Vm, &Value) -> PyResult<f64>,
) -> PyResult<IscloseArgs<T>> {
    let npos = args.positional().len();
    if npos > 2 {
        return Err(PyErr::type_error(format!(
            "isclose() takes exactly 2 positional arguments ({npos} given)"
        )));
    }
    let bound = ArgSpec {
        fname: "isclose",
        names: &["a", "b", "rel_tol", "abs_tol"],
        posonly: 0,
        required: 2,
        kwonly_from: 2,
    }
    .bind(args)?;
    let a = operand(vm, &bound[0])?;
    let b = operand(vm, &bound[1])?;
    let rel_tol = if bound[2].is_null() {
        1e-9
    } else {
        to_real(vm, &bound[2])?
    };
    let abs_tol = if bound[3].is_null() {
        0.0
    } else {
        to_real(vm, &bound[3])?
    };
    if rel_tol < 0.0 || abs_tol < 0.0 {
        return Err(PyErr::value_error("tolerances must be non-negative"));
    }
    Ok(IscloseArgs {
        a,
        b,
        rel_tol,
        abs_tol,
    })
}

fn math_isclose(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let IscloseArgs {
        a,
        b,
        rel_tol,
        abs_tol,
    } = bind_isclose(vm, &args, float_arg, float_arg)?;
    if a == b {
        return Ok(Value::TRUE);
    }
    if a.is_infinite() || b.is_infinite() {
        return Ok(Value::FALSE);
    }
    let diff = (b - a).abs();
    let close = diff <= (rel_tol * b).abs() || diff <= (rel_tol * a).abs() || diff <= abs_tol;
    Ok(Value::from_bool(close))
}

fn math_nextafter(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let npos = args.positional().len();
    if npos != 2 {
        return Err(PyErr::type_error(format!(
            "nextafter() takes exactly 2 positional arguments ({npos} given)"
        )));
    }
    let bound = ArgSpec {
        fname: "nextafter",
        names: &["x", "y", "steps"],
        posonly: 2,
        required: 2,
        kwonly_from: 2,
    }
    .bind(&args)?;
    let x = float_arg(vm, &bound[0])?;
    let y = float_arg(vm, &bound[1])?;
    let steps = &bound[2];
    if steps.is_null() || steps.is_none() {
        return Ok(vm.new_float(next_after(x, y)));
    }
    let steps = integer::index_bigint(vm, steps)?;
    if steps.sign() == num_bigint::Sign::Minus {
        return Err(PyErr::value_error("steps must be a non-negative integer"));
    }
    let steps = steps.to_u64().unwrap_or(u64::MAX);
    Ok(vm.new_float(next_after_steps(x, y, steps)))
}

/// C's nextafter: the neighbour of x in the direction of y.
fn next_after(x: f64, y: f64) -> f64 {
    if x.is_nan() || y.is_nan() {
        return x + y;
    }
    if x == y {
        return y;
    }
    if x == 0.0 {
        return f64::from_bits(1).copysign(y);
    }
    let bits = x.to_bits();
    let away_from_zero = (y > x) == (x > 0.0);
    f64::from_bits(if away_from_zero { bits + 1 } else { bits - 1 })
}

/// `steps` applications of nextafter, in O(1) on the bit patterns (CPython's method).
fn next_after_steps(x: f64, y: f64, steps: u64) -> f64 {
    if steps == 0 || x.is_nan() {
        return x;
    }
    if y.is_nan() {
        return y;
    }
    let (ux, uy) = (x.to_bits(), y.to_bits());
    if ux == uy {
        return x;
    }
    let sign_bit = 1u64 << 63;
    let ax = ux & !sign_bit;
    let ay = uy & !sign_bit;
    if (ux ^ uy) & sign_bit != 0 {
        // Opposite signs: walk down to zero, then up on y's side.
        if ax + ay <= steps {
            y
        } else if ax < steps {
            f64::from_bits((uy & sign_bit) | (steps - ax))
        } else {
            f64::from_bits(ux - steps)
        }
    } else if ax > ay {
        if ax - ay >= steps {
            f64::from_bits(ux - steps)
        } else {
            y
        }
    } else if ay - ax >= steps {
        f64::from_bits(ux + steps)
    } else {
        y
    }
}

fn math_ulp(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let x = float_arg(vm, one_arg(&args, "ulp")?)?;
    let r = if x.is_nan() {
        x
    } else {
        let x = x.abs();
        if x.is_infinite() {
            x
        } else {
            let up = next_after(x, f64::INFINITY);
            if up.is_infinite() {
                x - next_after(x, f64::NEG_INFINITY)
            } else {
                up - x
            }
        }
    };
    Ok(vm.new_float(r))
}

fn math_fsum(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let seq = one_arg(&args, "fsum")?;
    let it = vm.iter(seq)?;
    let mut sum = ExactSum::default();
    while let Some(item) = vm.next(&it)? {
        let x = float_arg(vm, &item)?;
        sum.add(x).map_err(fsum_error)?;
    }
    let total = sum.total().map_err(fsum_error)?;
    Ok(vm.new_float(total))
}

fn fsum_error(e: FsumError) -> PyErr {
    match e {
        FsumError::IntermediateOverflow => PyErr::overflow_error("intermediate overflow in fsum"),
        FsumError::InfMinusInf => PyErr::value_error("-inf + inf in fsum"),
    }
}

/// Absolute values of floats for the vector norm, with their maximum and a NaN flag.
struct NormInput {
    values: Vec<f64>,
    max: f64,
    found_nan: bool,
}

impl NormInput {
    fn new() -> NormInput {
        NormInput {
            values: Vec::new(),
            max: 0.0,
            found_nan: false,
        }
    }

    fn push(&mut self, x: f64) {
        let x = x.abs();
        self.values.push(x);
        self.found_nan |= x.is_nan();
        if x > self.max {
            self.max = x;
        }
    }

    fn norm(mut self) -> f64 {
        sums::vector_norm(&mut self.values, self.max, self.found_nan)
    }
}

fn math_hypot(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    args.no_keywords("math.hypot")?;
    let mut input = NormInput::new();
    for v in args.positional() {
        let x = float_arg(vm, v)?;
        input.push(x);
    }
    Ok(vm.new_float(input.norm()))
}

/// The items of a tuple, or of any iterable (`PySequence_Tuple`).
fn tuple_items(vm: &mut Vm, v: &Value) -> PyResult<Vec<Value>> {
    if let Some(items) = v.as_tuple() {
        return Ok(items.to_vec());
    }
    let it = vm.iter(v)?;
    let mut out = Vec::new();
    while let Some(x) = vm.next(&it)? {
        out.push(x);
    }
    Ok(out)
}

fn math_dist(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let pos = args.exact("dist", 2)?;
    let p = tuple_items(vm, &pos[0])?;
    let q = tuple_items(vm, &pos[1])?;
    if p.len() != q.len() {
        return Err(PyErr::value_error(
            "both points must have the same number of dimensions",
        ));
    }
    let mut input = NormInput::new();
    for (a, b) in p.iter().zip(q.iter()) {
        let px = float_arg(vm, a)?;
        let qx = float_arg(vm, b)?;
        input.push(px - qx);
    }
    Ok(vm.new_float(input.norm()))
}

fn math_prod(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let pos = args.positional();
    if pos.len() != 1 {
        return Err(PyErr::type_error(format!(
            "prod() takes exactly 1 positional argument ({} given)",
            pos.len()
        )));
    }
    let mut start = None;
    for (name, v) in args.keywords() {
        if name != "start" {
            return Err(PyErr::type_error(format!(
                "prod() got an unexpected keyword argument '{name}'"
            )));
        }
        start = Some(v.clone());
    }
    let it = vm.iter(&pos[0])?;
    let mut result = start.unwrap_or_else(|| vm.new_int(1));
    // Products of small ints and of floats stay unboxed until something else turns up.
    if let Some(mut acc) = result.as_small_int() {
        loop {
            let Some(item) = vm.next(&it)? else {
                return Ok(vm.new_int(acc));
            };
            if let Some(p) = item.as_small_int().and_then(|b| acc.checked_mul(b)) {
                acc = p;
                continue;
            }
            let acc_value = vm.new_int(acc);
            result = vm.binary_op(&acc_value, &item, BinaryOp::Multiply)?;
            break;
        }
    }
    if is_exact_float(vm, &result) {
        let mut acc = as_float(&result).unwrap_or(1.0);
        loop {
            let Some(item) = vm.next(&it)? else {
                return Ok(vm.new_float(acc));
            };
            if is_exact_float(vm, &item) {
                acc *= as_float(&item).unwrap_or(1.0);
                continue;
            }
            if let Some(i) = item.as_small_int() {
                acc *= i as f64;
                continue;
            }
            let acc_value = vm.new_float(acc);
            result = vm.binary_op(&acc_value, &item, BinaryOp::Multiply)?;
            break;
        }
    }
    while let Some(item) = vm.next(&it)? {
        result = vm.binary_op(&result, &item, BinaryOp::Multiply)?;
    }
    Ok(result)
}

fn is_exact_int(vm: &Vm, v: &Value) -> bool {
    v.is_small_int() || (as_int(v).is_some() && !v.is_bool() && vm.type_of(v).is(&vm.types.int))
}

/// The float value of an int or bool for `sumprod`'s float path (None if too large).
fn int_as_float(vm: &Vm, v: &Value) -> Option<f64> {
    if !is_exact_int(vm, v) && !v.is_bool() {
        return None;
    }
    as_int(v).and_then(|i| crate::runtime::numbers::int_to_f64(&i).ok())
}

fn math_sumprod(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let pos = args.exact("sumprod", 2)?;
    let p_it = vm.iter(&pos[0])?;
    let q_it = vm.iter(&pos[1])?;
    let mut total = vm.new_int(0);
    let mut int_path = true;
    let mut int_total: i64 = 0;
    let mut int_in_use = false;
    let mut flt_path = true;
    let mut flt_total = TripleLength::default();
    let mut flt_in_use = false;
    loop {
        let p = vm.next(&p_it)?;
        let q = vm.next(&q_it)?;
        if p.is_some() != q.is_some() {
            return Err(PyErr::value_error("Inputs are not the same length"));
        }
        let pair = p.zip(q);
        if int_path {
            if let Some((p, q)) = &pair
                && is_exact_int(vm, p)
                && is_exact_int(vm, q)
            {
                let prod = as_int(p)
                    .and_then(|a| a.to_i64())
                    .zip(as_int(q).and_then(|b| b.to_i64()))
                    .and_then(|(a, b)| a.checked_mul(b))
                    .and_then(|ab| int_total.checked_add(ab));
                if let Some(t) = prod {
                    int_total = t;
                    int_in_use = true;
                    continue;
                }
            }
            int_path = false;
            if int_in_use {
                let term = vm.new_int(int_total);
                total = vm.binary_op(&total, &term, BinaryOp::Add)?;
                int_in_use = false;
            }
        }
        if flt_path {
            if let Some((p, q)) = &pair {
                let (pf, qf) = (is_exact_float(vm, p), is_exact_float(vm, q));
                let values = if pf && qf {
                    as_float(p).zip(as_float(q))
                } else if pf {
                    as_float(p).zip(int_as_float(vm, q))
                } else if qf {
                    int_as_float(vm, p).zip(as_float(q))
                } else {
                    None
                };
                if let Some((a, b)) = values {
                    let next = flt_total.add_product(a, b);
                    if next.hi.is_finite() {
                        flt_total = next;
                        flt_in_use = true;
                        continue;
                    }
                }
            }
            flt_path = false;
            if flt_in_use {
                let term = vm.new_float(flt_total.to_f64());
                total = vm.binary_op(&total, &term, BinaryOp::Add)?;
                flt_in_use = false;
            }
        }
        let Some((p, q)) = pair else {
            return Ok(total);
        };
        let term = vm.binary_op(&p, &q, BinaryOp::Multiply)?;
        total = vm.binary_op(&total, &term, BinaryOp::Add)?;
    }
}

/// The logarithm of a positive finite float (or the special values) for `log`, `log2`
/// and `log10`: C's special-value rules (negative inputs give NaN, zero gives -inf).
fn log_of_float(x: f64, func: fn(f64) -> f64) -> f64 {
    if x.is_finite() {
        if x > 0.0 {
            func(x)
        } else if x == 0.0 {
            f64::NEG_INFINITY
        } else {
            f64::NAN
        }
    } else if x.is_nan() || x > 0.0 {
        x
    } else {
        f64::NAN
    }
}

/// CPython's `loghelper`: ints of any size work (a huge int is split as m * 2**e).
fn log_helper(vm: &mut Vm, arg: &Value, func: fn(f64) -> f64) -> PyResult<f64> {
    if let Some(i) = as_int(arg) {
        let n = i.to_bigint();
        return log_of_int(&n, func);
    }
    let x = match float_arg(vm, arg) {
        Ok(x) => x,
        Err(e)
            if vm.err_matches(&e, ExcKind::OverflowError)
                && vm.lookup_special(arg, "__index__").is_some() =>
        {
            let n = integer::index_bigint(vm, arg)?;
            return log_of_int(&n, func);
        }
        Err(e) => return Err(e),
    };
    let r = log_of_float(x, func);
    if (r.is_nan() && !x.is_nan()) || (r.is_infinite() && x.is_finite()) {
        return Err(domain_error_for("expected a positive input, got {}", x));
    }
    Ok(r)
}

fn log_of_int(n: &num_bigint::BigInt, func: fn(f64) -> f64) -> PyResult<f64> {
    if n.sign() != num_bigint::Sign::Plus {
        return Err(PyErr::value_error("expected a positive input"));
    }
    match n.to_f64().filter(|x| x.is_finite()) {
        Some(x) => Ok(func(x)),
        None => {
            let (m, e) = integer::bigint_frexp(n);
            Ok(func(2.0).mul_add(e as f64, func(m)))
        }
    }
}

fn math_log(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let pos = args.range("log", 1, 2)?;
    let num = log_helper(vm, &pos[0], f64::ln)?;
    let num = vm.new_float(num);
    let Some(base) = pos.get(1) else {
        return Ok(num);
    };
    let den = log_helper(vm, base, f64::ln)?;
    let den = vm.new_float(den);
    vm.binary_op(&num, &den, BinaryOp::TrueDivide)
}

fn math_log2(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let x = one_arg(&args, "log2")?;
    let r = log_helper(vm, x, f64::log2)?;
    Ok(vm.new_float(r))
}

fn math_log10(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let x = one_arg(&args, "log10")?;
    let r = log_helper(vm, x, f64::log10)?;
    Ok(vm.new_float(r))
}

#[cfg(test)]
mod tests;
