//! printf-style `%` formatting helpers: parsing one conversion specifier
//! and producing the text of the numeric conversions `d i u o x X e E f F
//! g G` exactly as CPython's `'%...' % value` does.
//!
//! The caller walks the template, calls [`parse_percent_spec`] after each
//! `%`, fetches arguments (including `*` width/precision, applied with
//! [`PercentSpec::apply_star_width`] / [`PercentSpec::apply_star_precision`])
//! and dispatches on [`PercentSpec::conversion`]. Like CPython, an unknown
//! conversion character is only reported after the argument was fetched;
//! use [`PercentSpec::unsupported_error`] for the message.

use num_bigint::{BigInt, Sign};

use super::float_fmt::{FloatFormat, FloatKind, float_to_parts};
use super::{TextError, value_error};

/// A width or precision in a `%` specifier.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum PercentCount {
    /// Not given.
    #[default]
    Absent,
    /// `*`: taken from the argument tuple (the caller fills it in).
    Star,
    /// A literal value.
    Value(usize),
}

impl PercentCount {
    fn value(self) -> Option<usize> {
        match self {
            PercentCount::Value(v) => Some(v),
            _ => None,
        }
    }
}

/// One parsed `%` conversion specifier.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct PercentSpec {
    /// The `(name)` mapping key, if any.
    pub key: Option<String>,
    /// `-` flag: left-adjust (overrides `0`).
    pub left_adjust: bool,
    /// `+` flag: always write a sign (overrides ` `).
    pub plus: bool,
    /// ` ` flag: a space before non-negative numbers.
    pub space: bool,
    /// `#` flag: alternate form.
    pub alternate: bool,
    /// `0` flag: pad numbers with zeros after the sign.
    pub zero_pad: bool,
    /// Minimum field width.
    pub width: PercentCount,
    /// Precision.
    pub precision: PercentCount,
    /// The conversion character (not validated; `%` only for `%%`).
    pub conversion: char,
    /// Code-point index of the conversion character in the template.
    pub conversion_index: usize,
    /// The specifier was exactly `%%` (a literal percent sign, consuming
    /// no argument). A `%` conversion with anything in between is an error.
    pub literal_percent: bool,
}

impl PercentSpec {
    /// Apply the integer argument consumed by a `*` width: a negative
    /// width means left-adjust (CPython converts the argument to a C
    /// `Py_ssize_t` first; overflow and `* wants int` are the caller's).
    pub fn apply_star_width(&mut self, width: i64) {
        if width < 0 {
            self.left_adjust = true;
        }
        self.width = PercentCount::Value(width.unsigned_abs() as usize);
    }

    /// Apply the integer argument consumed by a `*` precision (a C `int`
    /// in CPython); negative values count as 0.
    pub fn apply_star_precision(&mut self, precision: i32) {
        self.precision = PercentCount::Value(precision.max(0) as usize);
    }

    /// The `ValueError` for an unsupported conversion character.
    pub fn unsupported_error(&self) -> TextError {
        unsupported_format_character(self.conversion, self.conversion_index)
    }

    fn sign_text(&self, negative: bool) -> &'static str {
        if negative {
            "-"
        } else if self.plus {
            "+"
        } else if self.space {
            " "
        } else {
            ""
        }
    }

    /// Pad `sign + prefix + body` to the width: left-adjusted with
    /// spaces, zero-filled after the sign and prefix, or right-aligned.
    fn pad(&self, sign: &str, prefix: &str, body: &str) -> String {
        let len = sign.len() + prefix.len() + body.chars().count();
        let pad = self.width.value().unwrap_or(0).saturating_sub(len);
        let mut out = String::with_capacity(len + pad);
        let spaces = |out: &mut String| out.extend(std::iter::repeat_n(' ', pad));
        if self.left_adjust {
            out.push_str(sign);
            out.push_str(prefix);
            out.push_str(body);
            spaces(&mut out);
        } else if self.zero_pad {
            out.push_str(sign);
            out.push_str(prefix);
            out.extend(std::iter::repeat_n('0', pad));
            out.push_str(body);
        } else {
            spaces(&mut out);
            out.push_str(sign);
            out.push_str(prefix);
            out.push_str(body);
        }
        out
    }
}

/// `unsupported format character 'y' (0x79) at index 3`.
pub fn unsupported_format_character(c: char, index: usize) -> TextError {
    let code = u32::from(c);
    let shown = if (31..=126).contains(&code) { c } else { '?' };
    TextError::ValueError(format!(
        "unsupported format character '{shown}' (0x{code:x}) at index {index}"
    ))
}

/// A cursor over the specifier text, counting code points consumed.
struct Cursor<'a> {
    chars: std::iter::Peekable<std::str::CharIndices<'a>>,
    nchars: usize,
    /// Byte offset and value of the current character.
    cur: (usize, char),
}

impl Cursor<'_> {
    /// Move to the next character; `incomplete format` at the end.
    fn advance(&mut self) -> Result<(), TextError> {
        self.cur = self.chars.next().ok_or_else(incomplete)?;
        self.nchars += 1;
        Ok(())
    }

    /// Read a `*` or a run of digits (at most `limit`, else `msg`).
    fn count(&mut self, limit: usize, msg: &str) -> Result<PercentCount, TextError> {
        if self.cur.1 == '*' {
            self.advance()?;
            return Ok(PercentCount::Star);
        }
        let mut value: Option<usize> = None;
        while let Some(d) = self.cur.1.to_digit(10) {
            let v = value
                .unwrap_or(0)
                .checked_mul(10)
                .and_then(|v| v.checked_add(d as usize))
                .filter(|&v| v <= limit)
                .ok_or_else(|| TextError::ValueError(msg.to_string()))?;
            value = Some(v);
            self.advance()?;
        }
        Ok(value.map_or(PercentCount::Absent, PercentCount::Value))
    }
}

fn incomplete() -> TextError {
    TextError::ValueError("incomplete format".into())
}

/// Parse the conversion specifier that follows a `%`. `rest` is the
/// template text after the `%`; `start_index` is the code-point index of
/// `rest`'s first character within the whole template (used in error
/// messages). Returns the spec and the number of **bytes** of `rest` it
/// consumed. `%%` sets [`PercentSpec::literal_percent`]; a `%` conversion
/// after flags, width or key is returned as is and must be rejected with
/// [`PercentSpec::unsupported_error`] (after fetching its argument).
pub fn parse_percent_spec(
    rest: &str,
    start_index: usize,
) -> Result<(PercentSpec, usize), TextError> {
    let mut spec = PercentSpec::default();
    let mut cur = Cursor {
        chars: rest.char_indices().peekable(),
        nchars: 0,
        cur: (0, '\0'),
    };
    if cur.chars.peek().is_some_and(|&(_, c)| c == '(') {
        cur.chars.next();
        cur.nchars += 1;
        let mut depth = 1;
        let mut key = String::new();
        loop {
            let Some((_, c)) = cur.chars.next() else {
                return value_error("incomplete format key");
            };
            cur.nchars += 1;
            match c {
                ')' => depth -= 1,
                '(' => depth += 1,
                _ => {}
            }
            if depth == 0 {
                break;
            }
            key.push(c);
        }
        spec.key = Some(key);
    }
    cur.advance()?;
    loop {
        match cur.cur.1 {
            '-' => spec.left_adjust = true,
            '+' => spec.plus = true,
            ' ' => spec.space = true,
            '#' => spec.alternate = true,
            '0' => spec.zero_pad = true,
            _ => break,
        }
        cur.advance()?;
    }
    spec.width = cur.count(isize::MAX as usize, "width too big")?;
    if cur.cur.1 == '.' {
        cur.advance()?;
        spec.precision = match cur.count(i32::MAX as usize, "precision too big")? {
            PercentCount::Absent => PercentCount::Value(0),
            other => other,
        };
    }
    if matches!(cur.cur.1, 'h' | 'l' | 'L') {
        cur.advance()?;
    }
    spec.conversion = cur.cur.1;
    spec.conversion_index = start_index + cur.nchars - 1;
    spec.literal_percent = spec.conversion == '%' && cur.nchars == 1;
    Ok((spec, cur.cur.0 + cur.cur.1.len_utf8()))
}

/// The text of `%d %i %u %o %x %X` applied to an integer (the caller has
/// already converted the argument with `__index__`/`__int__`).
pub fn format_percent_int(value: &BigInt, spec: &PercentSpec) -> Result<String, TextError> {
    let (radix, prefix) = match spec.conversion {
        'd' | 'i' | 'u' => (10, ""),
        'o' => (8, "0o"),
        'x' => (16, "0x"),
        'X' => (16, "0X"),
        _ => return Err(spec.unsupported_error()),
    };
    let mut digits = value.magnitude().to_str_radix(radix);
    if spec.conversion == 'X' {
        digits.make_ascii_uppercase();
    }
    if let Some(p) = spec.precision.value()
        && p > digits.len()
    {
        let zeros = "0".repeat(p - digits.len());
        digits.insert_str(0, &zeros);
    }
    let prefix = if spec.alternate { prefix } else { "" };
    Ok(spec.pad(spec.sign_text(value.sign() == Sign::Minus), prefix, &digits))
}

/// The text of `%e %E %f %F %g %G` applied to a float (default
/// precision 6; `#` keeps the decimal point and `g`'s trailing zeros).
pub fn format_percent_float(value: f64, spec: &PercentSpec) -> Result<String, TextError> {
    let (kind, upper) = match spec.conversion {
        'e' => (FloatKind::Exp, false),
        'E' => (FloatKind::Exp, true),
        'f' => (FloatKind::Fixed, false),
        'F' => (FloatKind::Fixed, true),
        'g' => (FloatKind::General, false),
        'G' => (FloatKind::General, true),
        _ => return Err(spec.unsupported_error()),
    };
    let fmt = FloatFormat {
        kind,
        upper,
        precision: spec.precision.value().unwrap_or(6),
        alt: spec.alternate,
        ..FloatFormat::default()
    };
    let (negative, body) = float_to_parts(value, &fmt);
    Ok(spec.pad(spec.sign_text(negative), "", &body))
}
