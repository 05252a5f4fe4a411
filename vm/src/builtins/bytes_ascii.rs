//! The ASCII-oriented methods `bytes` and `bytearray` share: case mapping, the `is*`
//! predicates, padding, `expandtabs`, `splitlines`, `hex`/`fromhex`, `translate`/
//! `maketrans` and `decode`.

use crate::interp::args::Args;
use crate::object::Value;
use crate::runtime::errors::{PyErr, PyResult};
use crate::vm::Vm;

use super::bytes_methods::{arg_buffer, is_space, make, owner_qualname, recv};
use super::native_util::{arg_ssize, bind_method, method_range, no_args, one_arg};

fn map_impl(vm: &mut Vm, args: &Args<'_>, qual: &str, f: fn(&[u8]) -> Vec<u8>) -> PyResult<Value> {
    let name = qual.rsplit('.').next().unwrap_or(qual);
    let (data, ba) = recv(vm, args, name)?;
    no_args(args, &owner_qualname(ba, name))?;
    Ok(make(vm, f(&data), ba))
}

fn title_bytes(d: &[u8]) -> Vec<u8> {
    let mut prev = false;
    d.iter()
        .map(|&b| {
            let r = if prev {
                b.to_ascii_lowercase()
            } else {
                b.to_ascii_uppercase()
            };
            prev = b.is_ascii_alphabetic();
            r
        })
        .collect()
}

fn capitalize_bytes(d: &[u8]) -> Vec<u8> {
    d.iter()
        .enumerate()
        .map(|(i, b)| {
            if i == 0 {
                b.to_ascii_uppercase()
            } else {
                b.to_ascii_lowercase()
            }
        })
        .collect()
}

pub(crate) fn b_upper(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    map_impl(vm, &args, "bytes.upper", |d| d.to_ascii_uppercase())
}

pub(crate) fn b_lower(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    map_impl(vm, &args, "bytes.lower", |d| d.to_ascii_lowercase())
}

pub(crate) fn b_swapcase(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    map_impl(vm, &args, "bytes.swapcase", |d| {
        d.iter()
            .map(|b| {
                if b.is_ascii_uppercase() {
                    b.to_ascii_lowercase()
                } else {
                    b.to_ascii_uppercase()
                }
            })
            .collect()
    })
}

pub(crate) fn b_title(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    map_impl(vm, &args, "bytes.title", title_bytes)
}

pub(crate) fn b_capitalize(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    map_impl(vm, &args, "bytes.capitalize", capitalize_bytes)
}

fn pred_impl(vm: &mut Vm, args: &Args<'_>, qual: &str, f: fn(&[u8]) -> bool) -> PyResult<Value> {
    let name = qual.rsplit('.').next().unwrap_or(qual);
    let (data, ba) = recv(vm, args, name)?;
    no_args(args, &owner_qualname(ba, name))?;
    Ok(Value::from_bool(f(&data)))
}

pub(crate) fn b_isalpha(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    pred_impl(vm, &args, "bytes.isalpha", |d| {
        !d.is_empty() && d.iter().all(u8::is_ascii_alphabetic)
    })
}

pub(crate) fn b_isalnum(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    pred_impl(vm, &args, "bytes.isalnum", |d| {
        !d.is_empty() && d.iter().all(u8::is_ascii_alphanumeric)
    })
}

pub(crate) fn b_isdigit(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    pred_impl(vm, &args, "bytes.isdigit", |d| {
        !d.is_empty() && d.iter().all(u8::is_ascii_digit)
    })
}

pub(crate) fn b_isspace(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    pred_impl(vm, &args, "bytes.isspace", |d| {
        !d.is_empty() && d.iter().all(|b| is_space(*b))
    })
}

pub(crate) fn b_isascii(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    pred_impl(vm, &args, "bytes.isascii", |d| d.is_ascii())
}

pub(crate) fn b_isupper(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    pred_impl(vm, &args, "bytes.isupper", |d| {
        d.iter().any(u8::is_ascii_uppercase) && !d.iter().any(u8::is_ascii_lowercase)
    })
}

pub(crate) fn b_islower(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    pred_impl(vm, &args, "bytes.islower", |d| {
        d.iter().any(u8::is_ascii_lowercase) && !d.iter().any(u8::is_ascii_uppercase)
    })
}

pub(crate) fn b_istitle(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    pred_impl(vm, &args, "bytes.istitle", |d| {
        let (mut cased, mut prev) = (false, false);
        for b in d {
            if b.is_ascii_uppercase() {
                if prev {
                    return false;
                }
                prev = true;
                cased = true;
            } else if b.is_ascii_lowercase() {
                if !prev {
                    return false;
                }
                prev = true;
                cased = true;
            } else {
                prev = false;
            }
        }
        cased
    })
}

fn pad_impl(vm: &mut Vm, args: &Args<'_>, name: &str, which: u8) -> PyResult<Value> {
    let (data, ba) = recv(vm, args, name)?;
    let a = method_range(args, name, 1, 2)?;
    let width = arg_ssize(vm, &a[0])?;
    let fill = match a.get(1) {
        None => b' ',
        Some(v) => match vm.bytes_like(v) {
            Some(f) if f.len() == 1 => f[0],
            _ => {
                return Err(PyErr::type_error(format!(
                    "{name}() argument 2 must be a byte string of length 1, not {}",
                    super::native_util::arg_type_name(vm, v)
                )));
            }
        },
    };
    let len = data.len() as i64;
    if width <= len {
        return Ok(make(vm, data.to_vec(), ba));
    }
    let marg = (width - len) as usize;
    let left = match which {
        b'l' => 0,
        b'r' => marg,
        _ => marg / 2 + (marg & width as usize & 1),
    };
    let mut out = vec![fill; left];
    out.extend_from_slice(&data);
    out.resize(width as usize, fill);
    Ok(make(vm, out, ba))
}

pub(crate) fn b_center(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    pad_impl(vm, &args, "center", b'c')
}

pub(crate) fn b_ljust(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    pad_impl(vm, &args, "ljust", b'l')
}

pub(crate) fn b_rjust(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    pad_impl(vm, &args, "rjust", b'r')
}

pub(crate) fn b_zfill(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let (data, ba) = recv(vm, &args, "zfill")?;
    let a = std::slice::from_ref(one_arg(&args, &owner_qualname(ba, "zfill"))?);
    let width = arg_ssize(vm, &a[0])?;
    let len = data.len() as i64;
    if width <= len {
        return Ok(make(vm, data.to_vec(), ba));
    }
    let fill = (width - len) as usize;
    let mut out = Vec::with_capacity(width as usize);
    let body: &[u8] = match data.first() {
        Some(b'+' | b'-') => {
            out.push(data[0]);
            &data[1..]
        }
        _ => &data,
    };
    out.extend(std::iter::repeat_n(b'0', fill));
    out.extend_from_slice(body);
    Ok(make(vm, out, ba))
}

pub(crate) fn b_expandtabs(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let (data, ba) = recv(vm, &args, "expandtabs")?;
    let b = bind_method(&args, "expandtabs", &["tabsize"], 0, 0)?;
    let tabsize = if b[0].is_null() {
        8
    } else {
        arg_ssize(vm, &b[0])?
    };
    let mut out = Vec::with_capacity(data.len());
    let mut col: i64 = 0;
    for &c in data.iter() {
        match c {
            b'\t' => {
                if tabsize > 0 {
                    let n = tabsize - col % tabsize;
                    out.extend(std::iter::repeat_n(b' ', n as usize));
                    col += n;
                }
            }
            b'\n' | b'\r' => {
                out.push(c);
                col = 0;
            }
            _ => {
                out.push(c);
                col += 1;
            }
        }
    }
    Ok(make(vm, out, ba))
}

pub(crate) fn b_splitlines(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let (data, ba) = recv(vm, &args, "splitlines")?;
    let b = bind_method(&args, "splitlines", &["keepends"], 0, 0)?;
    let keep = !b[0].is_null() && vm.truthy(&b[0])?;
    let mut out = Vec::new();
    let (mut i, mut start) = (0, 0);
    while i < data.len() {
        let c = data[i];
        if c == b'\n' || c == b'\r' {
            let mut end = i + 1;
            if c == b'\r' && data.get(i + 1) == Some(&b'\n') {
                end += 1;
            }
            let stop = if keep { end } else { i };
            out.push(make(vm, data[start..stop].to_vec(), ba));
            start = end;
            i = end;
        } else {
            i += 1;
        }
    }
    if start < data.len() {
        out.push(make(vm, data[start..].to_vec(), ba));
    }
    Ok(vm.new_list(out))
}

/// `bytes.hex(sep, bytes_per_sep)`.
pub fn hex_string(data: &[u8], sep: Option<char>, per: i64) -> String {
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    let mut out = String::with_capacity(data.len() * 3);
    let n = data.len();
    let group = per.unsigned_abs() as usize;
    for (i, b) in data.iter().enumerate() {
        if let Some(s) = sep
            && i > 0
            && group > 0
        {
            let boundary = if per > 0 {
                (n - i).is_multiple_of(group)
            } else {
                i.is_multiple_of(group)
            };
            if boundary {
                out.push(s);
            }
        }
        out.push(char::from(DIGITS[usize::from(b >> 4)]));
        out.push(char::from(DIGITS[usize::from(b & 15)]));
    }
    out
}

pub(crate) fn b_hex(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let (data, _) = recv(vm, &args, "hex")?;
    let b = bind_method(&args, "hex", &["sep", "bytes_per_sep"], 0, 0)?;
    // CPython converts `bytes_per_sep` first, then sizes `sep` before checking its type.
    let per = if b[1].is_null() {
        1
    } else {
        arg_ssize(vm, &b[1])?
    };
    let sep = if b[0].is_null() {
        None
    } else {
        if vm.len(&b[0])? != 1 {
            return Err(PyErr::value_error("sep must be length 1."));
        }
        let c = if let Some(s) = b[0].as_str() {
            s.chars().next().unwrap_or(' ')
        } else if let Some(d) = vm.bytes_like(&b[0]) {
            char::from(d[0])
        } else {
            return Err(PyErr::type_error("sep must be str or bytes."));
        };
        if !c.is_ascii() {
            return Err(PyErr::value_error("sep must be ASCII."));
        }
        Some(c)
    };
    Ok(vm.new_string(hex_string(&data, sep, per)))
}

/// `bytes.fromhex(string)`.
pub fn parse_hex(s: &str) -> PyResult<Vec<u8>> {
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len() / 2);
    let mut i = 0;
    let err = |pos: usize| {
        PyErr::value_error(format!(
            "non-hexadecimal number found in fromhex() arg at position {pos}"
        ))
    };
    let char_pos = |byte: usize| s.get(..byte).map_or(byte, |t| t.chars().count());
    while i < b.len() {
        if b[i].is_ascii_whitespace() || b[i] == 0x0b {
            i += 1;
            continue;
        }
        let hi = char::from(b[i])
            .to_digit(16)
            .ok_or_else(|| err(char_pos(i)))?;
        let lo = b
            .get(i + 1)
            .and_then(|c| char::from(*c).to_digit(16))
            .ok_or_else(|| err(char_pos(i + 1)))?;
        out.push((hi * 16 + lo) as u8);
        i += 2;
    }
    Ok(out)
}

pub(crate) fn b_fromhex(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let cls = args.values.first().cloned().unwrap_or(Value::NONE);
    let owner = crate::runtime::typecheck::type_name_of(&cls);
    let a = std::slice::from_ref(one_arg(&args, &format!("{owner}.fromhex"))?);
    let Some(s) = a[0].as_str() else {
        return Err(PyErr::type_error(format!(
            "fromhex() argument must be str, not {}",
            super::native_util::arg_type_name(vm, &a[0])
        )));
    };
    let data = parse_hex(s)?;
    if cls.is(&vm.types.bytes) {
        return Ok(vm.new_bytes(data));
    }
    if cls.is(&vm.types.bytearray) {
        return Ok(vm.new_bytearray(data));
    }
    let v = vm.new_bytes(data);
    vm.call(&cls, &[v])
}

pub(crate) fn b_translate(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let (data, ba) = recv(vm, &args, "translate")?;
    let b = bind_method(&args, "translate", &["table", "delete"], 1, 1)?;
    let table = if b[0].is_none() {
        None
    } else {
        let t = arg_buffer(vm, &b[0])?;
        if t.len() != 256 {
            return Err(PyErr::value_error(
                "translation table must be 256 characters long",
            ));
        }
        Some(t)
    };
    let delete = if b[1].is_null() {
        Vec::new()
    } else {
        arg_buffer(vm, &b[1])?
    };
    let out = data
        .iter()
        .filter(|c| !delete.contains(c))
        .map(|&c| table.as_ref().map_or(c, |t| t[usize::from(c)]))
        .collect();
    Ok(make(vm, out, ba))
}

pub(crate) fn b_maketrans(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = args.exact("maketrans", 2)?;
    let from = arg_buffer(vm, &a[0])?;
    let to = arg_buffer(vm, &a[1])?;
    if from.len() != to.len() {
        return Err(PyErr::value_error(
            "maketrans arguments must have same length",
        ));
    }
    let mut table: Vec<u8> = (0..=255u8).collect();
    for (f, t) in from.iter().zip(to.iter()) {
        table[usize::from(*f)] = *t;
    }
    Ok(vm.new_bytes(table))
}

pub(crate) fn b_decode(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let (data, _) = recv(vm, &args, "decode")?;
    let (encoding, errors) = super::codecs::codec_args(vm, &args, "decode")?;
    if data.is_empty() {
        // CPython returns '' for empty input without looking the codec up.
        return Ok(vm.intern(""));
    }
    let s = super::codecs::decode_str(&data, encoding.as_deref(), errors.as_deref())?;
    Ok(vm.new_pystr(s))
}
