//! The format-specification mini-language used by `format()`, `str.format`
//! and f-strings, for `int`, `float` and `str` values:
//!
//! ```text
//! [[fill]align][sign]["z"]["#"]["0"][width][grouping]["." precision][type]
//! ```
//!
//! [`parse_format_spec`] performs the type-independent parsing; the
//! `format_*` functions validate the spec for their value type in the same
//! order as CPython 3.13 (so the same error wins when several apply) and
//! produce the text. Widths, fills and precisions count code points. The
//! `n` type behaves as in the C locale (no grouping, `.` decimal point).

use num_bigint::{BigInt, Sign as BigSign};
use num_traits::ToPrimitive;

use super::float_fmt::{FloatFormat, FloatKind, float_to_parts};
use super::number_parse::int_to_f64;
use super::{TextError, value_error};

/// Alignment of the value inside the field.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Align {
    /// `<`
    Left,
    /// `>`
    Right,
    /// `^`
    Center,
    /// `=`: padding goes between the sign (and prefix) and the digits.
    AfterSign,
}

/// The sign option.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Sign {
    /// `+`: sign for positive numbers too.
    Plus,
    /// `-`: sign only for negative numbers (the default behaviour).
    Minus,
    /// ` `: a space in front of positive numbers.
    Space,
}

/// The thousands-grouping option.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Grouping {
    /// `,`
    Comma,
    /// `_`
    Underscore,
}

impl Grouping {
    fn sep(self) -> char {
        match self {
            Grouping::Comma => ',',
            Grouping::Underscore => '_',
        }
    }
}

/// A parsed format specification. Fields are `None` when not given.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct FormatSpec {
    /// Explicit fill character (only given together with an alignment).
    pub fill: Option<char>,
    /// Explicit alignment.
    pub align: Option<Align>,
    /// Sign option.
    pub sign: Option<Sign>,
    /// `z`: coerce negative zero to zero.
    pub no_neg_zero: bool,
    /// `#`: alternate form.
    pub alternate: bool,
    /// The `0` flag was given (and no explicit fill): pad with `0`, and
    /// numbers default to `=` alignment.
    pub zero_pad: bool,
    /// Minimum field width.
    pub width: Option<usize>,
    /// Thousands separator.
    pub grouping: Option<Grouping>,
    /// Precision.
    pub precision: Option<usize>,
    /// Presentation type character.
    pub ty: Option<char>,
}

impl FormatSpec {
    fn fill_char(&self) -> char {
        match self.fill {
            Some(c) => c,
            None if self.zero_pad => '0',
            None => ' ',
        }
    }

    /// Alignment for numbers: explicit, else `=` with the `0` flag, else `>`.
    fn number_align(&self) -> Align {
        match self.align {
            Some(a) => a,
            None if self.zero_pad => Align::AfterSign,
            None => Align::Right,
        }
    }
}

fn align_of(c: char) -> Option<Align> {
    match c {
        '<' => Some(Align::Left),
        '>' => Some(Align::Right),
        '^' => Some(Align::Center),
        '=' => Some(Align::AfterSign),
        _ => None,
    }
}

/// Parse a run of ASCII digits at `chars[*pos..]`; `None` if there are none.
fn parse_count(chars: &[char], pos: &mut usize) -> Result<Option<usize>, TextError> {
    let start = *pos;
    let mut value: usize = 0;
    while let Some(d) = chars.get(*pos).and_then(|c| c.to_digit(10)) {
        value = value
            .checked_mul(10)
            .and_then(|v| v.checked_add(d as usize))
            .filter(|&v| v <= isize::MAX as usize)
            .ok_or_else(|| {
                TextError::ValueError("Too many decimal digits in format string".into())
            })?;
        *pos += 1;
    }
    Ok((*pos > start).then_some(value))
}

/// Parse a format specification (the text after `:` in a replacement
/// field). `type_name` is the Python type name used in the
/// `Invalid format specifier` message.
pub fn parse_format_spec(spec: &str, type_name: &str) -> Result<FormatSpec, TextError> {
    let chars: Vec<char> = spec.chars().collect();
    let mut out = FormatSpec::default();
    let mut pos = 0;
    if let Some(a) = chars.get(1).copied().and_then(align_of) {
        out.fill = Some(chars[0]);
        out.align = Some(a);
        pos = 2;
    } else if let Some(a) = chars.first().copied().and_then(align_of) {
        out.align = Some(a);
        pos = 1;
    }
    out.sign = match chars.get(pos) {
        Some('+') => Some(Sign::Plus),
        Some('-') => Some(Sign::Minus),
        Some(' ') => Some(Sign::Space),
        _ => None,
    };
    if out.sign.is_some() {
        pos += 1;
    }
    if chars.get(pos) == Some(&'z') {
        out.no_neg_zero = true;
        pos += 1;
    }
    if chars.get(pos) == Some(&'#') {
        out.alternate = true;
        pos += 1;
    }
    if out.fill.is_none() && chars.get(pos) == Some(&'0') {
        out.zero_pad = true;
        pos += 1;
    }
    out.width = parse_count(&chars, &mut pos)?;
    out.grouping = match chars.get(pos) {
        Some(',') => Some(Grouping::Comma),
        Some('_') => Some(Grouping::Underscore),
        _ => None,
    };
    if let Some(g) = out.grouping {
        pos += 1;
        if matches!(chars.get(pos), Some(',' | '_')) && chars.get(pos) != Some(&g.sep()) {
            return value_error("Cannot specify both ',' and '_'.");
        }
    }
    if chars.get(pos) == Some(&'.') {
        pos += 1;
        out.precision = parse_count(&chars, &mut pos)?;
        if out.precision.is_none() {
            return value_error("Format specifier missing precision");
        }
    }
    match chars.len() - pos {
        0 => {}
        1 => out.ty = Some(chars[pos]),
        _ => {
            return value_error(format!(
                "Invalid format specifier '{spec}' for object of type '{type_name}'"
            ));
        }
    }
    Ok(out)
}

/// A type character as CPython shows it in error messages: itself if it
/// is printable ASCII other than space, else `\x` + lowercase hex.
fn show_type_char(c: char) -> String {
    let code = u32::from(c);
    if code > 32 && code < 128 {
        c.to_string()
    } else {
        format!("\\x{code:x}")
    }
}

fn unknown_code(ty: char, type_name: &str) -> TextError {
    TextError::ValueError(format!(
        "Unknown format code '{}' for object of type '{type_name}'",
        show_type_char(ty)
    ))
}

/// CPython validates the grouping option against the (defaulted) type
/// while parsing, before dispatching on the type.
fn check_grouping(spec: &FormatSpec, ty: Option<char>) -> Result<(), TextError> {
    let Some(g) = spec.grouping else {
        return Ok(());
    };
    let allowed = match ty {
        None | Some('d' | 'e' | 'f' | 'g' | 'E' | 'G' | '%' | 'F') => true,
        Some('b' | 'o' | 'x' | 'X') => g == Grouping::Underscore,
        Some(_) => false,
    };
    if allowed {
        return Ok(());
    }
    let shown = ty.map(show_type_char).unwrap_or_default();
    value_error(format!("Cannot specify '{}' with '{shown}'.", g.sep()))
}

/// The pieces of a formatted number, before padding.
struct NumberParts<'a> {
    sign: &'a str,
    prefix: &'a str,
    /// Integer digits (ASCII), subject to grouping.
    digits: &'a str,
    /// Everything after the integer digits (fraction, exponent, `%`, or
    /// the whole text of `inf`/`nan`/a `c` character).
    rest: &'a str,
}

/// Insert `sep` every `group` digits from the right. When `min_width` is
/// non-zero, pad with leading zeros (also grouped) to at least that many
/// characters, never starting with a separator.
fn group_digits(digits: &str, sep: char, group: usize, min_width: usize) -> String {
    let mut ndigits = digits.len();
    let grouped_len = |n: usize| n + n.saturating_sub(1) / group;
    while grouped_len(ndigits) < min_width {
        ndigits += 1;
    }
    let padded: Vec<u8> = std::iter::repeat_n(b'0', ndigits - digits.len())
        .chain(digits.bytes())
        .collect();
    let mut out = String::with_capacity(grouped_len(ndigits));
    for (i, &b) in padded.iter().enumerate() {
        if i > 0 && (ndigits - i).is_multiple_of(group) {
            out.push(sep);
        }
        out.push(char::from(b));
    }
    out
}

fn push_fill(out: &mut String, fill: char, n: usize) {
    out.extend(std::iter::repeat_n(fill, n));
}

/// Pad a number's parts to the spec's width following CPython's rules.
fn pad_number(parts: &NumberParts, spec: &FormatSpec, grouping: Option<(char, usize)>) -> String {
    let fill = spec.fill_char();
    let align = spec.number_align();
    let width = spec.width.unwrap_or(0);
    let fixed_len =
        parts.sign.chars().count() + parts.prefix.chars().count() + parts.rest.chars().count();
    let digits = match grouping {
        Some((sep, group)) if !parts.digits.is_empty() => {
            let min_width = if fill == '0' && align == Align::AfterSign {
                width.saturating_sub(fixed_len)
            } else {
                0
            };
            group_digits(parts.digits, sep, group, min_width)
        }
        _ => parts.digits.to_string(),
    };
    let len = fixed_len + digits.len();
    let pad = width.saturating_sub(len);
    let mut out = String::with_capacity(len + pad * fill.len_utf8());
    let (left, right) = match align {
        Align::Left => (0, pad),
        Align::Right | Align::AfterSign => (pad, 0),
        Align::Center => (pad / 2, pad - pad / 2),
    };
    if align == Align::AfterSign {
        out.push_str(parts.sign);
        out.push_str(parts.prefix);
        push_fill(&mut out, fill, pad);
    } else {
        push_fill(&mut out, fill, left);
        out.push_str(parts.sign);
        out.push_str(parts.prefix);
    }
    out.push_str(&digits);
    out.push_str(parts.rest);
    push_fill(&mut out, fill, right);
    out
}

fn sign_text(negative: bool, sign: Option<Sign>) -> &'static str {
    match (negative, sign) {
        (true, _) => "-",
        (false, Some(Sign::Plus)) => "+",
        (false, Some(Sign::Space)) => " ",
        (false, _) => "",
    }
}

/// `format(value, spec)` for an `int` (or subclass named `type_name`).
/// Types `b c d o x X n` and none format the integer; `e E f F g G %`
/// convert it to float first (`OverflowError` if it is too large).
/// Note: CPython returns `str(value)` for an empty spec, which for `bool`
/// is `True`/`False`; the caller handles that case.
pub fn format_int(value: &BigInt, spec: &FormatSpec, type_name: &str) -> Result<String, TextError> {
    let ty = spec.ty.unwrap_or('d');
    check_grouping(spec, Some(ty))?;
    match ty {
        'b' | 'c' | 'd' | 'o' | 'x' | 'X' | 'n' => {}
        'e' | 'E' | 'f' | 'F' | 'g' | 'G' | '%' => {
            return format_float_checked(int_to_f64(value)?, spec);
        }
        _ => return Err(unknown_code(ty, type_name)),
    }
    if spec.precision.is_some() {
        return value_error("Precision not allowed in integer format specifier");
    }
    if spec.no_neg_zero {
        return value_error("Negative zero coercion (z) not allowed in integer format specifier");
    }
    if ty == 'c' {
        return format_int_char(value, spec);
    }
    let (radix, prefix) = match ty {
        'b' => (2, "0b"),
        'o' => (8, "0o"),
        'x' => (16, "0x"),
        'X' => (16, "0X"),
        _ => (10, ""),
    };
    let mut digits = value.magnitude().to_str_radix(radix);
    if ty == 'X' {
        digits.make_ascii_uppercase();
    }
    let parts = NumberParts {
        sign: sign_text(value.sign() == BigSign::Minus, spec.sign),
        prefix: if spec.alternate { prefix } else { "" },
        digits: &digits,
        rest: "",
    };
    let group = if radix == 10 { 3 } else { 4 };
    Ok(pad_number(
        &parts,
        spec,
        spec.grouping.map(|g| (g.sep(), group)),
    ))
}

fn format_int_char(value: &BigInt, spec: &FormatSpec) -> Result<String, TextError> {
    if spec.sign.is_some() {
        return value_error("Sign not allowed with integer format specifier 'c'");
    }
    if spec.alternate {
        return value_error("Alternate form (#) not allowed with integer format specifier 'c'");
    }
    let Some(code) = value.to_i64() else {
        return Err(TextError::OverflowError(
            "Python int too large to convert to C long".into(),
        ));
    };
    // Surrogates cannot be held in a Rust `str`; the VM must map them.
    let ch = u32::try_from(code)
        .ok()
        .filter(|&c| c < 0x11_0000)
        .ok_or_else(|| TextError::OverflowError("%c arg not in range(0x110000)".into()))?;
    let ch = char::from_u32(ch).unwrap_or(char::REPLACEMENT_CHARACTER);
    let text = ch.to_string();
    let parts = NumberParts {
        sign: "",
        prefix: "",
        digits: "",
        rest: &text,
    };
    Ok(pad_number(&parts, spec, None))
}

/// `format(value, spec)` for a `float` (or subclass named `type_name`):
/// types `e E f F g G n %` and none.
pub fn format_float(value: f64, spec: &FormatSpec, type_name: &str) -> Result<String, TextError> {
    check_grouping(spec, spec.ty)?;
    match spec.ty {
        None | Some('e' | 'E' | 'f' | 'F' | 'g' | 'G' | 'n' | '%') => {
            format_float_checked(value, spec)
        }
        Some(ty) => Err(unknown_code(ty, type_name)),
    }
}

/// Float formatting once the type is known to be a float type.
fn format_float_checked(value: f64, spec: &FormatSpec) -> Result<String, TextError> {
    if spec.precision.is_some_and(|p| p > i32::MAX as usize) {
        return value_error("precision too big");
    }
    let mut fmt = FloatFormat {
        alt: spec.alternate,
        no_neg_0: spec.no_neg_zero,
        precision: spec.precision.unwrap_or(6),
        ..FloatFormat::default()
    };
    let mut value = value;
    let mut percent = false;
    match spec.ty {
        None => {
            fmt.add_dot_0 = true;
            fmt.kind = if spec.precision.is_some() {
                FloatKind::General
            } else {
                FloatKind::Repr
            };
        }
        Some('e') => fmt.kind = FloatKind::Exp,
        Some('E') => (fmt.kind, fmt.upper) = (FloatKind::Exp, true),
        Some('f') => fmt.kind = FloatKind::Fixed,
        Some('F') => (fmt.kind, fmt.upper) = (FloatKind::Fixed, true),
        Some('G') => (fmt.kind, fmt.upper) = (FloatKind::General, true),
        Some('%') => {
            fmt.kind = FloatKind::Fixed;
            value *= 100.0;
            percent = true;
        }
        _ => fmt.kind = FloatKind::General,
    }
    let (negative, mut body) = float_to_parts(value, &fmt);
    if percent {
        body.push('%');
    }
    let split = body.bytes().take_while(u8::is_ascii_digit).count();
    let (digits, rest) = body.split_at(split);
    let parts = NumberParts {
        sign: sign_text(negative, spec.sign),
        prefix: "",
        digits,
        rest,
    };
    let grouping = match spec.ty {
        Some('n') => None,
        _ => spec.grouping.map(|g| (g.sep(), 3)),
    };
    Ok(pad_number(&parts, spec, grouping))
}

/// `format(value, spec)` for a `str` (or subclass named `type_name`):
/// type `s` or none; the precision truncates to that many code points.
pub fn format_str(value: &str, spec: &FormatSpec, type_name: &str) -> Result<String, TextError> {
    let ty = spec.ty.unwrap_or('s');
    check_grouping(spec, Some(ty))?;
    if ty != 's' {
        return Err(unknown_code(ty, type_name));
    }
    match spec.sign {
        Some(Sign::Space) => return value_error("Space not allowed in string format specifier"),
        Some(_) => return value_error("Sign not allowed in string format specifier"),
        None => {}
    }
    if spec.no_neg_zero {
        return value_error("Negative zero coercion (z) not allowed in string format specifier");
    }
    if spec.alternate {
        return value_error("Alternate form (#) not allowed in string format specifier");
    }
    if spec.align == Some(Align::AfterSign) {
        return value_error("'=' alignment not allowed in string format specifier");
    }
    let text = match spec.precision {
        Some(p) => match value.char_indices().nth(p) {
            Some((end, _)) => &value[..end],
            None => value,
        },
        None => value,
    };
    let len = text.chars().count();
    let pad = spec.width.unwrap_or(0).saturating_sub(len);
    if pad == 0 {
        return Ok(text.to_string());
    }
    let fill = spec.fill_char();
    let (left, right) = match spec.align.unwrap_or(Align::Left) {
        Align::Left | Align::AfterSign => (0, pad),
        Align::Right => (pad, 0),
        Align::Center => (pad / 2, pad - pad / 2),
    };
    let mut out = String::with_capacity(text.len() + pad * fill.len_utf8());
    push_fill(&mut out, fill, left);
    out.push_str(text);
    push_fill(&mut out, fill, right);
    Ok(out)
}

/// Parse `spec` and format an int with it (see [`format_int`]).
pub fn format_int_with(value: &BigInt, spec: &str, type_name: &str) -> Result<String, TextError> {
    format_int(value, &parse_format_spec(spec, type_name)?, type_name)
}

/// Parse `spec` and format a float with it (see [`format_float`]).
pub fn format_float_with(value: f64, spec: &str, type_name: &str) -> Result<String, TextError> {
    format_float(value, &parse_format_spec(spec, type_name)?, type_name)
}

/// Parse `spec` and format a str with it (see [`format_str`]).
pub fn format_str_with(value: &str, spec: &str, type_name: &str) -> Result<String, TextError> {
    format_str(value, &parse_format_spec(spec, type_name)?, type_name)
}
