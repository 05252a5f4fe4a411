//! Numeric helpers that traces call for builtins lowered to IR (`recorder::builtin`): the
//! `math` module's one-argument float functions, `abs`/`min`/`max` of numbers and
//! `int(float)`. They take and return raw `i64`/`f64` (no value words, so no `unsafe`), never
//! fail and have no side effects; where Python would raise they return a sentinel (NaN,
//! `i64::MIN`) that the trace's next guard turns into an exit *before* the call, so the
//! interpreter runs the call itself and raises exactly as it would have.

use pyrite_jit::HelperTable;

/// A one-argument `math` function: the same Rust function the `math` module computes with
/// (see `modules::math`), so traced and interpreted results agree bit for bit.
pub(crate) struct MathFn {
    pub name: &'static str,
    pub helper: &'static str,
    pub func: fn(f64) -> f64,
}

/// The `math` functions traces call directly (`sqrt` and `fabs` are IR ops instead).
pub(crate) const MATH_FNS: &[MathFn] = &[
    MathFn {
        name: "sin",
        helper: "math_sin",
        func: f64::sin,
    },
    MathFn {
        name: "cos",
        helper: "math_cos",
        func: f64::cos,
    },
    MathFn {
        name: "tan",
        helper: "math_tan",
        func: f64::tan,
    },
    MathFn {
        name: "atan",
        helper: "math_atan",
        func: f64::atan,
    },
    MathFn {
        name: "exp",
        helper: "math_exp",
        func: f64::exp,
    },
];

/// `math.<name>(x)`, or NaN when the `math` module would raise (a NaN result from a
/// non-NaN input is a domain error, an infinite one from a finite input a domain or range
/// error) or when the result is NaN anyway (the interpreter then boxes it).
fn checked_math<const N: usize>(x: f64) -> f64 {
    let r = MATH_FNS.get(N).map_or(f64::NAN, |m| (m.func)(x));
    if r.is_infinite() && x.is_finite() {
        f64::NAN
    } else {
        r
    }
}

extern "C" fn math_fn<const N: usize>(x: f64) -> f64 {
    checked_math::<N>(x)
}

/// `abs(i)`; `i64::MIN` (negative) has no `i64` absolute value and makes the guard fail.
extern "C" fn abs_int(x: i64) -> i64 {
    x.wrapping_abs()
}

/// `min(a, b)` of two ints, as Python computes it (`b` only if `b < a`).
extern "C" fn min_int(a: i64, b: i64) -> i64 {
    if b < a { b } else { a }
}

extern "C" fn max_int(a: i64, b: i64) -> i64 {
    if b > a { b } else { a }
}

/// `min(a, b)` of two floats: `b` only if `b < a`, so a NaN `a` wins and a NaN `b` loses.
extern "C" fn min_float(a: f64, b: f64) -> f64 {
    if b < a { b } else { a }
}

extern "C" fn max_float(a: f64, b: f64) -> f64 {
    if b > a { b } else { a }
}

/// `int(x)` of a float (truncation), or `i64::MIN` for NaN, infinities and values outside
/// the `i64` range (the interpreter raises or makes a big int).
extern "C" fn float_to_int(x: f64) -> i64 {
    let t = x.trunc();
    if t.is_finite() && t > -9.2e18 && t < 9.2e18 {
        t as i64
    } else {
        i64::MIN
    }
}

/// Helper names as traces declare them (besides [`MATH_FNS`]).
pub(crate) mod names {
    pub const ABS_INT: &str = "abs_int";
    pub const MIN_INT: &str = "min_int";
    pub const MAX_INT: &str = "max_int";
    pub const MIN_FLOAT: &str = "min_float";
    pub const MAX_FLOAT: &str = "max_float";
    pub const FLOAT_TO_INT: &str = "float_to_int";
    pub const FLOAT_POW: &str = "float_pow";
}

/// The concrete `min`/`max`/`int` results the recorder needs (the same functions).
pub(crate) fn min_max_int(max: bool, a: i64, b: i64) -> i64 {
    if max { max_int(a, b) } else { min_int(a, b) }
}

pub(crate) fn min_max_float(max: bool, a: f64, b: f64) -> f64 {
    if max {
        max_float(a, b)
    } else {
        min_float(a, b)
    }
}

/// `a ** b` for floats where the interpreter's `float_pow` gives a float computed the same
/// way (`powf`, or 1.0 for a zero exponent); NaN wherever it raises (zero to a negative
/// power, overflow), gives a complex number (negative base, fractional exponent) or NaN.
pub(crate) fn float_pow(a: f64, b: f64) -> f64 {
    if b == 0.0 {
        return 1.0;
    }
    let finite = a.is_finite() && b.is_finite();
    if a.is_nan() || b.is_nan() || (a == 0.0 && b < 0.0 && finite) {
        return f64::NAN;
    }
    if a < 0.0 && finite && b.floor() != b {
        return f64::NAN;
    }
    let r = a.powf(b);
    if r.is_infinite() && finite {
        f64::NAN
    } else {
        r
    }
}

extern "C" fn float_pow_helper(a: f64, b: f64) -> f64 {
    float_pow(a, b)
}

/// Adds these helpers to the backend's table.
pub(crate) fn register(table: &mut HelperTable) {
    let math: [extern "C" fn(f64) -> f64; 5] = [
        math_fn::<0>,
        math_fn::<1>,
        math_fn::<2>,
        math_fn::<3>,
        math_fn::<4>,
    ];
    for (m, f) in MATH_FNS.iter().zip(math) {
        table.add(m.helper, f as *const () as u64);
    }
    table.add(names::ABS_INT, abs_int as *const () as u64);
    table.add(names::MIN_INT, min_int as *const () as u64);
    table.add(names::MAX_INT, max_int as *const () as u64);
    table.add(names::MIN_FLOAT, min_float as *const () as u64);
    table.add(names::MAX_FLOAT, max_float as *const () as u64);
    table.add(names::FLOAT_TO_INT, float_to_int as *const () as u64);
    table.add(names::FLOAT_POW, float_pow_helper as *const () as u64);
}

/// `math.<name>(x)` as the trace will compute it (None: the trace would exit).
pub(crate) fn math_value(index: usize, x: f64) -> Option<f64> {
    let r = match index {
        0 => checked_math::<0>(x),
        1 => checked_math::<1>(x),
        2 => checked_math::<2>(x),
        3 => checked_math::<3>(x),
        4 => checked_math::<4>(x),
        _ => f64::NAN,
    };
    (!r.is_nan()).then_some(r)
}
