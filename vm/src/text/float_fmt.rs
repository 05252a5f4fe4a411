//! Float to text conversion with CPython's layout rules — the equivalent of
//! `PyOS_double_to_string`, used by `repr`, `format()` and `%` formatting.
//!
//! Digits are produced by [`super::float_repr`]; this module decides between
//! fixed and exponent notation, pads with zeros, places the decimal point and
//! writes the exponent (`e+05`, always signed, at least two digits).

use super::float_repr::{Digits, fixed_digits, shortest_digits, significant_digits};

/// Which digits to produce and how to lay them out.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum FloatKind {
    /// `'e'`: exponent notation, `precision` digits after the point.
    Exp,
    /// `'f'`: fixed notation, `precision` digits after the point.
    Fixed,
    /// `'g'`: `precision` significant digits (0 means 1), exponent notation
    /// when the exponent is `< -4` or `>= precision`, trailing zeros removed.
    General,
    /// `'r'`: shortest round-tripping digits, exponent notation when the
    /// exponent is `< -4` or `>= 16` (`precision` is ignored).
    #[default]
    Repr,
}

/// A complete float conversion request (CPython's `format_code`,
/// `precision` and `Py_DTSF_*` flags).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct FloatFormat {
    /// Layout / digit generation mode.
    pub kind: FloatKind,
    /// Upper-case `E`, `INF`, `NAN` (the `E`, `F`, `G` codes).
    pub upper: bool,
    /// Digits after the point (`Exp`, `Fixed`) or significant digits (`General`).
    pub precision: usize,
    /// `#`: always write a decimal point; `General` keeps trailing zeros.
    pub alt: bool,
    /// Ensure integral results look like floats: `1.0` rather than `1`
    /// (and, for `General`, switch to exponent notation one digit earlier).
    pub add_dot_0: bool,
    /// `z`: drop the sign of a result that rounds to zero.
    pub no_neg_0: bool,
}

/// Convert `x` to text following `fmt`; returns `(negative, body)` where
/// `body` has no sign. NaN is never negative; infinities give `inf`/`INF`.
pub fn float_to_parts(x: f64, fmt: &FloatFormat) -> (bool, String) {
    if x.is_nan() {
        let body = if fmt.upper { "NAN" } else { "nan" };
        return (false, body.to_string());
    }
    let negative = x.is_sign_negative();
    if x.is_infinite() {
        let body = if fmt.upper { "INF" } else { "inf" };
        return (negative, body.to_string());
    }
    let precision = fmt.precision;
    let digits = match fmt.kind {
        FloatKind::Exp => significant_digits(x, precision.saturating_add(1)),
        FloatKind::Fixed => fixed_digits(x, precision),
        FloatKind::General => significant_digits(x, precision.max(1)),
        FloatKind::Repr => shortest_digits(x),
    };
    let negative = negative && !(fmt.no_neg_0 && digits.digits == "0");
    (negative, layout(&digits, fmt))
}

/// Convert `x` to text following `fmt`, with a leading `-` when negative
/// (CPython's `PyOS_double_to_string` without `Py_DTSF_SIGN`).
pub fn float_to_string(x: f64, fmt: &FloatFormat) -> String {
    let (negative, body) = float_to_parts(x, fmt);
    if negative { format!("-{body}") } else { body }
}

/// Lay out `digits` (value `0.DIGITS × 10^decpt`) as CPython's
/// `format_float_short` does: think of the digits as padded with zeros on
/// both sides and print the slice `[min(0, decpt), vend)` with a decimal
/// point inserted at `decpt`.
fn layout(d: &Digits, fmt: &FloatFormat) -> String {
    let digits = d.digits.as_bytes();
    let nd = digits.len() as i64;
    let precision = i64::try_from(fmt.precision).unwrap_or(i64::MAX / 4);
    let mut decpt = d.decpt;
    let mut use_exp = false;
    let mut vend: i64 = 0;
    match fmt.kind {
        FloatKind::Exp => {
            use_exp = true;
            vend = precision + 1;
        }
        FloatKind::Fixed => vend = decpt + precision,
        FloatKind::General => {
            let p = precision.max(1);
            let limit = if fmt.add_dot_0 { p - 1 } else { p };
            use_exp = decpt <= -4 || decpt > limit;
            if fmt.alt {
                vend = p;
            }
        }
        FloatKind::Repr => use_exp = decpt <= -4 || decpt > 16,
    }
    let mut exp = 0;
    if use_exp {
        exp = decpt - 1;
        decpt = 1;
    }
    vend = vend.max(nd).max(decpt);
    if fmt.add_dot_0 && !use_exp && vend == decpt {
        vend += 1;
    }
    let digit_at = |i: i64| -> char {
        if (0..nd).contains(&i) {
            char::from(digits[i as usize])
        } else {
            '0'
        }
    };
    let mut out = String::with_capacity((vend - decpt.min(0) + 8) as usize);
    if decpt <= 0 {
        out.push('0');
    } else {
        out.extend((0..decpt).map(digit_at));
    }
    if vend > decpt || fmt.alt {
        out.push('.');
    }
    out.extend((decpt..vend).map(digit_at));
    if use_exp {
        out.push(if fmt.upper { 'E' } else { 'e' });
        out.push(if exp < 0 { '-' } else { '+' });
        out.push_str(&format!("{:02}", exp.unsigned_abs()));
    }
    out
}
