//! `str`: the constructor, the searching, splitting, joining, stripping and replacing
//! methods, and the dunder methods that subclasses inherit. Case mapping, predicates and
//! padding live in `str_case`, encoding in `codecs`, formatting in `str_format`.
//!
//! Strings are UTF-8 with a cached code-point length (`PyStr`). Python's indices count code
//! points, so the search methods convert `start`/`end` to byte offsets once, search the
//! bytes with Rust's substring search, and convert a found byte offset back (both
//! conversions are free for ASCII text). Methods return the receiver itself when the
//! result would be an identical exact `str`, as CPython does, which saves an allocation.

use std::cell::RefCell;

use crate::bytecode::CompareOp;
use crate::interp::args::Args;
use crate::object::{Payload, Value};
use crate::runtime::errors::{PyErr, PyResult};
use crate::types::iter::IterState;
use crate::types::str::PyStr;
use crate::vm::Vm;

use super::native_util::{
    bind_method, char_range_to_bytes, ctor_class, method_range, recv_str, start_end,
};

/// Registers the methods and the constructor of `str`.
pub fn install(vm: &mut Vm) {
    let ty = vm.types.str_.clone();
    vm.set_constructor(&ty, str_new);
    super::native_util::add_new(vm, &ty, str_new);
    let methods: &[(&'static str, crate::types::function::NativeFn)] = &[
        ("find", str_find),
        ("rfind", str_rfind),
        ("index", str_index),
        ("rindex", str_rindex),
        ("count", str_count),
        ("startswith", str_startswith),
        ("endswith", str_endswith),
        ("split", str_split),
        ("rsplit", str_rsplit),
        ("join", str_join),
        ("strip", str_strip),
        ("lstrip", str_lstrip),
        ("rstrip", str_rstrip),
        ("replace", str_replace),
        ("partition", str_partition),
        ("rpartition", str_rpartition),
        ("removeprefix", str_removeprefix),
        ("removesuffix", str_removesuffix),
        ("__len__", str_len),
        ("__contains__", str_contains),
        ("__add__", str_add),
        ("__mul__", str_mul),
        ("__rmul__", str_mul),
        ("__mod__", str_mod),
        ("__rmod__", str_rmod),
        ("__eq__", str_eq),
        ("__ne__", str_ne),
        ("__lt__", str_lt),
        ("__le__", str_le),
        ("__gt__", str_gt),
        ("__ge__", str_ge),
        ("__hash__", str_hash),
        ("__iter__", str_iter),
        ("__getitem__", str_getitem),
        ("__repr__", str_repr),
        ("__str__", str_str),
        ("__getnewargs__", str_getnewargs),
    ];
    for (name, f) in methods {
        vm.add_method(&ty, name, *f);
    }
    super::str_case::install(vm);
    super::codecs::install(vm);
}

/// `value` when it is an exact `str` equal to `result`, else a new `str` of `result`.
pub(crate) fn reuse_or_new(vm: &Vm, value: &Value, result: &str) -> Value {
    if let Some(obj) = value.as_object()
        && obj.has_type(&vm.types.str_)
        && value.as_str().is_some_and(|s| s.len() == result.len())
    {
        return value.clone();
    }
    vm.new_str(result)
}

/// A required `str` argument: `find() argument 1 must be str, not int`.
fn arg_str<'a>(vm: &Vm, v: &'a Value, fname: &str, pos: usize) -> PyResult<&'a PyStr> {
    v.as_pystr().ok_or_else(|| {
        PyErr::type_error(format!(
            "{fname}() argument {pos} must be str, not {}",
            super::native_util::arg_type_name(vm, v)
        ))
    })
}

// ---------------------------------------------------------------------------------------
// Constructor

/// `str(object='')`, `str(object, encoding='utf-8', errors='strict')`.
fn str_new(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let str_ty = vm.types.str_.clone();
    let cls = ctor_class(vm, &args, &str_ty, "str")?;
    let bound = bind_method(&args, "str", &["object", "encoding", "errors"], 0, 0)?;
    let text = if bound[1].is_null() && bound[2].is_null() {
        if bound[0].is_null() {
            if cls.is(&str_ty) {
                return Ok(vm.intern(""));
            }
            vm.new_str("")
        } else {
            let s = vm.str_value(&bound[0])?;
            if cls.is(&str_ty) {
                return Ok(s);
            }
            s
        }
    } else {
        let obj = if bound[0].is_null() {
            vm.new_bytes(Vec::new())
        } else {
            bound[0].clone()
        };
        let Some(data) = vm.bytes_like(&obj) else {
            if obj.as_pystr().is_some() {
                return Err(PyErr::type_error("decoding str is not supported"));
            }
            return Err(PyErr::type_error(format!(
                "decoding to str: need a bytes-like object, {} found",
                vm.type_name(&obj)
            )));
        };
        let encoding = opt_text(vm, &bound[1], "str", "encoding")?;
        let errors = opt_text(vm, &bound[2], "str", "errors")?;
        let s = super::codecs::decode_str(&data, encoding.as_deref(), errors.as_deref())?;
        vm.new_pystr(s)
    };
    if cls.is(&str_ty) {
        return Ok(text);
    }
    let s = text
        .as_pystr()
        .map_or_else(|| PyStr::new(""), PyStr::exact_copy);
    Ok(Value::alloc(&cls, Payload::Str(s)))
}

/// An optional str argument (`encoding`, `errors`) as text.
pub(crate) fn opt_text(vm: &Vm, v: &Value, fname: &str, what: &str) -> PyResult<Option<String>> {
    if v.is_null() {
        return Ok(None);
    }
    match v.as_str() {
        Some(s) => Ok(Some(s.to_string())),
        None => Err(PyErr::type_error(format!(
            "{fname}() argument '{what}' must be str, not {}",
            vm.type_name(v)
        ))),
    }
}

// ---------------------------------------------------------------------------------------
// Searching

/// Where `sub` occurs in `s[start:end]` (code points), searching from the left or right.
fn find_in(vm: &mut Vm, args: &Args<'_>, name: &str, reverse: bool) -> PyResult<Option<usize>> {
    let s = recv_str(vm, args, name)?;
    let a = method_range(args, name, 1, 3)?;
    let sub = arg_str(vm, &a[0], name, 1)?;
    let (start, end) = start_end(vm, a, 1, s.char_len())?;
    Ok(find_range(s, sub.as_str(), start, end, reverse))
}

/// `s.find(sub, start, end)` on already adjusted code-point bounds.
pub(crate) fn find_range(
    s: &PyStr,
    sub: &str,
    start: usize,
    end: usize,
    reverse: bool,
) -> Option<usize> {
    if start > end || start > s.char_len() {
        return None;
    }
    let (bs, be) = char_range_to_bytes(s, start, end);
    let hay = s.as_str().get(bs..be)?;
    let found = match (single_ascii(sub), reverse) {
        (Some(c), false) => hay.find(c),
        (Some(c), true) => hay.rfind(c),
        (None, false) => hay.find(sub),
        (None, true) => hay.rfind(sub),
    }?;
    Some(start + byte_to_char_in(hay, found, s.is_ascii()))
}

/// `sub` as a char when it is one ASCII character: char patterns search with `memchr`,
/// much faster than the general substring searcher.
#[inline]
fn single_ascii(sub: &str) -> Option<char> {
    match sub.as_bytes() {
        [b] if b.is_ascii() => Some(char::from(*b)),
        _ => None,
    }
}

fn byte_to_char_in(hay: &str, byte: usize, ascii: bool) -> usize {
    if ascii {
        byte
    } else {
        hay.get(..byte).map_or(0, |t| t.chars().count())
    }
}

fn str_find(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let r = find_in(vm, &args, "find", false)?;
    Ok(vm.new_int(r.map_or(-1, |i| i as i64)))
}

fn str_rfind(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let r = find_in(vm, &args, "rfind", true)?;
    Ok(vm.new_int(r.map_or(-1, |i| i as i64)))
}

fn str_index(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    match find_in(vm, &args, "index", false)? {
        Some(i) => Ok(vm.new_int(i as i64)),
        None => Err(PyErr::value_error("substring not found")),
    }
}

fn str_rindex(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    match find_in(vm, &args, "rindex", true)? {
        Some(i) => Ok(vm.new_int(i as i64)),
        None => Err(PyErr::value_error("substring not found")),
    }
}

fn str_count(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let s = recv_str(vm, &args, "count")?;
    let a = method_range(&args, "count", 1, 3)?;
    let sub = arg_str(vm, &a[0], "count", 1)?.as_str();
    let (start, end) = start_end(vm, a, 1, s.char_len())?;
    if start > end || start > s.char_len() {
        return Ok(vm.new_int(0));
    }
    if sub.is_empty() {
        return Ok(vm.new_int((end - start) as i64 + 1));
    }
    let (bs, be) = char_range_to_bytes(s, start, end);
    let hay = s.as_str().get(bs..be).unwrap_or("");
    let n = if let Some(c) = single_ascii(sub) {
        let b = c as u8;
        hay.bytes().filter(|x| *x == b).count()
    } else {
        hay.matches(sub).count()
    };
    Ok(vm.new_int(n as i64))
}

fn affix_match(vm: &mut Vm, args: &Args<'_>, name: &str, suffix: bool) -> PyResult<Value> {
    let s = recv_str(vm, args, name)?;
    let a = method_range(args, name, 1, 3)?;
    let (start, end) = start_end(vm, a, 1, s.char_len())?;
    let test = |sub: &str| -> bool {
        if start > s.char_len() || end < start {
            return false;
        }
        let (bs, be) = char_range_to_bytes(s, start, end);
        let hay = s.as_str().get(bs..be).unwrap_or("");
        if suffix {
            hay.ends_with(sub)
        } else {
            hay.starts_with(sub)
        }
    };
    if let Some(sub) = a[0].as_str() {
        return Ok(Value::from_bool(test(sub)));
    }
    if let Some(items) = a[0].as_tuple() {
        for item in items {
            match item.as_str() {
                Some(sub) => {
                    if test(sub) {
                        return Ok(Value::TRUE);
                    }
                }
                None => {
                    return Err(PyErr::type_error(format!(
                        "tuple for {name} must only contain str, not {}",
                        vm.type_name(item)
                    )));
                }
            }
        }
        return Ok(Value::FALSE);
    }
    Err(PyErr::type_error(format!(
        "{name} first arg must be str or a tuple of str, not {}",
        vm.type_name(&a[0])
    )))
}

fn str_startswith(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    affix_match(vm, &args, "startswith", false)
}

fn str_endswith(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    affix_match(vm, &args, "endswith", true)
}

// ---------------------------------------------------------------------------------------
// Splitting and joining

/// `str.isspace` for an ASCII byte.
#[inline]
fn is_ascii_py_space(b: u8) -> bool {
    matches!(b, b'\t'..=b'\r' | 0x1c..=0x1f | b' ')
}

/// Python's whitespace for `split()`/`strip()` (`str.isspace`), with an ASCII fast path.
#[inline]
pub(crate) fn is_py_space(c: char) -> bool {
    if c.is_ascii() {
        matches!(c, '\t'..='\r' | '\x1c'..='\x1f' | ' ')
    } else {
        crate::text::char_props::is_space(c)
    }
}

/// `sep` and `maxsplit` of `split`/`rsplit`.
fn split_args(vm: &mut Vm, args: &Args<'_>, name: &str) -> PyResult<(Option<Value>, i64)> {
    let b = bind_method(args, name, &["sep", "maxsplit"], 0, 0)?;
    // Argument Clinic converts `maxsplit` while parsing, before `sep` is checked.
    let maxsplit = if b[1].is_null() {
        -1
    } else {
        super::native_util::arg_ssize(vm, &b[1])?
    };
    let sep = if b[0].is_null() || b[0].is_none() {
        None
    } else if b[0].as_pystr().is_some() {
        Some(b[0].clone())
    } else {
        return Err(PyErr::type_error(format!(
            "must be str or None, not {}",
            vm.type_name(&b[0])
        )));
    };
    Ok((sep, maxsplit))
}

fn str_split(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let s = recv_str(vm, &args, "split")?;
    let (sep, maxsplit) = split_args(vm, &args, "split")?;
    let text = s.as_str();
    let limit = if maxsplit < 0 {
        usize::MAX
    } else {
        maxsplit as usize
    };
    let mut out = Vec::new();
    match &sep {
        None if s.is_ascii() => {
            // ASCII text: split on whitespace bytes directly.
            let b = text.as_bytes();
            let (mut i, n) = (0, b.len());
            loop {
                while i < n && is_ascii_py_space(b[i]) {
                    i += 1;
                }
                if i == n {
                    break;
                }
                if out.len() == limit {
                    out.push(vm.new_str(&text[i..]));
                    break;
                }
                let start = i;
                while i < n && !is_ascii_py_space(b[i]) {
                    i += 1;
                }
                if start == 0 && i == n {
                    out.push(reuse_or_new(vm, &args.values[0], text));
                } else {
                    out.push(vm.new_str(&text[start..i]));
                }
            }
        }
        None => {
            let mut rest = text.trim_start_matches(is_py_space);
            while !rest.is_empty() {
                if out.len() == limit {
                    out.push(vm.new_str(rest));
                    break;
                }
                match rest.find(is_py_space) {
                    Some(i) => {
                        out.push(vm.new_str(&rest[..i]));
                        rest = rest[i..].trim_start_matches(is_py_space);
                    }
                    None => {
                        out.push(reuse_or_new(vm, &args.values[0], rest));
                        break;
                    }
                }
            }
        }
        Some(sep) => {
            let sep = sep.as_str().unwrap_or_default();
            if sep.is_empty() {
                return Err(PyErr::value_error("empty separator"));
            }
            match (single_ascii(sep), limit == usize::MAX) {
                (Some(c), true) => out.extend(text.split(c).map(|p| vm.new_str(p))),
                (None, true) => out.extend(text.split(sep).map(|p| vm.new_str(p))),
                (Some(c), false) => out.extend(
                    text.splitn(limit.saturating_add(1), c)
                        .map(|p| vm.new_str(p)),
                ),
                (None, false) => out.extend(
                    text.splitn(limit.saturating_add(1), sep)
                        .map(|p| vm.new_str(p)),
                ),
            }
            if out.len() == 1 {
                out[0] = reuse_or_new(vm, &args.values[0], text);
            }
        }
    }
    Ok(vm.new_list(out))
}

fn str_rsplit(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let s = recv_str(vm, &args, "rsplit")?;
    let (sep, maxsplit) = split_args(vm, &args, "rsplit")?;
    let text = s.as_str();
    let limit = if maxsplit < 0 {
        usize::MAX
    } else {
        maxsplit as usize
    };
    let mut out = Vec::new();
    match &sep {
        None => {
            let mut rest = text.trim_end_matches(is_py_space);
            while !rest.is_empty() {
                if out.len() == limit {
                    out.push(vm.new_str(rest));
                    break;
                }
                match rest.rfind(is_py_space) {
                    Some(i) => {
                        let ch = rest[i..].chars().next().map_or(1, char::len_utf8);
                        out.push(vm.new_str(&rest[i + ch..]));
                        rest = rest[..i].trim_end_matches(is_py_space);
                    }
                    None => {
                        out.push(vm.new_str(rest));
                        break;
                    }
                }
            }
        }
        Some(sep) => {
            let sep = sep.as_str().unwrap_or_default();
            if sep.is_empty() {
                return Err(PyErr::value_error("empty separator"));
            }
            match (single_ascii(sep), limit == usize::MAX) {
                (Some(c), true) => out.extend(text.rsplit(c).map(|p| vm.new_str(p))),
                (None, true) => out.extend(text.rsplit(sep).map(|p| vm.new_str(p))),
                (Some(c), false) => out.extend(
                    text.rsplitn(limit.saturating_add(1), c)
                        .map(|p| vm.new_str(p)),
                ),
                (None, false) => out.extend(
                    text.rsplitn(limit.saturating_add(1), sep)
                        .map(|p| vm.new_str(p)),
                ),
            }
        }
    }
    out.reverse();
    Ok(vm.new_list(out))
}

fn str_join(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let sep = recv_str(vm, &args, "join")?;
    let iterable = super::native_util::one_arg(&args, "str.join")?;
    // Fast path: an exact list or tuple joins without copying the item vector.
    let exact = vm.is_exact_builtin(iterable);
    if exact && let Some(list) = iterable.as_list() {
        let items = list.borrow();
        return join_items(vm, sep, &items);
    }
    if exact && let Some(items) = iterable.as_tuple() {
        return join_items(vm, sep, items);
    }
    if let Some(text) = iterable.as_str()
        && !sep.has_surrogates()
        && !iterable.as_pystr().is_some_and(PyStr::has_surrogates)
    {
        // Joining the characters of a string needs no iterator objects.
        let sep = sep.as_str();
        let mut out = String::with_capacity(text.len() + sep.len() * text.len());
        for (i, c) in text.chars().enumerate() {
            if i > 0 {
                out.push_str(sep);
            }
            out.push(c);
        }
        return Ok(vm.new_string(out));
    }
    if !vm.is_iterable(iterable) {
        return Err(PyErr::type_error("can only join an iterable"));
    }
    let items = vm.collect_iterable(iterable)?;
    join_items(vm, sep, &items)
}

/// Joins str items with `sep` (no Python code runs, so the caller may hold a borrow).
fn join_items(vm: &Vm, sep: &PyStr, items: &[Value]) -> PyResult<Value> {
    let mut total = sep.as_str().len() * items.len().saturating_sub(1);
    for (i, item) in items.iter().enumerate() {
        match item.as_str() {
            Some(s) => total += s.len(),
            None => {
                return Err(PyErr::type_error(format!(
                    "sequence item {i}: expected str instance, {} found",
                    vm.type_name(item)
                )));
            }
        }
    }
    if items.len() == 1
        && let Some(obj) = items[0].as_object()
        && obj.has_type(&vm.types.str_)
    {
        return Ok(items[0].clone());
    }
    if sep.has_surrogates()
        || items
            .iter()
            .any(|v| v.as_pystr().is_some_and(PyStr::has_surrogates))
    {
        let mut out = Vec::with_capacity(total);
        for (i, item) in items.iter().enumerate() {
            if i > 0 {
                out.extend_from_slice(sep.wtf8());
            }
            out.extend_from_slice(item.as_pystr().map_or(&[][..], PyStr::wtf8));
        }
        return Ok(vm.new_str_wtf8(out));
    }
    let mut out = String::with_capacity(total);
    let sep = sep.as_str();
    for (i, item) in items.iter().enumerate() {
        if i > 0 {
            out.push_str(sep);
        }
        out.push_str(item.as_str().unwrap_or_default());
    }
    Ok(vm.new_string(out))
}

// ---------------------------------------------------------------------------------------
// Stripping, replacing, partitioning

#[derive(Clone, Copy)]
enum Side {
    Both,
    Left,
    Right,
}

fn strip_impl(vm: &mut Vm, args: &Args<'_>, name: &str, side: Side) -> PyResult<Value> {
    let s = recv_str(vm, args, name)?;
    let a = method_range(args, name, 0, 1)?;
    let text = s.as_str();
    let default = a.first().is_none_or(|v| v.is_none());
    let result = match a.first() {
        _ if default && s.is_ascii() => {
            let b = text.as_bytes();
            let mut start = 0;
            let mut end = b.len();
            if !matches!(side, Side::Right) {
                while start < end && is_ascii_py_space(b[start]) {
                    start += 1;
                }
            }
            if !matches!(side, Side::Left) {
                while end > start && is_ascii_py_space(b[end - 1]) {
                    end -= 1;
                }
            }
            &text[start..end]
        }
        None => strip_by(text, side, is_py_space),
        Some(v) if v.is_none() => strip_by(text, side, is_py_space),
        Some(v) => match v.as_str() {
            Some(chars) if chars.is_ascii() && text.is_ascii() => {
                let set = chars.as_bytes();
                strip_by(text, side, |c: char| set.contains(&(c as u8)))
            }
            Some(chars) => strip_by(text, side, |c: char| chars.contains(c)),
            None => {
                return Err(PyErr::type_error(format!("{name} arg must be None or str")));
            }
        },
    };
    Ok(reuse_or_new(vm, &args.values[0], result))
}

fn strip_by(text: &str, side: Side, pred: impl Fn(char) -> bool) -> &str {
    match side {
        Side::Both => text.trim_matches(&pred),
        Side::Left => text.trim_start_matches(&pred),
        Side::Right => text.trim_end_matches(&pred),
    }
}

fn str_strip(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    strip_impl(vm, &args, "strip", Side::Both)
}

fn str_lstrip(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    strip_impl(vm, &args, "lstrip", Side::Left)
}

fn str_rstrip(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    strip_impl(vm, &args, "rstrip", Side::Right)
}

fn str_replace(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let s = recv_str(vm, &args, "replace")?;
    let b = bind_method(&args, "replace", &["old", "new", "count"], 2, 2)?;
    let old = arg_str(vm, &b[0], "replace", 1)?.as_str();
    let new = arg_str(vm, &b[1], "replace", 2)?.as_str();
    let count = if b[2].is_null() {
        -1
    } else {
        super::native_util::arg_ssize(vm, &b[2])?
    };
    let text = s.as_str();
    if count == 0 || (!old.is_empty() && !text.contains(old)) || (old == new) {
        return Ok(reuse_or_new(vm, &args.values[0], text));
    }
    let out = if count < 0 {
        text.replace(old, new)
    } else {
        text.replacen(old, new, count as usize)
    };
    Ok(vm.new_string(out))
}

fn partition_impl(vm: &mut Vm, args: &Args<'_>, name: &str, reverse: bool) -> PyResult<Value> {
    let s = recv_str(vm, args, name)?;
    let sep_v = super::native_util::one_arg(args, &format!("str.{name}"))?;
    let Some(sep) = sep_v.as_str() else {
        return Err(PyErr::type_error(format!(
            "must be str, not {}",
            vm.type_name(sep_v)
        )));
    };
    if sep.is_empty() {
        return Err(PyErr::value_error("empty separator"));
    }
    let text = s.as_str();
    let found = if reverse {
        text.rfind(sep)
    } else {
        text.find(sep)
    };
    let empty = vm.intern("");
    let items = match found {
        Some(i) => vec![
            vm.new_str(&text[..i]),
            sep_v.clone(),
            vm.new_str(&text[i + sep.len()..]),
        ],
        None if reverse => vec![
            empty.clone(),
            empty,
            reuse_or_new(vm, &args.values[0], text),
        ],
        None => vec![
            reuse_or_new(vm, &args.values[0], text),
            empty.clone(),
            empty,
        ],
    };
    Ok(vm.new_tuple(items))
}

fn str_partition(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    partition_impl(vm, &args, "partition", false)
}

fn str_rpartition(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    partition_impl(vm, &args, "rpartition", true)
}

fn affix_remove(vm: &mut Vm, args: &Args<'_>, name: &str, suffix: bool) -> PyResult<Value> {
    let s = recv_str(vm, args, name)?;
    let affix_v = super::native_util::one_arg(args, &format!("str.{name}"))?;
    let Some(affix) = affix_v.as_str() else {
        return Err(PyErr::type_error(format!(
            "{name}() argument must be str, not {}",
            super::native_util::arg_type_name(vm, affix_v)
        )));
    };
    let text = s.as_str();
    let result = if suffix {
        text.strip_suffix(affix).unwrap_or(text)
    } else {
        text.strip_prefix(affix).unwrap_or(text)
    };
    Ok(reuse_or_new(vm, &args.values[0], result))
}

fn str_removeprefix(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    affix_remove(vm, &args, "removeprefix", false)
}

fn str_removesuffix(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    affix_remove(vm, &args, "removesuffix", true)
}

// ---------------------------------------------------------------------------------------
// Dunder methods (reached by subclasses and explicit calls)

fn str_len(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let s = recv_str(vm, &args, "__len__")?;
    method_range(&args, "__len__", 0, 0)?;
    Ok(vm.new_int(s.char_len() as i64))
}

fn str_contains(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let s = recv_str(vm, &args, "__contains__")?;
    let a = method_range(&args, "__contains__", 1, 1)?;
    match a[0].as_str() {
        Some(sub) => Ok(Value::from_bool(s.as_str().contains(sub))),
        None => Err(PyErr::type_error(format!(
            "'in <string>' requires string as left operand, not {}",
            vm.type_name(&a[0])
        ))),
    }
}

fn str_add(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let s = recv_str(vm, &args, "__add__")?;
    let a = method_range(&args, "__add__", 1, 1)?;
    match a[0].as_str() {
        Some(t) => {
            let mut out = String::with_capacity(s.as_str().len() + t.len());
            out.push_str(s.as_str());
            out.push_str(t);
            Ok(vm.new_string(out))
        }
        None => Err(PyErr::type_error(format!(
            "can only concatenate str (not \"{}\") to str",
            vm.type_name(&a[0])
        ))),
    }
}

fn str_mul(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let s = recv_str(vm, &args, "__mul__")?;
    let a = method_range(&args, "__mul__", 1, 1)?;
    if crate::runtime::numbers::as_int(&a[0]).is_none()
        && vm.lookup_special(&a[0], "__index__").is_none()
    {
        return Ok(Value::NOT_IMPLEMENTED);
    }
    let n = super::native_util::arg_ssize(vm, &a[0])?;
    let text = s.as_str();
    if n <= 0 {
        return Ok(vm.intern(""));
    }
    if text
        .len()
        .checked_mul(n as usize)
        .is_none_or(|t| t > (1 << 40))
    {
        return Err(PyErr::new(crate::runtime::errors::ExcKind::MemoryError, ""));
    }
    Ok(vm.new_string(text.repeat(n as usize)))
}

fn str_mod(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    recv_str(vm, &args, "__mod__")?;
    let a = method_range(&args, "__mod__", 1, 1)?;
    super::percent_format::str_percent(vm, &args.values[0], &a[0])
}

fn str_rmod(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    recv_str(vm, &args, "__rmod__")?;
    method_range(&args, "__rmod__", 1, 1)?;
    Ok(Value::NOT_IMPLEMENTED)
}

fn compare_impl(vm: &mut Vm, args: &Args<'_>, name: &str, op: CompareOp) -> PyResult<Value> {
    recv_str(vm, args, name)?;
    let a = method_range(args, name, 1, 1)?;
    if a[0].as_pystr().is_none() {
        return Ok(Value::NOT_IMPLEMENTED);
    }
    match vm.builtin_compare(&args.values[0], &a[0], op)? {
        Some(b) => Ok(Value::from_bool(b)),
        None => Ok(Value::NOT_IMPLEMENTED),
    }
}

fn str_eq(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    compare_impl(vm, &args, "__eq__", CompareOp::Eq)
}
fn str_ne(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    compare_impl(vm, &args, "__ne__", CompareOp::Ne)
}
fn str_lt(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    compare_impl(vm, &args, "__lt__", CompareOp::Lt)
}
fn str_le(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    compare_impl(vm, &args, "__le__", CompareOp::Le)
}
fn str_gt(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    compare_impl(vm, &args, "__gt__", CompareOp::Gt)
}
fn str_ge(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    compare_impl(vm, &args, "__ge__", CompareOp::Ge)
}

fn str_hash(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let s = recv_str(vm, &args, "__hash__")?;
    method_range(&args, "__hash__", 0, 0)?;
    Ok(vm.new_int(crate::runtime::hashing::pystr_hash(s)))
}

fn str_iter(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    recv_str(vm, &args, "__iter__")?;
    method_range(&args, "__iter__", 0, 0)?;
    let ty = vm.types.str_iterator.clone();
    Ok(Value::alloc(
        &ty,
        Payload::Iterator(RefCell::new(IterState::Str {
            text: args.values[0].clone(),
            pos: 0,
        })),
    ))
}

fn str_getitem(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let s = recv_str(vm, &args, "__getitem__")?;
    let a = method_range(&args, "__getitem__", 1, 1)?;
    // Index an exact copy: the core's item access handles exact strs natively.
    let exact = reuse_or_new(vm, &args.values[0], s.as_str());
    let exact = if vm.is_exact_builtin(&exact) {
        exact
    } else {
        vm.new_str(s.as_str())
    };
    vm.getitem(&exact, &a[0])
}

fn str_repr(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let s = recv_str(vm, &args, "__repr__")?;
    method_range(&args, "__repr__", 0, 0)?;
    Ok(vm.new_string(crate::text::str_repr::py_str_repr(s.as_str())))
}

fn str_str(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let s = recv_str(vm, &args, "__str__")?;
    method_range(&args, "__str__", 0, 0)?;
    Ok(reuse_or_new(vm, &args.values[0], s.as_str()))
}

fn str_getnewargs(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let s = recv_str(vm, &args, "__getnewargs__")?;
    let copy = vm.new_str(s.as_str());
    Ok(vm.new_tuple(vec![copy]))
}
