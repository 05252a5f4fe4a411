//! `repr(float)` and the decimal digit generators behind all float
//! formatting. A finite float is described by [`Digits`]: a string of
//! significant decimal digits and the position of the decimal point, the
//! same shape as the output of David Gay's `dtoa` that CPython uses.
//!
//! The shortest round-tripping digits come from Rust's `{:e}` formatting,
//! which agrees with CPython's `dtoa` mode 0 except when the float lies
//! exactly half-way between two shortest candidates: Rust then takes the
//! upper candidate while `dtoa` takes the one with an even last digit (e.g.
//! the float with bits `0x42e26687db6b9b04` is exactly `…008.125`; Rust
//! prints `…008.13`, CPython `…008.12`). [`shortest_digits`] detects those
//! ties exactly and applies CPython's rule. Correctly rounded fixed-length
//! digits come from Rust's `{:.N}` / `{:.Ne}` formatting, which rounds
//! exact ties to even like `dtoa` modes 2 and 3.

use super::float_fmt::{FloatFormat, FloatKind, float_to_string};

/// Significant decimal digits of a finite, non-negative float:
/// `value = 0.DIGITS × 10^decpt`.
///
/// `digits` is ASCII, has no trailing zeros, and is `"0"` (with `decpt`
/// 1) exactly when the value (after rounding) is zero.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Digits {
    /// Significant digits, no leading or trailing zeros (except `"0"`).
    pub digits: String,
    /// Position of the decimal point relative to the first digit.
    pub decpt: i64,
}

impl Digits {
    fn zero() -> Digits {
        Digits {
            digits: "0".to_string(),
            decpt: 1,
        }
    }

    /// Build from a digit string (possibly with leading/trailing zeros)
    /// whose decimal point sits after `int_len` of its characters.
    fn normalize(raw: &str, int_len: i64) -> Digits {
        let lead = raw.bytes().take_while(|&b| b == b'0').count();
        let trimmed = raw[lead..].trim_end_matches('0');
        if trimmed.is_empty() {
            return Digits::zero();
        }
        Digits {
            digits: trimmed.to_string(),
            decpt: int_len - lead as i64,
        }
    }

    /// Parse Rust's `{:e}` / `{:.Ne}` output for a non-negative float.
    fn from_rust_exp(s: &str) -> Digits {
        let (mantissa, exp) = s.split_once('e').unwrap_or((s, "0"));
        let exp: i64 = exp.parse().unwrap_or(0);
        let raw: String = mantissa.chars().filter(|&c| c != '.').collect();
        Digits::normalize(&raw, exp + 1)
    }

    /// Parse Rust's `{:.N}` output for a non-negative float.
    fn from_rust_fixed(s: &str) -> Digits {
        let (int_part, frac) = s.split_once('.').unwrap_or((s, ""));
        let raw = format!("{int_part}{frac}");
        Digits::normalize(&raw, int_part.len() as i64)
    }
}

/// `repr(x)` exactly as CPython prints it: shortest round-tripping digits,
/// scientific notation when the decimal exponent is `< -4` or `>= 16`,
/// integral values keep a trailing `.0`; `inf`, `-inf`, `nan`, `-0.0`.
pub fn float_repr(x: f64) -> String {
    float_to_string(
        x,
        &FloatFormat {
            kind: FloatKind::Repr,
            add_dot_0: true,
            ..FloatFormat::default()
        },
    )
}

/// The shortest digits that round-trip to `|x|`, choosing among equally
/// short candidates the one nearest to `|x|`, and on an exact tie the one
/// whose last digit is even (CPython's `dtoa` mode 0). `x` must be finite.
pub fn shortest_digits(x: f64) -> Digits {
    let a = x.abs();
    if a == 0.0 || !a.is_finite() {
        return Digits::zero();
    }
    let first = Digits::from_rust_exp(&format!("{a:e}"));
    fix_shortest_tie(a, first)
}

/// If `|x|` lies exactly half-way between the candidate `d` and a
/// neighbour with the same number of digits, prefer the one with the even
/// last digit, provided it also round-trips.
fn fix_shortest_tie(a: f64, cand: Digits) -> Digits {
    let n = cand.digits.len() as i64;
    let Ok(d) = cand.digits.parse::<u64>() else {
        return cand;
    };
    if d % 2 == 0 {
        return cand;
    }
    // a == d * 10^k (approximately); a == m * 2^e exactly, m odd.
    let k = cand.decpt - n;
    let (m, e) = odd_mantissa(a);
    // A tie 2a == (2d ± 1) * 10^k needs e == k - 1 (compare powers of two)
    // and m * 5^max(0, -k) == (2d ± 1) * 5^max(0, k).
    if e != k - 1 {
        return cand;
    }
    let pow5 = |j: i64| -> Option<u128> { 5u128.checked_pow(u32::try_from(j).ok()?) };
    let lhs = pow5((-k).max(0)).and_then(|p| p.checked_mul(u128::from(m)));
    let rhs_scale = pow5(k.max(0));
    let (Some(lhs), Some(rhs_scale)) = (lhs, rhs_scale) else {
        return cand;
    };
    for (odd, neighbour) in [(2 * d - 1, d - 1), (2 * d + 1, d + 1)] {
        let tie = rhs_scale.checked_mul(u128::from(odd)) == Some(lhs);
        if tie && neighbour > 0 {
            let text = neighbour.to_string();
            let round_trips = format!("{text}e{k}").parse::<f64>().ok() == Some(a);
            if round_trips {
                return Digits::normalize(&text, k + text.len() as i64);
            }
        }
    }
    cand
}

/// Split a positive finite float into `(m, e)` with `a == m * 2^e`, `m` odd.
fn odd_mantissa(a: f64) -> (u64, i64) {
    let bits = a.to_bits();
    let biased = ((bits >> 52) & 0x7ff) as i64;
    let frac = bits & ((1u64 << 52) - 1);
    let (mut m, mut e) = if biased == 0 {
        (frac, -1074)
    } else {
        (frac | (1u64 << 52), biased - 1075)
    };
    if m != 0 {
        let tz = m.trailing_zeros();
        m >>= tz;
        e += i64::from(tz);
    }
    (m, e)
}

/// `|x|` correctly rounded to `ndigits` significant digits (`ndigits >= 1`),
/// ties to even (CPython's `dtoa` mode 2). `x` must be finite.
pub fn significant_digits(x: f64, ndigits: usize) -> Digits {
    let a = x.abs();
    if a == 0.0 || !a.is_finite() {
        return Digits::zero();
    }
    let prec = ndigits.max(1) - 1;
    Digits::from_rust_exp(&format!("{a:.prec$e}"))
}

/// `|x|` correctly rounded to `ndecimals` digits after the decimal point,
/// ties to even (CPython's `dtoa` mode 3). `x` must be finite.
pub fn fixed_digits(x: f64, ndecimals: usize) -> Digits {
    let a = x.abs();
    if a == 0.0 || !a.is_finite() {
        return Digits::zero();
    }
    Digits::from_rust_fixed(&format!("{a:.ndecimals$}"))
}
