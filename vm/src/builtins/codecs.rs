//! Text encodings for `str.encode`, `bytes.decode`, `str(b, encoding)` and `open()`:
//! UTF-8, ASCII, Latin-1, UTF-16 and UTF-32, with the error handlers `strict`, `ignore`,
//! `replace`, `backslashreplace` and `xmlcharrefreplace`, and CPython's messages
//! (`'ascii' codec can't encode character '\xe9' in position 0: ordinal not in range(128)`).
//!
//! `surrogateescape` and `surrogatepass` work in both directions: decoding produces
//! strings holding lone surrogates (`types::str`), encoding reads them back.

use crate::interp::args::Args;
use crate::object::Value;
use crate::runtime::errors::{ExcKind, PyErr, PyResult};
use crate::types::str::PyStr;
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
    /// Undecodable bytes 0x80..=0xFF become U+DC80..=U+DCFF, and back when encoding.
    SurrogateEscape,
    /// Surrogates are encoded/decoded like other code points by the UTF codecs.
    SurrogatePass,
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
        "surrogateescape" => Handler::SurrogateEscape,
        "surrogatepass" => Handler::SurrogatePass,
        other => {
            return Err(PyErr::new(
                ExcKind::LookupError,
                format!("unknown error handler name '{other}'"),
            ));
        }
    })
}

/// The char as CPython shows it in codec errors: `'\xe9'`, `'\u20ac'`.
fn escaped_char(n: u32) -> String {
    format!("'{}'", backslash_escape(n))
}

fn encode_error(enc: Encoding, chars: &[u32], start: usize, end: usize, reason: &str) -> PyErr {
    let msg = if end - start == 1 {
        format!(
            "'{}' codec can't encode character {} in position {start}: {reason}",
            enc.name(),
            escaped_char(chars.get(start).copied().unwrap_or(0))
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

/// `text.encode(encoding, errors)` for a string without lone surrogates.
pub fn encode(text: &str, encoding: Option<&str>, errors: Option<&str>) -> PyResult<Vec<u8>> {
    encode_wtf8(text.as_bytes(), encoding, errors)
}

/// Appends code point `cp` in encoding `enc` (which can represent it).
fn push_encoded(out: &mut Vec<u8>, enc: Encoding, cp: u32) {
    match enc {
        Encoding::Utf8 => crate::text::wtf8::push_code_point(out, cp),
        Encoding::Ascii | Encoding::Latin1 => out.push(cp as u8),
        Encoding::Utf16(endian) => {
            let mut units = [0u16; 2];
            let units: &[u16] = match char::from_u32(cp) {
                Some(c) => c.encode_utf16(&mut units),
                // A surrogate passed through by `surrogatepass`.
                None => {
                    units[0] = cp as u16;
                    &units[..1]
                }
            };
            for u in units {
                out.extend(if endian == Endian::Big {
                    u.to_be_bytes()
                } else {
                    u.to_le_bytes()
                });
            }
        }
        Encoding::Utf32(endian) => out.extend(if endian == Endian::Big {
            cp.to_be_bytes()
        } else {
            cp.to_le_bytes()
        }),
    }
}

/// `s.encode(encoding, errors)` for text given as generalized UTF-8 (lone surrogates
/// allowed).
pub fn encode_wtf8(text: &[u8], encoding: Option<&str>, errors: Option<&str>) -> PyResult<Vec<u8>> {
    use crate::text::wtf8::{CodePoints, has_surrogates, is_surrogate};
    let enc = match encoding {
        None => Encoding::Utf8,
        Some(name) => lookup(name)?,
    };
    if (enc == Encoding::Utf8 && !has_surrogates(text))
        || (matches!(enc, Encoding::Ascii | Encoding::Latin1) && text.is_ascii())
    {
        return Ok(text.to_vec());
    }
    let chars: Vec<u32> = CodePoints::new(text).collect();
    let (encodable, reason): (fn(u32) -> bool, &str) = match enc {
        Encoding::Ascii => (|c| c < 0x80, "ordinal not in range(128)"),
        Encoding::Latin1 => (|c| c < 0x100, "ordinal not in range(256)"),
        _ => (|c| !is_surrogate(c), "surrogates not allowed"),
    };
    // UTF-16/32 report each surrogate on its own; the others report whole runs.
    let single = matches!(enc, Encoding::Utf16(_) | Encoding::Utf32(_));
    let mut out = Vec::with_capacity(chars.len() + 4);
    match enc {
        Encoding::Utf16(Endian::Native) => out.extend([0xFF, 0xFE]),
        Encoding::Utf32(Endian::Native) => out.extend([0xFF, 0xFE, 0, 0]),
        _ => {}
    }
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if encodable(c) {
            push_encoded(&mut out, enc, c);
            i += 1;
            continue;
        }
        let mut end = i + 1;
        while !single && end < chars.len() && !encodable(chars[end]) {
            end += 1;
        }
        let run = &chars[i..end];
        match handler(errors)? {
            Handler::Strict => return Err(encode_error(enc, &chars, i, end, reason)),
            Handler::Ignore => {}
            Handler::Replace => {
                for _ in run {
                    push_encoded(&mut out, enc, u32::from('?'));
                }
            }
            Handler::BackslashReplace => {
                for &c in run {
                    for b in backslash_escape(c).bytes() {
                        push_encoded(&mut out, enc, u32::from(b));
                    }
                }
            }
            Handler::XmlCharRefReplace => {
                for &c in run {
                    for b in format!("&#{c};").bytes() {
                        push_encoded(&mut out, enc, u32::from(b));
                    }
                }
            }
            Handler::SurrogateEscape => {
                if !run.iter().all(|c| (0xDC80..=0xDCFF).contains(c)) {
                    return Err(encode_error(enc, &chars, i, end, reason));
                }
                out.extend(run.iter().map(|c| (c - 0xDC00) as u8));
            }
            Handler::SurrogatePass => {
                if matches!(enc, Encoding::Ascii | Encoding::Latin1)
                    || !run.iter().all(|&c| is_surrogate(c))
                {
                    return Err(encode_error(enc, &chars, i, end, reason));
                }
                for &c in run {
                    push_encoded(&mut out, enc, c);
                }
            }
        }
        i = end;
    }
    Ok(out)
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

/// Decoded text under construction: generalized UTF-8, so handlers can add surrogates.
type Out = Vec<u8>;

fn push_char(out: &mut Out, c: char) {
    let mut buf = [0u8; 4];
    out.extend_from_slice(c.encode_utf8(&mut buf).as_bytes());
}

/// Handles undecodable bytes `data[start..end]` (the error `err` unless handled), given
/// `pass`: the surrogate code point `surrogatepass` decodes them to, if any.
fn decode_handle(
    out: &mut Out,
    h: Handler,
    data: &[u8],
    (start, end): (usize, usize),
    pass: Option<u32>,
    err: impl FnOnce() -> PyErr,
) -> PyResult<()> {
    match h {
        Handler::Strict => Err(err()),
        Handler::Ignore => Ok(()),
        Handler::Replace => {
            push_char(out, '\u{FFFD}');
            Ok(())
        }
        Handler::BackslashReplace => {
            for b in &data[start..end] {
                out.extend_from_slice(format!("\\x{b:02x}").as_bytes());
            }
            Ok(())
        }
        Handler::XmlCharRefReplace => Err(PyErr::type_error(
            "don't know how to handle UnicodeDecodeError in error callback",
        )),
        Handler::SurrogateEscape => {
            let bad = &data[start..end];
            if bad.iter().any(|&b| b < 0x80) {
                return Err(err());
            }
            for &b in bad {
                crate::text::wtf8::push_code_point(out, 0xDC00 + u32::from(b));
            }
            Ok(())
        }
        Handler::SurrogatePass => match pass {
            Some(cp) => {
                crate::text::wtf8::push_code_point(out, cp);
                Ok(())
            }
            None => Err(err()),
        },
    }
}

/// `data.decode(encoding, errors)` as a Rust string (lone surrogates from
/// `surrogateescape`/`surrogatepass` read as U+FFFD).
pub fn decode(data: &[u8], encoding: Option<&str>, errors: Option<&str>) -> PyResult<String> {
    let out = decode_wtf8(data, encoding, errors)?;
    Ok(match String::from_utf8(out) {
        Ok(s) => s,
        Err(e) => crate::text::wtf8::to_lossy_string(e.as_bytes()),
    })
}

/// `data.decode(encoding, errors)` as a `str` payload (lone surrogates kept).
pub fn decode_str(data: &[u8], encoding: Option<&str>, errors: Option<&str>) -> PyResult<PyStr> {
    Ok(PyStr::from_wtf8(decode_wtf8(data, encoding, errors)?))
}

/// `data.decode(encoding, errors)` as generalized UTF-8.
fn decode_wtf8(data: &[u8], encoding: Option<&str>, errors: Option<&str>) -> PyResult<Out> {
    let enc = match encoding {
        None => Encoding::Utf8,
        Some(name) => lookup(name)?,
    };
    match enc {
        Encoding::Utf8 => decode_utf8(data, errors),
        Encoding::Latin1 => {
            let mut out = Vec::with_capacity(data.len());
            for &b in data {
                push_char(&mut out, char::from(b));
            }
            Ok(out)
        }
        Encoding::Ascii => {
            if data.is_ascii() {
                return Ok(data.to_vec());
            }
            let mut out = Vec::with_capacity(data.len());
            for (i, &b) in data.iter().enumerate() {
                if b < 0x80 {
                    out.push(b);
                    continue;
                }
                let h = handler(errors)?;
                decode_handle(&mut out, h, data, (i, i + 1), None, || {
                    decode_error(enc, data, i, i + 1, "ordinal not in range(128)")
                })?;
            }
            Ok(out)
        }
        Encoding::Utf16(endian) => decode_utf16(data, endian, errors),
        Encoding::Utf32(endian) => decode_utf32(data, endian, errors),
    }
}

fn decode_utf8(data: &[u8], errors: Option<&str>) -> PyResult<Out> {
    let mut rest = data;
    let mut pos = 0;
    let mut out = Vec::new();
    loop {
        match std::str::from_utf8(rest) {
            Ok(s) => {
                if out.is_empty() {
                    return Ok(s.as_bytes().to_vec());
                }
                out.extend_from_slice(s.as_bytes());
                return Ok(out);
            }
            Err(e) => {
                let valid = e.valid_up_to();
                out.extend_from_slice(&rest[..valid]);
                let start = pos + valid;
                let h = handler(errors)?;
                // `surrogatepass` reads an encoded surrogate (ED A0..BF 80..BF) as itself.
                if h == Handler::SurrogatePass
                    && let [0xED, b1 @ 0xA0..=0xBF, b2 @ 0x80..=0xBF, ..] = rest[valid..]
                {
                    let cp = 0xD000 | (u32::from(b1 & 0x3F) << 6) | u32::from(b2 & 0x3F);
                    crate::text::wtf8::push_code_point(&mut out, cp);
                    rest = &rest[valid + 3..];
                    pos = start + 3;
                    continue;
                }
                let bad_len = e.error_len().unwrap_or(rest.len() - valid);
                let end = start + bad_len;
                let first = rest.get(valid).copied().unwrap_or(0);
                let reason = if e.error_len().is_none() {
                    "unexpected end of data"
                } else if matches!(first, 0x80..=0xC1 | 0xF5..=0xFF) {
                    "invalid start byte"
                } else {
                    "invalid continuation byte"
                };
                decode_handle(&mut out, h, data, (start, end), None, || {
                    decode_error(Encoding::Utf8, data, start, end, reason)
                })?;
                rest = &rest[valid + bad_len..];
                pos = end;
            }
        }
    }
}

fn decode_utf16(data: &[u8], endian: Endian, errors: Option<&str>) -> PyResult<Out> {
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
    let mut out = Vec::with_capacity(units.len());
    let mut i = 0;
    while i < units.len() {
        let u = units[i];
        let start = offset + i * 2;
        let (reason, end) = match u {
            0xD800..=0xDBFF => match units.get(i + 1) {
                Some(&lo @ 0xDC00..=0xDFFF) => {
                    let cp = 0x1_0000 + ((u32::from(u) - 0xD800) << 10) + (u32::from(lo) - 0xDC00);
                    crate::text::wtf8::push_code_point(&mut out, cp);
                    i += 2;
                    continue;
                }
                Some(_) => ("illegal UTF-16 surrogate", start + 2),
                None => ("unexpected end of data", data.len()),
            },
            0xDC00..=0xDFFF => ("illegal encoding", start + 2),
            _ => {
                crate::text::wtf8::push_code_point(&mut out, u32::from(u));
                i += 1;
                continue;
            }
        };
        let h = handler(errors)?;
        decode_handle(&mut out, h, data, (start, end), Some(u32::from(u)), || {
            decode_error(enc, data, start, end, reason)
        })?;
        if end == data.len() {
            return Ok(out);
        }
        i += 1;
    }
    if body.len() % 2 == 1 {
        let start = data.len() - 1;
        let h = handler(errors)?;
        decode_handle(&mut out, h, data, (start, data.len()), None, || {
            decode_error(enc, data, start, data.len(), "truncated data")
        })?;
    }
    Ok(out)
}

fn decode_utf32(data: &[u8], endian: Endian, errors: Option<&str>) -> PyResult<Out> {
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
    let mut out = Vec::with_capacity(body.len() / 4);
    for (i, p) in body.chunks(4).enumerate() {
        let start = offset + i * 4;
        if p.len() < 4 {
            let h = handler(errors)?;
            decode_handle(&mut out, h, data, (start, data.len()), None, || {
                decode_error(enc, data, start, data.len(), "truncated data")
            })?;
            break;
        }
        let n = if big {
            u32::from_be_bytes([p[0], p[1], p[2], p[3]])
        } else {
            u32::from_le_bytes([p[0], p[1], p[2], p[3]])
        };
        if n < 0x11_0000 && !crate::text::wtf8::is_surrogate(n) {
            crate::text::wtf8::push_code_point(&mut out, n);
            continue;
        }
        let (reason, pass) = if n < 0x11_0000 {
            (
                "code point in surrogate code point range(0xd800, 0xe000)",
                Some(n),
            )
        } else {
            ("code point not in range(0x110000)", None)
        };
        let h = handler(errors)?;
        decode_handle(&mut out, h, data, (start, start + 4), pass, || {
            decode_error(enc, data, start, start + 4, reason)
        })?;
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
    let bytes = encode_wtf8(s.wtf8(), encoding.as_deref(), errors.as_deref())?;
    Ok(vm.new_bytes(bytes))
}
