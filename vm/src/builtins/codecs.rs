//! Text encodings for `str.encode`, `bytes.decode`, `str(b, encoding)` and `open()`:
//! UTF-8, ASCII, Latin-1, UTF-16 and UTF-32, with the error handlers `strict`, `ignore`,
//! `replace`, `backslashreplace` and `xmlcharrefreplace`, and CPython's messages
//! (`'ascii' codec can't encode character '\xe9' in position 0: ordinal not in range(128)`).
//!
//! Pyrite strings are Rust strings, so they cannot hold lone surrogates: `surrogateescape`
//! and `surrogatepass` decode undecodable bytes as U+FFFD instead.

use crate::interp::args::Args;
use crate::object::Value;
use crate::runtime::errors::{ExcKind, PyErr, PyResult};
use crate::vm::Vm;

use super::native_util::{bind_method, recv_str};

pub fn install(vm: &mut Vm) {
    let ty = vm.types.str_.clone();
    vm.add_method(&ty, "encode", str_encode);
}

/// A supported encoding, by its canonical name.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Encoding {
    Utf8,
    Ascii,
    Latin1,
    Utf16(Endian),
    Utf32(Endian),
}

/// Byte order of UTF-16/32; `Native` means "with a BOM" (little-endian output).
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Endian {
    Native,
    Little,
    Big,
}

impl Encoding {
    /// The name CPython uses in error messages.
    fn name(self) -> &'static str {
        match self {
            Encoding::Utf8 => "utf-8",
            Encoding::Ascii => "ascii",
            Encoding::Latin1 => "latin-1",
            Encoding::Utf16(Endian::Native) => "utf-16",
            Encoding::Utf16(Endian::Little) => "utf-16-le",
            Encoding::Utf16(Endian::Big) => "utf-16-be",
            Encoding::Utf32(Endian::Native) => "utf-32",
            Encoding::Utf32(Endian::Little) => "utf-32-le",
            Encoding::Utf32(Endian::Big) => "utf-32-be",
        }
    }
}

/// Looks an encoding name up the way Python normalizes names (case, `-`, ` `, `_`).
pub fn lookup(name: &str) -> PyResult<Encoding> {
    let norm: String = name
        .trim()
        .chars()
        .map(|c| match c {
            '-' | ' ' => '_',
            c => c.to_ascii_lowercase(),
        })
        .collect();
    Ok(match norm.as_str() {
        "utf_8" | "utf8" | "u8" | "utf" | "cp65001" | "utf_8_sig" | "utf8_ucs2" | "utf8_ucs4" => {
            Encoding::Utf8
        }
        "ascii" | "us_ascii" | "646" | "us" | "ansi_x3.4_1968" | "iso646_us" => Encoding::Ascii,
        "latin_1" | "latin1" | "latin" | "l1" | "iso_8859_1" | "iso8859_1" | "8859" | "cp819"
        | "iso_ir_100" | "iso_8859_1:1987" => Encoding::Latin1,
        "utf_16" | "utf16" | "u16" => Encoding::Utf16(Endian::Native),
        "utf_16_le" | "utf_16le" => Encoding::Utf16(Endian::Little),
        "utf_16_be" | "utf_16be" => Encoding::Utf16(Endian::Big),
        "utf_32" | "utf32" | "u32" => Encoding::Utf32(Endian::Native),
        "utf_32_le" | "utf_32le" => Encoding::Utf32(Endian::Little),
        "utf_32_be" | "utf_32be" => Encoding::Utf32(Endian::Big),
        _ => {
            return Err(PyErr::new(
                ExcKind::LookupError,
                format!("unknown encoding: {name}"),
            ));
        }
    })
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Handler {
    Strict,
    Ignore,
    Replace,
    BackslashReplace,
    XmlCharRefReplace,
    /// Decodes undecodable bytes as U+FFFD (Rust strings cannot hold surrogates).
    Surrogate,
}

/// Resolves an `errors=` name; unknown names fail only when an error actually occurs, as
/// in CPython.
fn handler(errors: Option<&str>) -> PyResult<Handler> {
    Ok(match errors.unwrap_or("strict") {
        "strict" => Handler::Strict,
        "ignore" => Handler::Ignore,
        "replace" => Handler::Replace,
        "backslashreplace" | "namereplace" => Handler::BackslashReplace,
        "xmlcharrefreplace" => Handler::XmlCharRefReplace,
        "surrogateescape" | "surrogatepass" => Handler::Surrogate,
        other => {
            return Err(PyErr::new(
                ExcKind::LookupError,
                format!("unknown error handler name '{other}'"),
            ));
        }
    })
}

/// The char as CPython shows it in codec errors: `'\xe9'`, `'\u20ac'`.
fn escaped_char(c: char) -> String {
    let n = u32::from(c);
    if n < 0x100 {
        format!("'\\x{n:02x}'")
    } else if n < 0x10000 {
        format!("'\\u{n:04x}'")
    } else {
        format!("'\\U{n:08x}'")
    }
}

fn encode_error(enc: Encoding, chars: &[char], start: usize, end: usize, reason: &str) -> PyErr {
    let msg = if end - start == 1 {
        format!(
            "'{}' codec can't encode character {} in position {start}: {reason}",
            enc.name(),
            escaped_char(chars.get(start).copied().unwrap_or('\0'))
        )
    } else {
        format!(
            "'{}' codec can't encode characters in position {start}-{}: {reason}",
            enc.name(),
            end - 1
        )
    };
    PyErr::new(ExcKind::UnicodeEncodeError, msg)
}

fn decode_error(enc: Encoding, data: &[u8], start: usize, end: usize, reason: &str) -> PyErr {
    let msg = if end - start == 1 {
        format!(
            "'{}' codec can't decode byte 0x{:02x} in position {start}: {reason}",
            enc.name(),
            data.get(start).copied().unwrap_or(0)
        )
    } else {
        format!(
            "'{}' codec can't decode bytes in position {start}-{}: {reason}",
            enc.name(),
            end - 1
        )
    };
    PyErr::new(ExcKind::UnicodeDecodeError, msg)
}

/// `text.encode(encoding, errors)`.
pub fn encode(text: &str, encoding: Option<&str>, errors: Option<&str>) -> PyResult<Vec<u8>> {
    let enc = match encoding {
        None => Encoding::Utf8,
        Some(name) => lookup(name)?,
    };
    match enc {
        Encoding::Utf8 => Ok(text.as_bytes().to_vec()),
        Encoding::Ascii | Encoding::Latin1 => {
            let limit: u32 = if enc == Encoding::Ascii { 0x80 } else { 0x100 };
            if enc == Encoding::Ascii && text.is_ascii() {
                return Ok(text.as_bytes().to_vec());
            }
            let chars: Vec<char> = text.chars().collect();
            let mut out = Vec::with_capacity(chars.len());
            let mut i = 0;
            while i < chars.len() {
                let c = chars[i];
                if u32::from(c) < limit {
                    out.push(u32::from(c) as u8);
                    i += 1;
                    continue;
                }
                let mut end = i + 1;
                while end < chars.len() && u32::from(chars[end]) >= limit {
                    end += 1;
                }
                let reason = if limit == 0x80 {
                    "ordinal not in range(128)"
                } else {
                    "ordinal not in range(256)"
                };
                match handler(errors)? {
                    Handler::Strict => return Err(encode_error(enc, &chars, i, end, reason)),
                    Handler::Ignore => {}
                    Handler::Replace | Handler::Surrogate => {
                        out.extend(std::iter::repeat_n(b'?', end - i));
                    }
                    Handler::BackslashReplace => {
                        for &c in &chars[i..end] {
                            out.extend(backslash_escape(u32::from(c)).bytes());
                        }
                    }
                    Handler::XmlCharRefReplace => {
                        for &c in &chars[i..end] {
                            out.extend(format!("&#{};", u32::from(c)).bytes());
                        }
                    }
                }
                i = end;
            }
            Ok(out)
        }
        Encoding::Utf16(endian) => {
            let mut out = Vec::with_capacity(text.len() * 2 + 2);
            let big = endian == Endian::Big;
            if endian == Endian::Native {
                out.extend([0xFF, 0xFE]);
            }
            for unit in text.encode_utf16() {
                out.extend(if big {
                    unit.to_be_bytes()
                } else {
                    unit.to_le_bytes()
                });
            }
            Ok(out)
        }
        Encoding::Utf32(endian) => {
            let mut out = Vec::with_capacity(text.len() * 4 + 4);
            let big = endian == Endian::Big;
            if endian == Endian::Native {
                out.extend([0xFF, 0xFE, 0, 0]);
            }
            for c in text.chars() {
                let n = u32::from(c);
                out.extend(if big {
                    n.to_be_bytes()
                } else {
                    n.to_le_bytes()
                });
            }
            Ok(out)
        }
    }
}

fn backslash_escape(n: u32) -> String {
    if n < 0x100 {
        format!("\\x{n:02x}")
    } else if n < 0x10000 {
        format!("\\u{n:04x}")
    } else {
        format!("\\U{n:08x}")
    }
}

/// Appends the replacement for undecodable bytes `data[start..end]`.
fn decode_handle(
    out: &mut String,
    h: Handler,
    data: &[u8],
    start: usize,
    end: usize,
) -> PyResult<()> {
    match h {
        Handler::Strict => Err(PyErr::internal("strict handler reached decode_handle")),
        Handler::Ignore => Ok(()),
        Handler::Replace | Handler::Surrogate => {
            out.push('\u{FFFD}');
            Ok(())
        }
        Handler::BackslashReplace => {
            for b in &data[start..end] {
                out.push_str(&format!("\\x{b:02x}"));
            }
            Ok(())
        }
        Handler::XmlCharRefReplace => Err(PyErr::type_error(
            "don't know how to handle UnicodeDecodeError in error callback",
        )),
    }
}

/// `data.decode(encoding, errors)`.
pub fn decode(data: &[u8], encoding: Option<&str>, errors: Option<&str>) -> PyResult<String> {
    let enc = match encoding {
        None => Encoding::Utf8,
        Some(name) => lookup(name)?,
    };
    match enc {
        Encoding::Utf8 => decode_utf8(data, errors),
        Encoding::Latin1 => Ok(data.iter().map(|&b| char::from(b)).collect()),
        Encoding::Ascii => {
            if data.is_ascii() {
                return Ok(String::from_utf8_lossy(data).into_owned());
            }
            let mut out = String::with_capacity(data.len());
            for (i, &b) in data.iter().enumerate() {
                if b < 0x80 {
                    out.push(char::from(b));
                    continue;
                }
                let h = handler(errors)?;
                if h == Handler::Strict {
                    return Err(decode_error(
                        enc,
                        data,
                        i,
                        i + 1,
                        "ordinal not in range(128)",
                    ));
                }
                decode_handle(&mut out, h, data, i, i + 1)?;
            }
            Ok(out)
        }
        Encoding::Utf16(endian) => decode_utf16(data, endian, errors),
        Encoding::Utf32(endian) => decode_utf32(data, endian, errors),
    }
}

fn decode_utf8(data: &[u8], errors: Option<&str>) -> PyResult<String> {
    let mut rest = data;
    let mut pos = 0;
    let mut out = String::new();
    loop {
        match std::str::from_utf8(rest) {
            Ok(s) => {
                if out.is_empty() {
                    return Ok(s.to_string());
                }
                out.push_str(s);
                return Ok(out);
            }
            Err(e) => {
                let valid = e.valid_up_to();
                out.push_str(std::str::from_utf8(&rest[..valid]).unwrap_or_default());
                let start = pos + valid;
                let bad_len = e.error_len().unwrap_or(rest.len() - valid);
                let end = start + bad_len;
                let h = handler(errors)?;
                if h == Handler::Strict {
                    let first = rest.get(valid).copied().unwrap_or(0);
                    let reason = if e.error_len().is_none() {
                        "unexpected end of data"
                    } else if matches!(first, 0x80..=0xC1 | 0xF5..=0xFF) {
                        "invalid start byte"
                    } else {
                        "invalid continuation byte"
                    };
                    return Err(decode_error(Encoding::Utf8, data, start, end, reason));
                }
                decode_handle(&mut out, h, data, start, end)?;
                rest = &rest[valid + bad_len..];
                pos = end;
            }
        }
    }
}

fn decode_utf16(data: &[u8], endian: Endian, errors: Option<&str>) -> PyResult<String> {
    let enc = Encoding::Utf16(endian);
    let (mut big, mut body) = (endian == Endian::Big, data);
    if endian == Endian::Native {
        if let Some(rest) = data.strip_prefix(&[0xFF, 0xFE]) {
            body = rest;
        } else if let Some(rest) = data.strip_prefix(&[0xFE, 0xFF]) {
            body = rest;
            big = true;
        }
    }
    let offset = data.len() - body.len();
    let units: Vec<u16> = body
        .chunks_exact(2)
        .map(|p| {
            if big {
                u16::from_be_bytes([p[0], p[1]])
            } else {
                u16::from_le_bytes([p[0], p[1]])
            }
        })
        .collect();
    let mut out = String::with_capacity(units.len());
    let mut idx = 0;
    for r in char::decode_utf16(units.iter().copied()) {
        match r {
            Ok(c) => {
                idx += c.len_utf16();
                out.push(c);
            }
            Err(_) => {
                let start = offset + idx * 2;
                idx += 1;
                let h = handler(errors)?;
                if h == Handler::Strict {
                    return Err(decode_error(
                        enc,
                        data,
                        start,
                        start + 2,
                        "illegal encoding",
                    ));
                }
                decode_handle(&mut out, h, data, start, start + 2)?;
            }
        }
    }
    if body.len() % 2 == 1 {
        let start = data.len() - 1;
        let h = handler(errors)?;
        if h == Handler::Strict {
            return Err(decode_error(enc, data, start, data.len(), "truncated data"));
        }
        decode_handle(&mut out, h, data, start, data.len())?;
    }
    Ok(out)
}

fn decode_utf32(data: &[u8], endian: Endian, errors: Option<&str>) -> PyResult<String> {
    let enc = Encoding::Utf32(endian);
    let (mut big, mut body) = (endian == Endian::Big, data);
    if endian == Endian::Native {
        if let Some(rest) = data.strip_prefix(&[0xFF, 0xFE, 0, 0]) {
            body = rest;
        } else if let Some(rest) = data.strip_prefix(&[0, 0, 0xFE, 0xFF]) {
            body = rest;
            big = true;
        }
    }
    let offset = data.len() - body.len();
    let mut out = String::with_capacity(body.len() / 4);
    for (i, p) in body.chunks(4).enumerate() {
        let start = offset + i * 4;
        if p.len() < 4 {
            let h = handler(errors)?;
            if h == Handler::Strict {
                return Err(decode_error(enc, data, start, data.len(), "truncated data"));
            }
            decode_handle(&mut out, h, data, start, data.len())?;
            break;
        }
        let n = if big {
            u32::from_be_bytes([p[0], p[1], p[2], p[3]])
        } else {
            u32::from_le_bytes([p[0], p[1], p[2], p[3]])
        };
        match char::from_u32(n) {
            Some(c) => out.push(c),
            None => {
                let h = handler(errors)?;
                if h == Handler::Strict {
                    return Err(decode_error(
                        enc,
                        data,
                        start,
                        start + 4,
                        "code point not in range(0x110000)",
                    ));
                }
                decode_handle(&mut out, h, data, start, start + 4)?;
            }
        }
    }
    Ok(out)
}

/// The `encoding`/`errors` arguments of `encode`/`decode` (`str` or absent).
pub fn codec_args(
    vm: &Vm,
    args: &Args<'_>,
    fname: &str,
) -> PyResult<(Option<String>, Option<String>)> {
    let b = bind_method(args, fname, &["encoding", "errors"], 0, 0)?;
    let mut out = [None, None];
    for (i, what) in ["encoding", "errors"].iter().enumerate() {
        if b[i].is_null() {
            continue;
        }
        match b[i].as_str() {
            Some(s) => out[i] = Some(s.to_string()),
            None => {
                return Err(PyErr::type_error(format!(
                    "{fname}() argument '{what}' must be str, not {}",
                    super::native_util::arg_type_name(vm, &b[i])
                )));
            }
        }
    }
    let [e, r] = out;
    Ok((e, r))
}

fn str_encode(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let s = recv_str(vm, &args, "encode")?;
    let (encoding, errors) = codec_args(vm, &args, "encode")?;
    let bytes = encode(s.as_str(), encoding.as_deref(), errors.as_deref())?;
    Ok(vm.new_bytes(bytes))
}
