//! `repr(str)` and `ascii(str)` exactly as CPython 3.13 writes them.
//!
//! The quote is `'` unless the text contains `'` and no `"`. Backslash and
//! the chosen quote are escaped, `\t` `\n` `\r` use their short escapes,
//! other ASCII control characters and DEL become `\xNN`, and non-ASCII
//! characters are kept when printable (per `str.isprintable`, see
//! [`super::char_props::is_printable`]) and otherwise written as `\xNN`,
//! `\uNNNN` or `\UNNNNNNNN` (lowercase hex). `ascii()` escapes every
//! non-ASCII character that way.

use std::fmt::Write;

use super::char_props::is_printable;

fn quote_for(cps: impl Iterator<Item = u32>) -> char {
    let (mut single, mut double) = (false, false);
    for c in cps {
        single |= c == u32::from('\'');
        double |= c == u32::from('"');
    }
    if single && !double { '"' } else { '\'' }
}

fn push_hex_escape(out: &mut String, code: u32) {
    // Writing to a String cannot fail.
    let _ = if code <= 0xff {
        write!(out, "\\x{code:02x}")
    } else if code <= 0xffff {
        write!(out, "\\u{code:04x}")
    } else {
        write!(out, "\\U{code:08x}")
    };
}

fn repr_impl(cps: impl Iterator<Item = u32> + Clone, len_hint: usize, ascii_only: bool) -> String {
    let quote = quote_for(cps.clone());
    let mut out = String::with_capacity(len_hint + 2);
    out.push(quote);
    for code in cps {
        // Lone surrogates have no `char`: they are never printable, so they are escaped.
        let Some(c) = char::from_u32(code) else {
            push_hex_escape(&mut out, code);
            continue;
        };
        match c {
            '\\' => out.push_str("\\\\"),
            '\t' => out.push_str("\\t"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            c if c == quote => {
                out.push('\\');
                out.push(c);
            }
            ' '..='~' => out.push(c),
            c if !c.is_ascii() && !ascii_only && is_printable(c) => out.push(c),
            c => push_hex_escape(&mut out, u32::from(c)),
        }
    }
    out.push(quote);
    out
}

/// `repr(s)` or `ascii(s)` of a `str` given as code points (lone surrogates allowed).
pub fn py_code_points_repr(cps: impl Iterator<Item = u32> + Clone, ascii_only: bool) -> String {
    repr_impl(cps, 0, ascii_only)
}

/// `repr(s)` for a `str`.
pub fn py_str_repr(s: &str) -> String {
    repr_impl(s.chars().map(u32::from), s.len(), false)
}

/// `ascii(s)` for a `str`: like `repr` with all non-ASCII characters escaped.
pub fn py_ascii_repr(s: &str) -> String {
    repr_impl(s.chars().map(u32::from), s.len(), true)
}

/// The first `max_chars` code points of `s` (CPython's `%.200R` and
/// similar precision-limited conversions).
pub fn truncate_chars(s: &str, max_chars: usize) -> &str {
    match s.char_indices().nth(max_chars) {
        Some((end, _)) => &s[..end],
        None => s,
    }
}
