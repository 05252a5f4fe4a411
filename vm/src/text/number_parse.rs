//! Conversions between numbers and text: `int(str, base)`, `float(str)`,
//! `str(int)` with the integer string conversion length limit, `hex` /
//! `oct` / `bin`, and the correctly rounded `int` to `float` conversion.
//!
//! Like CPython, parsing first maps the text to ASCII: non-ASCII
//! whitespace becomes a space, decimal digits of any script become ASCII
//! digits and any other non-ASCII character becomes an invalid character.
//! Only ` \t\n\v\f\r` count as surrounding whitespace after that (so
//! `int('\x1c1')` fails although `'\x1c'.isspace()` is true).

use num_bigint::{BigInt, BigUint, Sign};
use num_traits::ToPrimitive;

use super::char_props::{decimal_value, is_non_ascii_space};
use super::str_repr::{py_str_repr, truncate_chars};
use super::{TextError, value_error};

/// CPython's default `sys.get_int_max_str_digits()`.
pub const DEFAULT_MAX_STR_DIGITS: usize = 4300;

/// Map `s` to ASCII the way CPython's `int()`/`float()` do.
fn to_ascii(s: &str) -> Vec<u8> {
    s.chars()
        .map(|c| {
            if c.is_ascii() {
                c as u8
            } else if is_non_ascii_space(c) {
                b' '
            } else if let Some(d) = decimal_value(c) {
                b'0' + d as u8
            } else {
                b'?'
            }
        })
        .collect()
}

fn trim_ascii_space(mut b: &[u8]) -> &[u8] {
    let space = |c: &u8| matches!(c, b' ' | b'\t' | b'\n' | 0x0b | 0x0c | b'\r');
    while b.first().is_some_and(space) {
        b = &b[1..];
    }
    while b.last().is_some_and(space) {
        b = &b[..b.len() - 1];
    }
    b
}

/// Split an optional leading sign off `b`; returns `(negative, rest)`.
fn split_sign(b: &[u8]) -> (bool, &[u8]) {
    match b.first() {
        Some(b'-') => (true, &b[1..]),
        Some(b'+') => (false, &b[1..]),
        _ => (false, b),
    }
}

/// Collect the digits of `body` (digits and single underscores between
/// digits). With `lead_underscore`, one underscore may precede the first
/// digit (after a base prefix). `None` if the syntax is invalid.
fn digits_without_underscores(body: &[u8], base: u32, lead_underscore: bool) -> Option<Vec<u8>> {
    let mut out = Vec::with_capacity(body.len());
    let mut prev_underscore = false;
    for (i, &c) in body.iter().enumerate() {
        if c == b'_' {
            let allowed = if i == 0 {
                lead_underscore
            } else {
                !prev_underscore
            };
            if !allowed {
                return None;
            }
            prev_underscore = true;
        } else {
            char::from(c).to_digit(base)?;
            out.push(c);
            prev_underscore = false;
        }
    }
    (!out.is_empty() && !prev_underscore).then_some(out)
}

fn base_prefix(c: u8) -> Option<u32> {
    match c {
        b'x' | b'X' => Some(16),
        b'o' | b'O' => Some(8),
        b'b' | b'B' => Some(2),
        _ => None,
    }
}

/// `int(s, base)`: `base` is 0 or 2..=36. `max_str_digits` is
/// `sys.get_int_max_str_digits()` (0 = unlimited); it applies only to
/// bases that are not powers of two.
pub fn parse_int(s: &str, base: u32, max_str_digits: usize) -> Result<BigInt, TextError> {
    if base != 0 && !(2..=36).contains(&base) {
        return value_error("int() base must be >= 2 and <= 36, or 0");
    }
    let invalid = || {
        TextError::ValueError(format!(
            "invalid literal for int() with base {base}: {}",
            truncate_chars(&py_str_repr(s), 200)
        ))
    };
    let ascii = to_ascii(s);
    let (negative, body) = split_sign(trim_ascii_space(&ascii));
    let prefixed = body.len() >= 2 && body[0] == b'0';
    let (radix, body, lead_underscore) = match base_prefix(body.get(1).copied().unwrap_or(0)) {
        Some(b) if prefixed && (base == 0 || base == b) => (b, &body[2..], true),
        _ => (if base == 0 { 10 } else { base }, body, false),
    };
    let digits = digits_without_underscores(body, radix, lead_underscore).ok_or_else(invalid)?;
    if base == 0 && radix == 10 && digits[0] == b'0' && digits.iter().any(|&d| d != b'0') {
        return Err(invalid());
    }
    if max_str_digits > 0 && !radix.is_power_of_two() && digits.len() > max_str_digits {
        return value_error(format!(
            "Exceeds the limit ({max_str_digits} digits) for integer string conversion: \
             value has {} digits; use sys.set_int_max_str_digits() to increase the limit",
            digits.len()
        ));
    }
    let magnitude = BigUint::parse_bytes(&digits, radix).ok_or_else(invalid)?;
    let sign = if negative { Sign::Minus } else { Sign::Plus };
    Ok(BigInt::from_biguint(sign, magnitude))
}

/// `float(s)`: decimal or `inf`/`infinity`/`nan` (any case, optional
/// sign), underscores only between digits, surrounding whitespace.
pub fn parse_float(s: &str) -> Result<f64, TextError> {
    let invalid = || {
        TextError::ValueError(format!(
            "could not convert string to float: {}",
            py_str_repr(s)
        ))
    };
    let ascii = to_ascii(s);
    let text = trim_ascii_space(&ascii);
    let (negative, body) = split_sign(text);
    let lower = body.to_ascii_lowercase();
    if matches!(lower.as_slice(), b"inf" | b"infinity" | b"nan") {
        let v = if lower == b"nan" {
            f64::NAN
        } else {
            f64::INFINITY
        };
        return Ok(if negative { -v } else { v });
    }
    // Underscores must sit between two digits.
    let mut clean = String::with_capacity(text.len());
    for (i, &c) in text.iter().enumerate() {
        if c == b'_' {
            let between = i > 0
                && text[i - 1].is_ascii_digit()
                && text.get(i + 1).is_some_and(u8::is_ascii_digit);
            if !between {
                return Err(invalid());
            }
        } else {
            clean.push(char::from(c));
        }
    }
    if !is_decimal_float(clean.as_bytes()) {
        return Err(invalid());
    }
    clean.parse::<f64>().map_err(|_| invalid())
}

/// `[sign] (digits [. [digits]] | . digits) [(e|E) [sign] digits]`
fn is_decimal_float(b: &[u8]) -> bool {
    let (_, b) = split_sign(b);
    let count = |b: &[u8]| b.iter().take_while(|c| c.is_ascii_digit()).count();
    let int_len = count(b);
    let mut rest = &b[int_len..];
    let mut frac_len = 0;
    if let Some(after) = rest.strip_prefix(b".") {
        frac_len = count(after);
        rest = &after[frac_len..];
    }
    if int_len + frac_len == 0 {
        return false;
    }
    if let Some(exp) = rest.strip_prefix(b"e").or_else(|| rest.strip_prefix(b"E")) {
        let (_, exp) = split_sign(exp);
        let n = count(exp);
        return n > 0 && n == exp.len();
    }
    rest.is_empty()
}

/// `str(value)` in `radix` (2..=36, lowercase digits, `-` sign, no
/// prefix). For radixes that are not powers of two, more than
/// `max_str_digits` digits (0 = unlimited) raise CPython's `ValueError`.
pub fn int_to_str_radix(
    value: &BigInt,
    radix: u32,
    max_str_digits: usize,
) -> Result<String, TextError> {
    if !(2..=36).contains(&radix) {
        return value_error("radix must be between 2 and 36");
    }
    let limited = max_str_digits > 0 && !radix.is_power_of_two();
    let too_long = || {
        value_error(format!(
            "Exceeds the limit ({max_str_digits} digits) for integer string conversion; \
             use sys.set_int_max_str_digits() to increase the limit"
        ))
    };
    if limited {
        // A b-bit number has at least floor((b - 1) * log_radix(2)) + 1 digits.
        let bits = value.bits();
        let min_digits = (bits.saturating_sub(1) as f64 / f64::from(radix).log2()) as u64;
        if min_digits > max_str_digits as u64 + 1 {
            return too_long();
        }
    }
    let text = value.to_str_radix(radix);
    let ndigits = text.len() - usize::from(value.sign() == Sign::Minus);
    if limited && ndigits > max_str_digits {
        return too_long();
    }
    Ok(text)
}

fn prefixed(value: &BigInt, radix: u32, prefix: &str) -> String {
    let digits = value.magnitude().to_str_radix(radix);
    let sign = if value.sign() == Sign::Minus { "-" } else { "" };
    format!("{sign}{prefix}{digits}")
}

/// `hex(value)`: `0x1f`, `-0x1f`.
pub fn int_to_hex(value: &BigInt) -> String {
    prefixed(value, 16, "0x")
}

/// `oct(value)`: `0o17`, `-0o17`.
pub fn int_to_oct(value: &BigInt) -> String {
    prefixed(value, 8, "0o")
}

/// `bin(value)`: `0b101`, `-0b101`.
pub fn int_to_bin(value: &BigInt) -> String {
    prefixed(value, 2, "0b")
}

/// `float(value)` for an int: correctly rounded (ties to even);
/// `OverflowError("int too large to convert to float")` if the rounded
/// magnitude does not fit in a double.
pub fn int_to_f64(value: &BigInt) -> Result<f64, TextError> {
    let magnitude = value.magnitude();
    let bits = magnitude.bits();
    let abs = if let Some(small) = magnitude.to_u64() {
        small as f64
    } else if bits > 1024 {
        f64::INFINITY
    } else {
        // Keep 55 bits: 53 for the significand, a rounding bit and a
        // sticky bit recording whether anything below was non-zero.
        let shift = bits - 55;
        let mut top = (magnitude >> shift).to_u64().unwrap_or(u64::MAX);
        if magnitude.trailing_zeros().is_some_and(|tz| tz < shift) {
            top |= 1;
        }
        (top as f64) * 2f64.powi(shift as i32)
    };
    if abs.is_infinite() {
        return Err(TextError::OverflowError(
            "int too large to convert to float".into(),
        ));
    }
    Ok(if value.sign() == Sign::Minus {
        -abs
    } else {
        abs
    })
}
