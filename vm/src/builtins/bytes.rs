//! `bytes` and `bytearray`: constructors, `repr`, membership, the dunders subclasses
//! inherit, and the mutating methods of `bytearray` (`append`, `extend`, `pop`, slice
//! assignment...). The methods both types share are in `bytes_methods`.

use std::cell::RefCell;

use crate::bytecode::CompareOp;
use crate::interp::args::Args;
use crate::object::{Payload, Value};
use crate::runtime::errors::{ExcKind, PyErr, PyResult};
use crate::runtime::numbers::as_int;
use crate::types::function::NativeFn;
use crate::types::iter::IterState;
use crate::vm::Vm;

use super::bytes_methods::{arg_buffer, find_sub, make, recv};
use super::native_util::{add_new, bind_method, ctor_class, method_range, no_args};

pub fn install(vm: &mut Vm) {
    let bytes = vm.types.bytes.clone();
    let bytearray = vm.types.bytearray.clone();
    vm.set_constructor(&bytes, bytes_new);
    add_new(vm, &bytes, bytes_new);
    vm.set_constructor(&bytearray, bytearray_new);
    add_new(vm, &bytearray, bytearray_new);
    super::bytes_methods::install(vm);
    let shared: &[(&'static str, NativeFn)] = &[
        ("__len__", b_len),
        ("__contains__", b_contains),
        ("__iter__", b_iter),
        ("__getitem__", b_getitem),
        ("__add__", b_add),
        ("__mul__", b_mul),
        ("__rmul__", b_mul),
        ("__mod__", b_mod),
        ("__rmod__", b_rmod),
        ("__eq__", b_eq),
        ("__ne__", b_ne),
        ("__lt__", b_lt),
        ("__le__", b_le),
        ("__gt__", b_gt),
        ("__ge__", b_ge),
        ("__repr__", b_repr),
        ("__str__", b_repr),
    ];
    for ty in [&bytes, &bytearray] {
        for (name, f) in shared {
            vm.add_method(ty, name, *f);
        }
    }
    vm.add_method(&bytes, "__hash__", b_hash);
    vm.add_method(&bytes, "__bytes__", b_bytes);
    vm.add_method(&bytes, "__getnewargs__", b_getnewargs);
    vm.set_type_attr(&bytearray, "__hash__", Value::NONE);
    let mutators: &[(&'static str, NativeFn)] = &[
        ("append", ba_append),
        ("extend", ba_extend),
        ("insert", ba_insert),
        ("pop", ba_pop),
        ("remove", ba_remove),
        ("clear", ba_clear),
        ("copy", ba_copy),
        ("reverse", ba_reverse),
        ("__setitem__", ba_setitem),
        ("__delitem__", ba_delitem),
        ("__iadd__", ba_iadd),
        ("__imul__", ba_imul),
    ];
    for (name, f) in mutators {
        vm.add_method(&bytearray, name, *f);
    }
}

/// `repr()` of bytes data: `b'abc'`, `b"it's"`, `b'\x00'`.
pub fn bytes_repr(data: &[u8]) -> String {
    bytes_repr_impl(data, false)
}

/// Bytes repr; `escape_single` escapes `'` even inside `"` quotes, as CPython's bytearray
/// repr does (`bytearray(b"it\'s")`).
fn bytes_repr_impl(data: &[u8], escape_single: bool) -> String {
    let quote = if data.contains(&b'\'') && !data.contains(&b'"') {
        '"'
    } else {
        '\''
    };
    let mut out = String::with_capacity(data.len() + 3);
    out.push('b');
    out.push(quote);
    for &b in data {
        match b {
            b'\\' => out.push_str("\\\\"),
            b'\t' => out.push_str("\\t"),
            b'\n' => out.push_str("\\n"),
            b'\r' => out.push_str("\\r"),
            _ if char::from(b) == quote || (escape_single && b == b'\'') => {
                out.push('\\');
                out.push(char::from(b));
            }
            0x20..=0x7e => out.push(char::from(b)),
            _ => out.push_str(&format!("\\x{b:02x}")),
        }
    }
    out.push(quote);
    out
}

/// `repr()` of a bytes or bytearray value (`bytearray(b'...')` for bytearrays).
pub fn bytes_value_repr(vm: &Vm, v: &Value) -> String {
    match v.payload() {
        Some(Payload::ByteArray(b)) => {
            let inner = bytes_repr_impl(&b.borrow(), true);
            let name = vm.type_name(v);
            format!("{name}({inner})")
        }
        Some(Payload::Bytes(b)) => bytes_repr(b),
        _ => String::new(),
    }
}

pub fn bytes_contains(vm: &mut Vm, container: &Value, item: &Value) -> PyResult<bool> {
    let data = vm.bytes_like(container).unwrap_or_default();
    if let Some(sub) = vm.bytes_like(item) {
        return Ok(find_sub(&data, &sub).is_some());
    }
    if as_int(item).is_some() || vm.lookup_special(item, "__index__").is_some() {
        let i = vm.index_i64(item)?;
        if !(0..256).contains(&i) {
            return Err(PyErr::value_error("byte must be in range(0, 256)"));
        }
        return Ok(data.contains(&(i as u8)));
    }
    Err(PyErr::type_error(format!(
        "a bytes-like object is required, not '{}'",
        vm.type_name(item)
    )))
}

/// The bytes of an iterable of ints in `range(256)`.
pub fn bytes_from_iterable(vm: &mut Vm, v: &Value) -> PyResult<Vec<u8>> {
    let items = vm.collect_iterable(v)?;
    let mut out = Vec::with_capacity(items.len());
    for item in &items {
        let i = if let Some(i) = as_int(item) {
            i.to_i64().unwrap_or(-1)
        } else {
            vm.index_i64(item)?
        };
        if !(0..256).contains(&i) {
            return Err(PyErr::value_error("bytes must be in range(0, 256)"));
        }
        out.push(i as u8);
    }
    Ok(out)
}

/// The data for `bytes(x)` / `bytearray(x)` (`what` names the type in errors).
fn source_bytes(
    vm: &mut Vm,
    source: &Value,
    encoding: &Value,
    errors: &Value,
    what: &str,
) -> PyResult<Vec<u8>> {
    if source.is_null() {
        if !encoding.is_null() || !errors.is_null() {
            return Err(PyErr::type_error(if encoding.is_null() {
                "errors without a string argument"
            } else {
                "encoding without a string argument"
            }));
        }
        return Ok(Vec::new());
    }
    if let Some(s) = source.as_pystr() {
        if encoding.is_null() {
            return Err(PyErr::type_error("string argument without an encoding"));
        }
        let enc = super::str_methods::opt_text(vm, encoding, what, "encoding")?;
        let err = super::str_methods::opt_text(vm, errors, what, "errors")?;
        return super::codecs::encode_wtf8(s.wtf8(), enc.as_deref(), err.as_deref());
    }
    if !encoding.is_null() || !errors.is_null() {
        return Err(PyErr::type_error(if encoding.is_null() {
            "errors without a string argument"
        } else {
            "encoding without a string argument"
        }));
    }
    if let Some(d) = vm.bytes_like(source) {
        return Ok(d);
    }
    if let Some(m) = vm.lookup_special(source, "__bytes__") {
        let r = vm.call(&m, &[source.clone()])?;
        return match r.as_bytes() {
            Some(d) => Ok(d.to_vec()),
            None => Err(PyErr::type_error(format!(
                "__bytes__ returned non-bytes (type {})",
                vm.type_name(&r)
            ))),
        };
    }
    if as_int(source).is_some() || vm.lookup_special(source, "__index__").is_some() {
        let iv = vm.index_value(source)?;
        let Some(n) = as_int(&iv).and_then(|i| i.to_i64()) else {
            return Err(PyErr::overflow_error(
                "cannot fit 'int' into an index-sized integer",
            ));
        };
        if n < 0 {
            return Err(PyErr::value_error("negative count"));
        }
        if n > (1 << 40) {
            return Err(PyErr::new(ExcKind::MemoryError, ""));
        }
        return Ok(vec![0; n as usize]);
    }
    if vm.is_iterable(source) {
        return bytes_from_iterable(vm, source).map_err(|e| {
            if what == "bytearray" && vm.err_matches(&e, ExcKind::ValueError) {
                PyErr::value_error("byte must be in range(0, 256)")
            } else {
                e
            }
        });
    }
    Err(PyErr::type_error(format!(
        "cannot convert '{}' object to {what}",
        vm.type_name(source)
    )))
}

fn bytes_new(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let ty = vm.types.bytes.clone();
    let cls = ctor_class(vm, &args, &ty, "bytes")?;
    let b = bind_method(&args, "bytes", &["source", "encoding", "errors"], 0, 0)?;
    if cls.is(&ty)
        && b[1].is_null()
        && b[2].is_null()
        && b[0].as_bytes().is_some()
        && vm.is_exact_builtin(&b[0])
    {
        return Ok(b[0].clone());
    }
    let data = source_bytes(vm, &b[0], &b[1], &b[2], "bytes")?;
    Ok(Value::alloc(&cls, Payload::Bytes(data.into_boxed_slice())))
}

fn bytearray_new(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let ty = vm.types.bytearray.clone();
    let cls = ctor_class(vm, &args, &ty, "bytearray")?;
    let b = bind_method(&args, "bytearray", &["source", "encoding", "errors"], 0, 0)?;
    let data = source_bytes(vm, &b[0], &b[1], &b[2], "bytearray")?;
    Ok(Value::alloc(&cls, Payload::ByteArray(RefCell::new(data))))
}

// ---------------------------------------------------------------------------------------
// Dunders

fn b_len(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let (d, _) = recv(vm, &args, "__len__")?;
    no_args(&args, "__len__")?;
    Ok(vm.new_int(d.len() as i64))
}

fn b_contains(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    recv(vm, &args, "__contains__")?;
    let a = method_range(&args, "__contains__", 1, 1)?;
    let r = bytes_contains(vm, &args.values[0], &a[0])?;
    Ok(Value::from_bool(r))
}

fn b_iter(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    recv(vm, &args, "__iter__")?;
    let ty = vm.types.bytes_iterator.clone();
    Ok(Value::alloc(
        &ty,
        Payload::Iterator(RefCell::new(IterState::Seq {
            seq: args.values[0].clone(),
            index: 0,
        })),
    ))
}

fn b_getitem(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let (d, ba) = recv(vm, &args, "__getitem__")?;
    let a = method_range(&args, "__getitem__", 1, 1)?;
    let exact = make(vm, d.into_owned(), ba);
    vm.getitem(&exact, &a[0])
}

fn b_add(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let (d, ba) = recv(vm, &args, "__add__")?;
    let a = method_range(&args, "__add__", 1, 1)?;
    let Some(other) = vm.bytes_like(&a[0]) else {
        return Err(PyErr::type_error(format!(
            "can't concat {} to {}",
            vm.type_name(&a[0]),
            vm.type_name(&args.values[0])
        )));
    };
    let mut out = d.into_owned();
    out.extend_from_slice(&other);
    Ok(make(vm, out, ba))
}

fn b_mul(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let (d, ba) = recv(vm, &args, "__mul__")?;
    let a = method_range(&args, "__mul__", 1, 1)?;
    if as_int(&a[0]).is_none() && vm.lookup_special(&a[0], "__index__").is_none() {
        return Ok(Value::NOT_IMPLEMENTED);
    }
    let n = super::native_util::arg_ssize(vm, &a[0])?.max(0) as usize;
    if d.len().checked_mul(n).is_none_or(|t| t > (1 << 40)) {
        return Err(PyErr::new(ExcKind::MemoryError, ""));
    }
    Ok(make(vm, d.repeat(n), ba))
}

fn b_mod(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    recv(vm, &args, "__mod__")?;
    let a = method_range(&args, "__mod__", 1, 1)?;
    super::percent_format::bytes_percent(vm, &args.values[0], &a[0])
}

fn b_rmod(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    recv(vm, &args, "__rmod__")?;
    Ok(Value::NOT_IMPLEMENTED)
}

fn cmp_impl(vm: &mut Vm, args: &Args<'_>, name: &str, op: CompareOp) -> PyResult<Value> {
    recv(vm, args, name)?;
    let a = method_range(args, name, 1, 1)?;
    if vm.bytes_like(&a[0]).is_none() {
        return Ok(Value::NOT_IMPLEMENTED);
    }
    match vm.builtin_compare(&args.values[0], &a[0], op)? {
        Some(b) => Ok(Value::from_bool(b)),
        None => Ok(Value::NOT_IMPLEMENTED),
    }
}

fn b_eq(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    cmp_impl(vm, &args, "__eq__", CompareOp::Eq)
}
fn b_ne(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    cmp_impl(vm, &args, "__ne__", CompareOp::Ne)
}
fn b_lt(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    cmp_impl(vm, &args, "__lt__", CompareOp::Lt)
}
fn b_le(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    cmp_impl(vm, &args, "__le__", CompareOp::Le)
}
fn b_gt(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    cmp_impl(vm, &args, "__gt__", CompareOp::Gt)
}
fn b_ge(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    cmp_impl(vm, &args, "__ge__", CompareOp::Ge)
}

fn b_repr(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    recv(vm, &args, "__repr__")?;
    let s = bytes_value_repr(vm, &args.values[0]);
    Ok(vm.new_string(s))
}

fn b_hash(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let (d, _) = recv(vm, &args, "__hash__")?;
    let h = crate::text::hash::hash_bytes(&d, vm.hash_key);
    Ok(vm.new_int(h))
}

fn b_bytes(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let (d, _) = recv(vm, &args, "__bytes__")?;
    if vm.is_exact_builtin(&args.values[0]) {
        return Ok(args.values[0].clone());
    }
    Ok(vm.new_bytes(d.into_owned()))
}

fn b_getnewargs(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let (d, _) = recv(vm, &args, "__getnewargs__")?;
    let b = vm.new_bytes(d.into_owned());
    Ok(vm.new_tuple(vec![b]))
}

// ---------------------------------------------------------------------------------------
// bytearray mutation

fn ba_cell<'a>(vm: &Vm, args: &Args<'a>, name: &str) -> PyResult<&'a RefCell<Vec<u8>>> {
    let v = super::native_util::receiver(args, name, "bytearray")?;
    match v.payload() {
        Some(Payload::ByteArray(b)) => Ok(b),
        _ => Err(super::native_util::descriptor_error(
            vm,
            name,
            "bytearray",
            v,
        )),
    }
}

fn byte_value(vm: &mut Vm, v: &Value) -> PyResult<u8> {
    let i = vm.index_i64(v)?;
    if !(0..256).contains(&i) {
        return Err(PyErr::value_error("byte must be in range(0, 256)"));
    }
    Ok(i as u8)
}

fn ba_append(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let cell = ba_cell(vm, &args, "append")?;
    let a = method_range(&args, "append", 1, 1)?;
    let b = byte_value(vm, &a[0])?;
    cell.borrow_mut().push(b);
    Ok(Value::NONE)
}

fn ba_extend(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let cell = ba_cell(vm, &args, "extend")?;
    let a = method_range(&args, "extend", 1, 1)?;
    let data = match vm.bytes_like(&a[0]) {
        Some(d) => d,
        None => {
            if a[0].as_pystr().is_some() {
                return Err(PyErr::type_error(
                    "expected iterable of integers; got: 'str'",
                ));
            }
            if !vm.is_iterable(&a[0]) {
                return Err(PyErr::type_error(format!(
                    "can't extend bytearray with {}",
                    vm.type_name(&a[0])
                )));
            }
            bytes_from_iterable(vm, &a[0]).map_err(|e| {
                if vm.err_matches(&e, ExcKind::ValueError) {
                    PyErr::value_error("byte must be in range(0, 256)")
                } else {
                    e
                }
            })?
        }
    };
    cell.borrow_mut().extend_from_slice(&data);
    Ok(Value::NONE)
}

fn ba_insert(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let cell = ba_cell(vm, &args, "insert")?;
    let a = method_range(&args, "insert", 2, 2)?;
    let idx = vm.index_i64(&a[0])?;
    let b = byte_value(vm, &a[1])?;
    let mut data = cell.borrow_mut();
    let len = data.len() as i64;
    let pos = if idx < 0 {
        (idx + len).max(0)
    } else {
        idx.min(len)
    };
    data.insert(pos as usize, b);
    Ok(Value::NONE)
}

fn ba_pop(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let cell = ba_cell(vm, &args, "pop")?;
    let a = method_range(&args, "pop", 0, 1)?;
    let idx = match a.first() {
        Some(v) => vm.index_i64(v)?,
        None => -1,
    };
    let mut data = cell.borrow_mut();
    if data.is_empty() {
        return Err(PyErr::index_error("pop from empty bytearray"));
    }
    let len = data.len() as i64;
    let pos = if idx < 0 { idx + len } else { idx };
    if !(0..len).contains(&pos) {
        return Err(PyErr::index_error("pop index out of range"));
    }
    let b = data.remove(pos as usize);
    Ok(vm.new_int(i64::from(b)))
}

fn ba_remove(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let cell = ba_cell(vm, &args, "remove")?;
    let a = method_range(&args, "remove", 1, 1)?;
    let b = byte_value(vm, &a[0])?;
    let mut data = cell.borrow_mut();
    match data.iter().position(|x| *x == b) {
        Some(i) => {
            data.remove(i);
            Ok(Value::NONE)
        }
        None => Err(PyErr::value_error("value not found in bytearray")),
    }
}

fn ba_clear(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let cell = ba_cell(vm, &args, "clear")?;
    no_args(&args, "bytearray.clear")?;
    cell.borrow_mut().clear();
    Ok(Value::NONE)
}

fn ba_copy(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let cell = ba_cell(vm, &args, "copy")?;
    no_args(&args, "bytearray.copy")?;
    let data = cell.borrow().clone();
    Ok(vm.new_bytearray(data))
}

fn ba_reverse(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let cell = ba_cell(vm, &args, "reverse")?;
    no_args(&args, "bytearray.reverse")?;
    cell.borrow_mut().reverse();
    Ok(Value::NONE)
}

fn ba_setitem(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let cell = ba_cell(vm, &args, "__setitem__")?;
    let a = method_range(&args, "__setitem__", 2, 2)?;
    let (key, value) = (&a[0], &a[1]);
    if matches!(key.payload(), Some(Payload::Slice(_))) {
        let new = match vm.bytes_like(value) {
            Some(d) => d,
            None if as_int(value).is_some() => {
                return Err(PyErr::type_error(
                    "can assign only bytes, buffers, or iterables of ints in range(0, 256)",
                ));
            }
            None => bytes_from_iterable(vm, value)?,
        };
        let len = cell.borrow().len();
        let idx = vm.slice_indices(key, len)?;
        let mut data = cell.borrow_mut();
        if idx.step == 1 {
            let start = idx.start.max(0) as usize;
            let end = (start + idx.len).min(data.len());
            data.splice(start..end, new);
            return Ok(Value::NONE);
        }
        if new.len() != idx.len {
            return Err(PyErr::value_error(format!(
                "attempt to assign bytes of size {} to extended slice of size {}",
                new.len(),
                idx.len
            )));
        }
        for (p, b) in idx.positions().zip(new) {
            data[p] = b;
        }
        return Ok(Value::NONE);
    }
    let i = vm.index_i64(key)?;
    let b = byte_value(vm, value)?;
    let mut data = cell.borrow_mut();
    let len = data.len() as i64;
    let pos = if i < 0 { i + len } else { i };
    if !(0..len).contains(&pos) {
        return Err(PyErr::index_error("bytearray index out of range"));
    }
    data[pos as usize] = b;
    Ok(Value::NONE)
}

fn ba_delitem(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let cell = ba_cell(vm, &args, "__delitem__")?;
    let a = method_range(&args, "__delitem__", 1, 1)?;
    let len = cell.borrow().len();
    if matches!(a[0].payload(), Some(Payload::Slice(_))) {
        let idx = vm.slice_indices(&a[0], len)?;
        let mut positions: Vec<usize> = idx.positions().collect();
        positions.sort_unstable();
        let mut data = cell.borrow_mut();
        for p in positions.into_iter().rev() {
            data.remove(p);
        }
        return Ok(Value::NONE);
    }
    let i = vm.index_i64(&a[0])?;
    let pos = if i < 0 { i + len as i64 } else { i };
    if !(0..len as i64).contains(&pos) {
        return Err(PyErr::index_error("bytearray index out of range"));
    }
    cell.borrow_mut().remove(pos as usize);
    Ok(Value::NONE)
}

fn ba_iadd(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let cell = ba_cell(vm, &args, "__iadd__")?;
    let a = method_range(&args, "__iadd__", 1, 1)?;
    let other = arg_buffer(vm, &a[0]).map_err(|_| {
        PyErr::type_error(format!("can't concat {} to bytearray", vm.type_name(&a[0])))
    })?;
    cell.borrow_mut().extend_from_slice(&other);
    Ok(args.values[0].clone())
}

fn ba_imul(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let cell = ba_cell(vm, &args, "__imul__")?;
    let a = method_range(&args, "__imul__", 1, 1)?;
    let n = super::native_util::arg_ssize(vm, &a[0])?.max(0) as usize;
    let mut data = cell.borrow_mut();
    if data.len().checked_mul(n).is_none_or(|t| t > (1 << 40)) {
        return Err(PyErr::new(ExcKind::MemoryError, ""));
    }
    let repeated = data.repeat(n);
    *data = repeated;
    Ok(args.values[0].clone())
}
