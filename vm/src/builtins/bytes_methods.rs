//! The methods `bytes` and `bytearray` share: searching, splitting, joining, stripping,
//! replacing, ASCII case mapping and predicates, padding, `hex`/`fromhex`, `translate`.
//! Results have the receiver's type (`bytearray(b'a b').split()` gives bytearrays).
//!
//! A bytearray receiver is copied out of its `RefCell` before any argument conversion that
//! could run Python code, so a method never holds a borrow across a call.

use std::borrow::Cow;

use crate::interp::args::Args;
use crate::object::{Payload, Value};
use crate::runtime::errors::{PyErr, PyResult};
use crate::runtime::numbers::as_int;
use crate::types::function::NativeFn;
use crate::vm::Vm;

use super::native_util::{
    add_classmethod, add_staticmethod, arg_ssize, bind_method, descriptor_error, method_range,
    no_args, start_end,
};

/// The methods registered on both `bytes` and `bytearray`.
pub const SHARED: &[(&str, NativeFn)] = &[
    ("find", b_find),
    ("rfind", b_rfind),
    ("index", b_index),
    ("rindex", b_rindex),
    ("count", b_count),
    ("startswith", b_startswith),
    ("endswith", b_endswith),
    ("split", b_split),
    ("rsplit", b_rsplit),
    ("join", b_join),
    ("strip", b_strip),
    ("lstrip", b_lstrip),
    ("rstrip", b_rstrip),
    ("replace", b_replace),
    ("partition", b_partition),
    ("rpartition", b_rpartition),
    ("removeprefix", b_removeprefix),
    ("removesuffix", b_removesuffix),
    ("upper", b_upper),
    ("lower", b_lower),
    ("swapcase", b_swapcase),
    ("title", b_title),
    ("capitalize", b_capitalize),
    ("isalpha", b_isalpha),
    ("isalnum", b_isalnum),
    ("isdigit", b_isdigit),
    ("isspace", b_isspace),
    ("isascii", b_isascii),
    ("isupper", b_isupper),
    ("islower", b_islower),
    ("istitle", b_istitle),
    ("center", b_center),
    ("ljust", b_ljust),
    ("rjust", b_rjust),
    ("zfill", b_zfill),
    ("expandtabs", b_expandtabs),
    ("splitlines", b_splitlines),
    ("hex", b_hex),
    ("translate", b_translate),
    ("decode", b_decode),
];

pub fn install(vm: &mut Vm) {
    for ty in [vm.types.bytes.clone(), vm.types.bytearray.clone()] {
        for (name, f) in SHARED {
            vm.add_method(&ty, name, *f);
        }
        add_classmethod(vm, &ty, "fromhex", b_fromhex);
        add_staticmethod(vm, &ty, "maketrans", b_maketrans);
    }
}

/// The receiver's bytes and whether it is a bytearray.
pub fn recv<'a>(vm: &Vm, args: &Args<'a>, name: &str) -> PyResult<(Cow<'a, [u8]>, bool)> {
    let v = super::native_util::receiver(args, name, "bytes")?;
    match v.payload() {
        Some(Payload::Bytes(b)) => Ok((Cow::Borrowed(&b[..]), false)),
        Some(Payload::ByteArray(b)) => Ok((Cow::Owned(b.borrow().clone()), true)),
        _ => Err(descriptor_error(vm, name, "bytes", v)),
    }
}

/// A result of the receiver's kind.
pub fn make(vm: &Vm, data: Vec<u8>, bytearray: bool) -> Value {
    if bytearray {
        vm.new_bytearray(data)
    } else {
        vm.new_bytes(data)
    }
}

/// A bytes-like argument: `a bytes-like object is required, not 'str'`.
pub fn arg_buffer(vm: &Vm, v: &Value) -> PyResult<Vec<u8>> {
    vm.bytes_like(v).ok_or_else(|| {
        PyErr::type_error(format!(
            "a bytes-like object is required, not '{}'",
            vm.type_name(v)
        ))
    })
}

/// First occurrence of `needle` in `hay`.
pub fn find_sub(hay: &[u8], needle: &[u8]) -> Option<usize> {
    match needle.len() {
        0 => Some(0),
        1 => hay.iter().position(|b| *b == needle[0]),
        n if n > hay.len() => None,
        n => {
            let first = needle[0];
            (0..=hay.len() - n).find(|&i| hay[i] == first && &hay[i..i + n] == needle)
        }
    }
}

/// Last occurrence of `needle` in `hay`.
pub fn rfind_sub(hay: &[u8], needle: &[u8]) -> Option<usize> {
    let n = needle.len();
    if n > hay.len() {
        return None;
    }
    (0..=hay.len() - n)
        .rev()
        .find(|&i| &hay[i..i + n] == needle)
}

/// The `sub` argument of find/count/index: bytes-like or an int in range(256).
fn sub_arg(vm: &mut Vm, v: &Value) -> PyResult<Vec<u8>> {
    if let Some(d) = vm.bytes_like(v) {
        return Ok(d);
    }
    if as_int(v).is_some() || vm.lookup_special(v, "__index__").is_some() {
        let i = vm.index_i64(v)?;
        if !(0..256).contains(&i) {
            return Err(PyErr::value_error("byte must be in range(0, 256)"));
        }
        return Ok(vec![i as u8]);
    }
    Err(PyErr::type_error(format!(
        "argument should be integer or bytes-like object, not '{}'",
        vm.type_name(v)
    )))
}

fn find_impl(vm: &mut Vm, args: &Args<'_>, name: &str, rev: bool) -> PyResult<Option<usize>> {
    let (data, _) = recv(vm, args, name)?;
    let a = method_range(args, name, 1, 3)?;
    let sub = sub_arg(vm, &a[0])?;
    let (start, end) = start_end(vm, a, 1, data.len())?;
    if start > end || start > data.len() || end - start < sub.len() {
        return Ok(None);
    }
    let hay = &data[start..end];
    let r = if rev {
        rfind_sub(hay, &sub)
    } else {
        find_sub(hay, &sub)
    };
    Ok(r.map(|i| i + start))
}

fn b_find(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let r = find_impl(vm, &args, "find", false)?;
    Ok(vm.new_int(r.map_or(-1, |i| i as i64)))
}

fn b_rfind(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let r = find_impl(vm, &args, "rfind", true)?;
    Ok(vm.new_int(r.map_or(-1, |i| i as i64)))
}

fn b_index(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    match find_impl(vm, &args, "index", false)? {
        Some(i) => Ok(vm.new_int(i as i64)),
        None => Err(PyErr::value_error("subsection not found")),
    }
}

fn b_rindex(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    match find_impl(vm, &args, "rindex", true)? {
        Some(i) => Ok(vm.new_int(i as i64)),
        None => Err(PyErr::value_error("subsection not found")),
    }
}

fn b_count(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let (data, _) = recv(vm, &args, "count")?;
    let a = method_range(&args, "count", 1, 3)?;
    let sub = sub_arg(vm, &a[0])?;
    let (start, end) = start_end(vm, a, 1, data.len())?;
    if start > end || start > data.len() {
        return Ok(vm.new_int(0));
    }
    if sub.is_empty() {
        return Ok(vm.new_int((end - start) as i64 + 1));
    }
    let mut hay = &data[start..end];
    let mut n = 0i64;
    while let Some(i) = find_sub(hay, &sub) {
        n += 1;
        hay = &hay[i + sub.len()..];
    }
    Ok(vm.new_int(n))
}

fn affix_impl(vm: &mut Vm, args: &Args<'_>, name: &str, suffix: bool) -> PyResult<Value> {
    let (data, _) = recv(vm, args, name)?;
    let a = method_range(args, name, 1, 3)?;
    let (start, end) = start_end(vm, a, 1, data.len())?;
    let test = |sub: &[u8]| {
        if start > data.len() || end < start || end - start < sub.len() {
            return false;
        }
        let hay = &data[start..end];
        if suffix {
            hay.ends_with(sub)
        } else {
            hay.starts_with(sub)
        }
    };
    if let Some(sub) = vm.bytes_like(&a[0]) {
        return Ok(Value::from_bool(test(&sub)));
    }
    if let Some(items) = a[0].as_tuple() {
        for item in items {
            match vm.bytes_like(item) {
                Some(sub) => {
                    if test(&sub) {
                        return Ok(Value::TRUE);
                    }
                }
                None => {
                    return Err(PyErr::type_error(format!(
                        "a bytes-like object is required, not '{}'",
                        vm.type_name(item)
                    )));
                }
            }
        }
        return Ok(Value::FALSE);
    }
    Err(PyErr::type_error(format!(
        "{name} first arg must be bytes or a tuple of bytes, not {}",
        vm.type_name(&a[0])
    )))
}

fn b_startswith(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    affix_impl(vm, &args, "startswith", false)
}

fn b_endswith(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    affix_impl(vm, &args, "endswith", true)
}

/// ASCII whitespace as `bytes.split()`/`strip()` see it.
fn is_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\r' | b'\x0b' | b'\x0c')
}

fn split_args(vm: &mut Vm, args: &Args<'_>, name: &str) -> PyResult<(Option<Vec<u8>>, usize)> {
    let b = bind_method(args, name, &["sep", "maxsplit"], 0, 0)?;
    let sep = if b[0].is_null() || b[0].is_none() {
        None
    } else {
        let s = arg_buffer(vm, &b[0])?;
        if s.is_empty() {
            return Err(PyErr::value_error("empty separator"));
        }
        Some(s)
    };
    let max = if b[1].is_null() {
        -1
    } else {
        arg_ssize(vm, &b[1])?
    };
    Ok((sep, if max < 0 { usize::MAX } else { max as usize }))
}

fn b_split(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let (data, ba) = recv(vm, &args, "split")?;
    let (sep, limit) = split_args(vm, &args, "split")?;
    let mut parts: Vec<&[u8]> = Vec::new();
    match &sep {
        None => {
            let mut i = 0;
            let n = data.len();
            loop {
                while i < n && is_space(data[i]) {
                    i += 1;
                }
                if i == n {
                    break;
                }
                if parts.len() == limit {
                    parts.push(&data[i..]);
                    break;
                }
                let start = i;
                while i < n && !is_space(data[i]) {
                    i += 1;
                }
                parts.push(&data[start..i]);
            }
        }
        Some(sep) => {
            let mut rest: &[u8] = &data;
            while parts.len() < limit {
                match find_sub(rest, sep) {
                    Some(i) => {
                        parts.push(&rest[..i]);
                        rest = &rest[i + sep.len()..];
                    }
                    None => break,
                }
            }
            parts.push(rest);
        }
    }
    let items = parts.iter().map(|p| make(vm, p.to_vec(), ba)).collect();
    Ok(vm.new_list(items))
}

fn b_rsplit(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let (data, ba) = recv(vm, &args, "rsplit")?;
    let (sep, limit) = split_args(vm, &args, "rsplit")?;
    let mut parts: Vec<&[u8]> = Vec::new();
    match &sep {
        None => {
            let mut end = data.len();
            loop {
                while end > 0 && is_space(data[end - 1]) {
                    end -= 1;
                }
                if end == 0 {
                    break;
                }
                if parts.len() == limit {
                    parts.push(&data[..end]);
                    break;
                }
                let stop = end;
                while end > 0 && !is_space(data[end - 1]) {
                    end -= 1;
                }
                parts.push(&data[end..stop]);
            }
        }
        Some(sep) => {
            let mut rest: &[u8] = &data;
            while parts.len() < limit {
                match rfind_sub(rest, sep) {
                    Some(i) => {
                        parts.push(&rest[i + sep.len()..]);
                        rest = &rest[..i];
                    }
                    None => break,
                }
            }
            parts.push(rest);
        }
    }
    parts.reverse();
    let items = parts.iter().map(|p| make(vm, p.to_vec(), ba)).collect();
    Ok(vm.new_list(items))
}

fn b_join(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let (sep, ba) = recv(vm, &args, "join")?;
    let a = method_range(&args, "join", 1, 1)?;
    if !vm.is_iterable(&a[0]) {
        return Err(PyErr::type_error("can only join an iterable"));
    }
    let items = vm.collect_iterable(&a[0])?;
    let mut out = Vec::new();
    for (i, item) in items.iter().enumerate() {
        if i > 0 {
            out.extend_from_slice(&sep);
        }
        match item.payload() {
            Some(Payload::Bytes(b)) => out.extend_from_slice(b),
            Some(Payload::ByteArray(b)) => out.extend_from_slice(&b.borrow()),
            _ => {
                return Err(PyErr::type_error(format!(
                    "sequence item {i}: expected a bytes-like object, {} found",
                    vm.type_name(item)
                )));
            }
        }
    }
    Ok(make(vm, out, ba))
}

fn strip_impl(
    vm: &mut Vm,
    args: &Args<'_>,
    name: &str,
    left: bool,
    right: bool,
) -> PyResult<Value> {
    let (data, ba) = recv(vm, args, name)?;
    let a = method_range(args, name, 0, 1)?;
    let chars = match a.first() {
        Some(v) if !v.is_none() => Some(arg_buffer(vm, v)?),
        _ => None,
    };
    let strip = |b: u8| match &chars {
        None => is_space(b),
        Some(c) => c.contains(&b),
    };
    let mut s = 0;
    let mut e = data.len();
    if left {
        while s < e && strip(data[s]) {
            s += 1;
        }
    }
    if right {
        while e > s && strip(data[e - 1]) {
            e -= 1;
        }
    }
    if !ba && s == 0 && e == data.len() {
        return Ok(args.values[0].clone());
    }
    Ok(make(vm, data[s..e].to_vec(), ba))
}

fn b_strip(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    strip_impl(vm, &args, "strip", true, true)
}

fn b_lstrip(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    strip_impl(vm, &args, "lstrip", true, false)
}

fn b_rstrip(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    strip_impl(vm, &args, "rstrip", false, true)
}

/// `data.replace(old, new, count)` on byte slices (`count < 0` means all).
pub fn replace_bytes(data: &[u8], old: &[u8], new: &[u8], count: i64) -> Vec<u8> {
    let limit = if count < 0 {
        usize::MAX
    } else {
        count as usize
    };
    let mut out = Vec::with_capacity(data.len());
    let mut n = 0;
    if old.is_empty() {
        for (i, b) in data.iter().enumerate() {
            if n < limit {
                out.extend_from_slice(new);
                n += 1;
            } else {
                out.extend_from_slice(&data[i..]);
                return out;
            }
            out.push(*b);
        }
        if n < limit {
            out.extend_from_slice(new);
        }
        return out;
    }
    let mut rest = data;
    while n < limit {
        match find_sub(rest, old) {
            Some(i) => {
                out.extend_from_slice(&rest[..i]);
                out.extend_from_slice(new);
                rest = &rest[i + old.len()..];
                n += 1;
            }
            None => break,
        }
    }
    out.extend_from_slice(rest);
    out
}

fn b_replace(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let (data, ba) = recv(vm, &args, "replace")?;
    let b = bind_method(&args, "replace", &["old", "new", "count"], 2, 2)?;
    let old = arg_buffer(vm, &b[0])?;
    let new = arg_buffer(vm, &b[1])?;
    let count = if b[2].is_null() {
        -1
    } else {
        arg_ssize(vm, &b[2])?
    };
    Ok(make(vm, replace_bytes(&data, &old, &new, count), ba))
}

fn partition_impl(vm: &mut Vm, args: &Args<'_>, name: &str, rev: bool) -> PyResult<Value> {
    let (data, ba) = recv(vm, args, name)?;
    let a = method_range(args, name, 1, 1)?;
    let sep = arg_buffer(vm, &a[0])?;
    if sep.is_empty() {
        return Err(PyErr::value_error("empty separator"));
    }
    let found = if rev {
        rfind_sub(&data, &sep)
    } else {
        find_sub(&data, &sep)
    };
    let items = match found {
        Some(i) => vec![
            make(vm, data[..i].to_vec(), ba),
            make(vm, sep.clone(), ba),
            make(vm, data[i + sep.len()..].to_vec(), ba),
        ],
        None if rev => vec![
            make(vm, Vec::new(), ba),
            make(vm, Vec::new(), ba),
            make(vm, data.to_vec(), ba),
        ],
        None => vec![
            make(vm, data.to_vec(), ba),
            make(vm, Vec::new(), ba),
            make(vm, Vec::new(), ba),
        ],
    };
    Ok(vm.new_tuple(items))
}

fn b_partition(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    partition_impl(vm, &args, "partition", false)
}

fn b_rpartition(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    partition_impl(vm, &args, "rpartition", true)
}

fn affix_remove(vm: &mut Vm, args: &Args<'_>, name: &str, suffix: bool) -> PyResult<Value> {
    let (data, ba) = recv(vm, args, name)?;
    let a = method_range(args, name, 1, 1)?;
    let affix = arg_buffer(vm, &a[0])?;
    let r = if suffix {
        data.strip_suffix(affix.as_slice()).unwrap_or(&data)
    } else {
        data.strip_prefix(affix.as_slice()).unwrap_or(&data)
    };
    Ok(make(vm, r.to_vec(), ba))
}

fn b_removeprefix(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    affix_remove(vm, &args, "removeprefix", false)
}

fn b_removesuffix(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    affix_remove(vm, &args, "removesuffix", true)
}

fn map_impl(vm: &mut Vm, args: &Args<'_>, qual: &str, f: fn(&[u8]) -> Vec<u8>) -> PyResult<Value> {
    let name = qual.rsplit('.').next().unwrap_or(qual);
    let (data, ba) = recv(vm, args, name)?;
    no_args(args, qual)?;
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

fn b_upper(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    map_impl(vm, &args, "bytes.upper", |d| d.to_ascii_uppercase())
}

fn b_lower(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    map_impl(vm, &args, "bytes.lower", |d| d.to_ascii_lowercase())
}

fn b_swapcase(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
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

fn b_title(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    map_impl(vm, &args, "bytes.title", title_bytes)
}

fn b_capitalize(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    map_impl(vm, &args, "bytes.capitalize", capitalize_bytes)
}

fn pred_impl(vm: &mut Vm, args: &Args<'_>, qual: &str, f: fn(&[u8]) -> bool) -> PyResult<Value> {
    let name = qual.rsplit('.').next().unwrap_or(qual);
    let (data, _) = recv(vm, args, name)?;
    no_args(args, qual)?;
    Ok(Value::from_bool(f(&data)))
}

fn b_isalpha(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    pred_impl(vm, &args, "bytes.isalpha", |d| {
        !d.is_empty() && d.iter().all(u8::is_ascii_alphabetic)
    })
}

fn b_isalnum(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    pred_impl(vm, &args, "bytes.isalnum", |d| {
        !d.is_empty() && d.iter().all(u8::is_ascii_alphanumeric)
    })
}

fn b_isdigit(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    pred_impl(vm, &args, "bytes.isdigit", |d| {
        !d.is_empty() && d.iter().all(u8::is_ascii_digit)
    })
}

fn b_isspace(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    pred_impl(vm, &args, "bytes.isspace", |d| {
        !d.is_empty() && d.iter().all(|b| is_space(*b))
    })
}

fn b_isascii(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    pred_impl(vm, &args, "bytes.isascii", |d| d.is_ascii())
}

fn b_isupper(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    pred_impl(vm, &args, "bytes.isupper", |d| {
        d.iter().any(u8::is_ascii_uppercase) && !d.iter().any(u8::is_ascii_lowercase)
    })
}

fn b_islower(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    pred_impl(vm, &args, "bytes.islower", |d| {
        d.iter().any(u8::is_ascii_lowercase) && !d.iter().any(u8::is_ascii_uppercase)
    })
}

fn b_istitle(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
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
                    vm.type_name(v)
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

fn b_center(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    pad_impl(vm, &args, "center", b'c')
}

fn b_ljust(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    pad_impl(vm, &args, "ljust", b'l')
}

fn b_rjust(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    pad_impl(vm, &args, "rjust", b'r')
}

fn b_zfill(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let (data, ba) = recv(vm, &args, "zfill")?;
    let a = method_range(&args, "zfill", 1, 1)?;
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

fn b_expandtabs(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
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

fn b_splitlines(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
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

fn b_hex(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let (data, _) = recv(vm, &args, "hex")?;
    let b = bind_method(&args, "hex", &["sep", "bytes_per_sep"], 0, 0)?;
    let sep = if b[0].is_null() {
        None
    } else {
        let text: Vec<char> = if let Some(s) = b[0].as_str() {
            s.chars().collect()
        } else if let Some(d) = vm.bytes_like(&b[0]) {
            d.iter().map(|&c| char::from(c)).collect()
        } else {
            return Err(PyErr::type_error(format!(
                "sep must be str or bytes, not {}",
                vm.type_name(&b[0])
            )));
        };
        if text.len() != 1 {
            return Err(PyErr::value_error("sep must be length 1."));
        }
        if !text[0].is_ascii() {
            return Err(PyErr::value_error("sep must be ASCII."));
        }
        Some(text[0])
    };
    let per = if b[1].is_null() {
        1
    } else {
        arg_ssize(vm, &b[1])?
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

fn b_fromhex(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let cls = args.values.first().cloned().unwrap_or(Value::NONE);
    let a = method_range(&args, "fromhex", 1, 1)?;
    let Some(s) = a[0].as_str() else {
        return Err(PyErr::type_error(format!(
            "fromhex() argument must be str, not {}",
            vm.type_name(&a[0])
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

fn b_translate(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
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

fn b_maketrans(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
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

fn b_decode(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let (data, _) = recv(vm, &args, "decode")?;
    let (encoding, errors) = super::codecs::codec_args(vm, &args, "decode")?;
    let s = super::codecs::decode(&data, encoding.as_deref(), errors.as_deref())?;
    Ok(vm.new_string(s))
}
