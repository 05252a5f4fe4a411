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

use super::bytes_ascii::{
    b_capitalize, b_center, b_decode, b_expandtabs, b_fromhex, b_hex, b_isalnum, b_isalpha,
    b_isascii, b_isdigit, b_islower, b_isspace, b_istitle, b_isupper, b_ljust, b_lower,
    b_maketrans, b_rjust, b_splitlines, b_swapcase, b_title, b_translate, b_upper, b_zfill,
};
use super::native_util::{
    add_classmethod, add_staticmethod, arg_ssize, bind_method, descriptor_error, method_range,
    one_arg, start_end,
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

/// `bytes.name` or `bytearray.name`, for messages.
pub fn owner_qualname(bytearray: bool, name: &str) -> String {
    format!("{}.{name}", if bytearray { "bytearray" } else { "bytes" })
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
pub(crate) fn is_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\r' | b'\x0b' | b'\x0c')
}

fn split_args(vm: &mut Vm, args: &Args<'_>, name: &str) -> PyResult<(Option<Vec<u8>>, usize)> {
    let b = bind_method(args, name, &["sep", "maxsplit"], 0, 0)?;
    let max = if b[1].is_null() {
        -1
    } else {
        arg_ssize(vm, &b[1])?
    };
    let sep = if b[0].is_null() || b[0].is_none() {
        None
    } else {
        let s = arg_buffer(vm, &b[0])?;
        if s.is_empty() {
            return Err(PyErr::value_error("empty separator"));
        }
        Some(s)
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
    let a = std::slice::from_ref(one_arg(&args, &owner_qualname(ba, "join"))?);
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
            Some(Payload::MemoryView(_)) if vm.bytes_like(item).is_some() => {
                out.extend(vm.bytes_like(item).unwrap_or_default());
            }
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
    let b = method_range(&args, "replace", 2, 3)?;
    let old = arg_buffer(vm, &b[0])?;
    let new = arg_buffer(vm, &b[1])?;
    let count = match b.get(2) {
        None => -1,
        Some(c) => arg_ssize(vm, c)?,
    };
    Ok(make(vm, replace_bytes(&data, &old, &new, count), ba))
}

fn partition_impl(vm: &mut Vm, args: &Args<'_>, name: &str, rev: bool) -> PyResult<Value> {
    let (data, ba) = recv(vm, args, name)?;
    let a = std::slice::from_ref(one_arg(args, &owner_qualname(ba, name))?);
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
    let a = std::slice::from_ref(one_arg(args, &owner_qualname(ba, name))?);
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
