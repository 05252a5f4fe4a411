//! `array`: compact sequences of one C number type (`array.array`). Items are stored as
//! their native-endian machine bytes, so `tobytes`/`frombytes`/`byteswap` and slicing are
//! byte copies; values are converted with CPython's range checks and overflow messages.

use std::cell::{Cell, RefCell};

use num_bigint::BigInt;
use num_traits::{Signed, ToPrimitive};

use crate::builtins::object::util::rest;
use crate::bytecode::CompareOp;
use crate::interp::args::{ArgSpec, Args};
use crate::object::{Payload, Value};
use crate::runtime::errors::{PyErr, PyResult};
use crate::runtime::native::NativeState;
use crate::runtime::native::{native_receiver, native_state};
use crate::runtime::numbers::{as_float, as_int, int_to_f64};
use crate::types::function::NativeFn;
use crate::types::payload::PropertyData;
use crate::vm::Vm;

const TYPECODES: &str = "bBuwhHiIlLqQfd";

/// One array: its type code and items as bytes.
struct ArrayData {
    code: u8,
    bytes: RefCell<Vec<u8>>,
}

struct ArrayIter {
    array: Value,
    index: Cell<usize>,
}

/// Creates the `array` module.
pub fn create(vm: &mut Vm) -> PyResult<Value> {
    let dict = vm.new_dict();
    let module = vm.new_module("array", dict.clone());
    let ty = vm.new_native_type("array", "array", true);
    vm.set_constructor(&ty, array_new);
    let methods: &[(&'static str, NativeFn)] = &[
        ("append", array_append),
        ("extend", array_extend),
        ("insert", array_insert),
        ("pop", array_pop),
        ("remove", array_remove),
        ("index", array_index),
        ("count", array_count),
        ("reverse", array_reverse),
        ("byteswap", array_byteswap),
        ("buffer_info", array_buffer_info),
        ("tobytes", array_tobytes),
        ("frombytes", array_frombytes),
        ("tolist", array_tolist),
        ("fromlist", array_fromlist),
        ("tounicode", array_tounicode),
        ("fromunicode", array_fromunicode),
        ("__len__", array_len),
        ("__getitem__", array_getitem),
        ("__setitem__", array_setitem),
        ("__delitem__", array_delitem),
        ("__contains__", array_contains),
        ("__iter__", array_iter),
        ("__repr__", array_repr),
        ("__eq__", array_eq),
        ("__ne__", array_ne),
        ("__lt__", array_lt),
        ("__le__", array_le),
        ("__gt__", array_gt),
        ("__ge__", array_ge),
        ("__add__", array_add),
        ("__iadd__", array_iadd),
        ("__mul__", array_mul),
        ("__rmul__", array_mul),
        ("__imul__", array_imul),
        ("__copy__", array_copy),
        ("__deepcopy__", array_deepcopy),
    ];
    for (name, f) in methods {
        vm.add_method(&ty, name, *f);
    }
    vm.set_type_attr(&ty, "__hash__", Value::NONE);
    for (name, getter) in [
        ("itemsize", array_itemsize as NativeFn),
        ("typecode", array_typecode as NativeFn),
    ] {
        let getter = vm.new_builtin_function(name, getter, Value::NULL);
        let prop = Value::alloc(
            &vm.types.property,
            Payload::Property(PropertyData {
                getter,
                setter: Value::NONE,
                deleter: Value::NONE,
                doc: Value::NONE,
            }),
        );
        vm.set_type_attr(&ty, name, prop);
    }
    let iter = vm.new_native_type("array", "arrayiterator", false);
    vm.add_native_iter_methods(&iter);
    vm.native_types.insert("array.array", ty.clone());
    vm.native_types.insert("array.arrayiterator", iter.clone());
    vm.set_item_str(&dict, "array", ty.clone())?;
    vm.set_item_str(&dict, "ArrayType", ty)?;
    vm.set_item_str(&dict, "arrayiterator", iter)?;
    let codes = vm.new_str(TYPECODES);
    vm.set_item_str(&dict, "typecodes", codes)?;
    Ok(module)
}

fn item_size(code: u8) -> usize {
    match code {
        b'b' | b'B' => 1,
        b'h' | b'H' => 2,
        b'i' | b'I' | b'f' | b'u' | b'w' => 4,
        _ => 8,
    }
}

fn this<'a>(vm: &Vm, args: &Args<'a>, method: &str) -> PyResult<(&'a Value, &'a ArrayData)> {
    native_receiver::<ArrayData>(vm, args, method, "array.array")
}

fn borrow(a: &ArrayData) -> PyResult<std::cell::Ref<'_, Vec<u8>>> {
    a.bytes
        .try_borrow()
        .map_err(|_| PyErr::runtime_error("array changed during use"))
}

fn borrow_mut(a: &ArrayData) -> PyResult<std::cell::RefMut<'_, Vec<u8>>> {
    a.bytes
        .try_borrow_mut()
        .map_err(|_| PyErr::runtime_error("array changed during use"))
}

fn overflow(msg: &str) -> PyErr {
    PyErr::overflow_error(msg.to_string())
}

/// The int an integer type code takes: `__index__` applies, floats and others are refused.
fn int_operand(vm: &mut Vm, v: &Value) -> PyResult<BigInt> {
    let iv = vm.index_value(v)?;
    as_int(&iv)
        .map(|i| i.to_bigint())
        .ok_or_else(|| PyErr::type_error("an integer is required"))
}

/// A C `long` as CPython's argument parser converts it.
fn c_long(n: &BigInt) -> PyResult<i64> {
    n.to_i64()
        .ok_or_else(|| overflow("Python int too large to convert to C long"))
}

fn check_range(v: i64, lo: i64, hi: i64, what: &str) -> PyResult<i64> {
    if v < lo {
        Err(overflow(&format!("{what} is less than minimum")))
    } else if v > hi {
        Err(overflow(&format!("{what} is greater than maximum")))
    } else {
        Ok(v)
    }
}

/// Converts `v` to the machine bytes of one item of type `code`, appending them to `out`.
fn encode(vm: &mut Vm, code: u8, v: &Value, out: &mut Vec<u8>) -> PyResult<()> {
    match code {
        b'f' | b'd' => {
            let x = real_operand(vm, v)?;
            if code == b'f' {
                out.extend_from_slice(&(x as f32).to_ne_bytes());
            } else {
                out.extend_from_slice(&x.to_ne_bytes());
            }
        }
        b'u' | b'w' => {
            let ch = v
                .as_pystr()
                .and_then(|s| {
                    let mut cps = s.code_points();
                    match (cps.next(), cps.next()) {
                        (Some(c), None) => Some(c),
                        _ => None,
                    }
                })
                .ok_or_else(|| PyErr::type_error("array item must be unicode character"))?;
            out.extend_from_slice(&ch.to_ne_bytes());
        }
        _ => {
            let n = int_operand(vm, v)?;
            match code {
                b'b' => {
                    let l = check_range(c_long(&n)?, -32768, 32767, "signed short integer")?;
                    let c = check_range(l, -128, 127, "signed char")?;
                    out.push(c as i8 as u8);
                }
                b'B' => {
                    let l = check_range(c_long(&n)?, 0, 255, "unsigned byte integer")?;
                    out.push(l as u8);
                }
                b'h' => {
                    let l = check_range(c_long(&n)?, -32768, 32767, "signed short integer")?;
                    out.extend_from_slice(&(l as i16).to_ne_bytes());
                }
                b'H' => {
                    let l = c_long(&n)?;
                    let l = check_range(l, i32::MIN.into(), i32::MAX.into(), "signed integer")?;
                    let l = check_range(l, 0, 65535, "unsigned short")?;
                    out.extend_from_slice(&(l as u16).to_ne_bytes());
                }
                b'i' => {
                    let l = c_long(&n)?;
                    let l = check_range(l, i32::MIN.into(), i32::MAX.into(), "signed integer")?;
                    out.extend_from_slice(&(l as i32).to_ne_bytes());
                }
                b'I' | b'L' => {
                    if n.is_negative() {
                        return Err(overflow("can't convert negative value to unsigned int"));
                    }
                    let u = n.to_u64().ok_or_else(|| {
                        overflow("Python int too large to convert to C unsigned long")
                    })?;
                    if code == b'I' {
                        let u = u32::try_from(u)
                            .map_err(|_| overflow("unsigned int is greater than maximum"))?;
                        out.extend_from_slice(&u.to_ne_bytes());
                    } else {
                        out.extend_from_slice(&u.to_ne_bytes());
                    }
                }
                b'l' => out.extend_from_slice(&c_long(&n)?.to_ne_bytes()),
                b'q' => {
                    let q = n
                        .to_i64()
                        .ok_or_else(|| overflow("int too big to convert"))?;
                    out.extend_from_slice(&q.to_ne_bytes());
                }
                _ => {
                    if n.is_negative() {
                        return Err(overflow("can't convert negative int to unsigned"));
                    }
                    let u = n
                        .to_u64()
                        .ok_or_else(|| overflow("int too big to convert"))?;
                    out.extend_from_slice(&u.to_ne_bytes());
                }
            }
        }
    }
    Ok(())
}

/// A float for the `f`/`d` codes: floats, ints, and objects with `__float__`/`__index__`.
fn real_operand(vm: &mut Vm, v: &Value) -> PyResult<f64> {
    if let Some(f) = as_float(v) {
        return Ok(f);
    }
    if let Some(i) = as_int(v) {
        return int_to_f64(&i);
    }
    if vm.lookup_special(v, "__float__").is_some() || vm.lookup_special(v, "__index__").is_some() {
        return vm.to_f64(v);
    }
    Err(PyErr::type_error(format!(
        "must be real number, not {}",
        vm.type_name(v)
    )))
}

/// The item at byte offset `at`.
fn decode(vm: &Vm, code: u8, b: &[u8]) -> Value {
    fn arr<const N: usize>(b: &[u8]) -> [u8; N] {
        let mut a = [0u8; N];
        a.copy_from_slice(&b[..N]);
        a
    }
    match code {
        b'b' => vm.new_int(i64::from(b[0] as i8)),
        b'B' => vm.new_int(i64::from(b[0])),
        b'h' => vm.new_int(i64::from(i16::from_ne_bytes(arr(b)))),
        b'H' => vm.new_int(i64::from(u16::from_ne_bytes(arr(b)))),
        b'i' => vm.new_int(i64::from(i32::from_ne_bytes(arr(b)))),
        b'I' => vm.new_int(i64::from(u32::from_ne_bytes(arr(b)))),
        b'l' | b'q' => vm.new_int(i64::from_ne_bytes(arr(b))),
        b'L' | b'Q' => vm.new_bigint(BigInt::from(u64::from_ne_bytes(arr(b)))),
        b'f' => vm.new_float(f64::from(f32::from_ne_bytes(arr(b)))),
        b'd' => vm.new_float(f64::from_ne_bytes(arr(b))),
        _ => {
            let cp = u32::from_ne_bytes(arr(b));
            vm.new_str_wtf8(crate::text::wtf8::from_code_points([cp]))
        }
    }
}

fn items(vm: &Vm, a: &ArrayData) -> PyResult<Vec<Value>> {
    let size = item_size(a.code);
    let bytes = borrow(a)?;
    Ok(bytes
        .chunks_exact(size)
        .map(|c| decode(vm, a.code, c))
        .collect())
}

fn new_array(vm: &mut Vm, code: u8, bytes: Vec<u8>) -> PyResult<Value> {
    let ty = vm.native_type("array.array")?;
    Ok(vm.new_native(
        &ty,
        ArrayData {
            code,
            bytes: RefCell::new(bytes),
        },
        None,
    ))
}

/// Encodes every item of an iterable (all or nothing).
fn encode_all(vm: &mut Vm, code: u8, values: &[Value]) -> PyResult<Vec<u8>> {
    let mut out = Vec::with_capacity(values.len() * item_size(code));
    for v in values {
        encode(vm, code, v, &mut out)?;
    }
    Ok(out)
}

fn array_new(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let cls = args.values[0].clone();
    let a = rest(&args);
    a.no_keywords("array.array")?;
    let pos = a.positional();
    if pos.is_empty() || pos.len() > 2 {
        return Err(PyErr::type_error(format!(
            "array() takes at most 2 arguments ({} given)",
            pos.len()
        )));
    }
    let code = match pos[0].as_pystr() {
        Some(s) if s.as_str().chars().count() == 1 => s.as_str().chars().next().unwrap_or(' '),
        _ => {
            return Err(PyErr::type_error(format!(
                "array() argument 1 must be a unicode character, not {}",
                vm.type_name(&pos[0])
            )));
        }
    };
    if !code.is_ascii() || !TYPECODES.contains(code) {
        return Err(PyErr::value_error(
            "bad typecode (must be b, B, u, h, H, i, I, l, L, q, Q, f or d)",
        ));
    }
    let code = code as u8;
    let mut bytes = Vec::new();
    if let Some(init) = pos.get(1) {
        if let Some(s) = init.as_pystr() {
            if code != b'u' && code != b'w' {
                return Err(PyErr::type_error(format!(
                    "cannot use a str to initialize an array with typecode '{}'",
                    code as char
                )));
            }
            for cp in s.code_points() {
                bytes.extend_from_slice(&cp.to_ne_bytes());
            }
        } else if let Some(other) = native_state::<ArrayData>(init) {
            if other.code == code || (code != b'u' && code != b'w') {
                let vals = items(vm, other)?;
                bytes = encode_all(vm, code, &vals)?;
            } else {
                return Err(PyErr::type_error(format!(
                    "cannot use a unicode array to initialize an array with typecode '{}'",
                    code as char
                )));
            }
        } else if let Some(raw) = bytes_input(vm, init) {
            if raw.len() % item_size(code) != 0 {
                return Err(PyErr::value_error(
                    "bytes length not a multiple of item size",
                ));
            }
            bytes = raw;
        } else {
            let vals = vm.collect_iterable(init)?;
            bytes = encode_all(vm, code, &vals)?;
        }
    }
    let state = ArrayData {
        code,
        bytes: RefCell::new(bytes),
    };
    Ok(vm.new_native(&cls, state, None))
}

/// The bytes of a `bytes` or `bytearray` argument.
fn bytes_input(vm: &Vm, v: &Value) -> Option<Vec<u8>> {
    if v.as_pystr().is_some() || native_state::<ArrayData>(v).is_some() {
        return None;
    }
    vm.bytes_like(v)
}

fn array_itemsize(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let (_, a) = this(vm, &args, "itemsize")?;
    Ok(vm.new_int(item_size(a.code) as i64))
}

fn array_typecode(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let (_, a) = this(vm, &args, "typecode")?;
    Ok(vm.new_string((a.code as char).to_string()))
}

fn array_len(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let (_, a) = this(vm, &args, "__len__")?;
    let n = borrow(a)?.len() / item_size(a.code);
    Ok(vm.new_int(n as i64))
}

fn count_of(a: &ArrayData) -> PyResult<usize> {
    Ok(borrow(a)?.len() / item_size(a.code))
}

fn array_append(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let (_, a) = this(vm, &args, "append")?;
    let pos = rest(&args).exact("append", 1)?;
    let mut buf = Vec::with_capacity(8);
    encode(vm, a.code, &pos[0], &mut buf)?;
    borrow_mut(a)?.extend_from_slice(&buf);
    Ok(Value::NONE)
}

fn array_extend(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let (_, a) = this(vm, &args, "extend")?;
    let pos = rest(&args).exact("extend", 1)?;
    if let Some(other) = native_state::<ArrayData>(&pos[0]) {
        if other.code != a.code {
            return Err(PyErr::type_error("can only extend with array of same kind"));
        }
        let extra = borrow(other)?.clone();
        borrow_mut(a)?.extend_from_slice(&extra);
        return Ok(Value::NONE);
    }
    let vals = vm.collect_iterable(&pos[0])?;
    // items before a bad one stay appended, as in CPython
    let mut buf = Vec::with_capacity(8);
    for v in &vals {
        buf.clear();
        encode(vm, a.code, v, &mut buf)?;
        borrow_mut(a)?.extend_from_slice(&buf);
    }
    Ok(Value::NONE)
}

fn array_insert(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let (_, a) = this(vm, &args, "insert")?;
    let pos = rest(&args).exact("insert", 2)?;
    let i = vm.index_i64(&pos[0])?;
    let mut buf = Vec::with_capacity(8);
    encode(vm, a.code, &pos[1], &mut buf)?;
    let n = count_of(a)? as i64;
    let i = if i < 0 { (i + n).max(0) } else { i.min(n) } as usize;
    let size = item_size(a.code);
    borrow_mut(a)?.splice(i * size..i * size, buf);
    Ok(Value::NONE)
}

fn array_pop(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let (_, a) = this(vm, &args, "pop")?;
    let pos = rest(&args).positional();
    if pos.len() > 1 {
        return Err(PyErr::type_error(format!(
            "pop expected at most 1 argument, got {}",
            pos.len()
        )));
    }
    let i = match pos.first() {
        Some(v) => vm.index_i64(v)?,
        None => -1,
    };
    let n = count_of(a)? as i64;
    if n == 0 {
        return Err(PyErr::index_error("pop from empty array"));
    }
    let i = if i < 0 { i + n } else { i };
    if i < 0 || i >= n {
        return Err(PyErr::index_error("pop index out of range"));
    }
    let size = item_size(a.code);
    let i = i as usize;
    let item: Vec<u8> = borrow_mut(a)?.drain(i * size..(i + 1) * size).collect();
    Ok(decode(vm, a.code, &item))
}

/// The position of the first item equal to `x` in `[start, stop)`.
fn find(
    vm: &mut Vm,
    a: &ArrayData,
    x: &Value,
    start: usize,
    stop: usize,
) -> PyResult<Option<usize>> {
    let vals = items(vm, a)?;
    for (i, v) in vals.iter().enumerate().take(stop).skip(start) {
        if vm.eq(v, x)? {
            return Ok(Some(i));
        }
    }
    Ok(None)
}

fn array_remove(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let (_, a) = this(vm, &args, "remove")?;
    let pos = rest(&args).exact("remove", 1)?;
    let n = count_of(a)?;
    match find(vm, a, &pos[0], 0, n)? {
        Some(i) => {
            let size = item_size(a.code);
            borrow_mut(a)?.drain(i * size..(i + 1) * size);
            Ok(Value::NONE)
        }
        None => Err(PyErr::value_error("array.remove(x): x not in array")),
    }
}

fn array_index(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let (_, a) = this(vm, &args, "index")?;
    let b = ArgSpec {
        fname: "index",
        names: &["x", "start", "stop"],
        posonly: 3,
        required: 1,
        kwonly_from: 3,
    }
    .bind(&rest(&args))?;
    let n = count_of(a)?;
    let bound = |vm: &mut Vm, v: &Value, default: usize| -> PyResult<usize> {
        if v.is_null() {
            return Ok(default);
        }
        let i = vm.index_i64(v)?;
        let i = if i < 0 { (i + n as i64).max(0) } else { i };
        Ok((i as u64).min(n as u64) as usize)
    };
    let start = bound(vm, &b[1], 0)?;
    let stop = bound(vm, &b[2], n)?;
    match find(vm, a, &b[0], start, stop)? {
        Some(i) => Ok(vm.new_int(i as i64)),
        None => Err(PyErr::value_error("array.index(x): x not in array")),
    }
}

fn array_count(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let (_, a) = this(vm, &args, "count")?;
    let pos = rest(&args).exact("count", 1)?;
    let vals = items(vm, a)?;
    let mut k = 0;
    for v in &vals {
        if vm.eq(v, &pos[0])? {
            k += 1;
        }
    }
    Ok(vm.new_int(k))
}

fn array_contains(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let (_, a) = this(vm, &args, "__contains__")?;
    let pos = rest(&args).exact("__contains__", 1)?;
    let n = count_of(a)?;
    Ok(Value::from_bool(find(vm, a, &pos[0], 0, n)?.is_some()))
}

fn array_reverse(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let (_, a) = this(vm, &args, "reverse")?;
    rest(&args).exact("reverse", 0)?;
    let size = item_size(a.code);
    let mut bytes = borrow_mut(a)?;
    let reversed: Vec<u8> = bytes.chunks_exact(size).rev().flatten().copied().collect();
    *bytes = reversed;
    Ok(Value::NONE)
}

fn array_byteswap(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let (_, a) = this(vm, &args, "byteswap")?;
    rest(&args).exact("byteswap", 0)?;
    let size = item_size(a.code);
    for chunk in borrow_mut(a)?.chunks_exact_mut(size) {
        chunk.reverse();
    }
    Ok(Value::NONE)
}

fn array_buffer_info(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let (_, a) = this(vm, &args, "buffer_info")?;
    rest(&args).exact("buffer_info", 0)?;
    let (addr, n) = {
        let bytes = borrow(a)?;
        (bytes.as_ptr() as usize, bytes.len() / item_size(a.code))
    };
    let addr = vm.new_bigint(BigInt::from(addr));
    let n = vm.new_int(n as i64);
    Ok(vm.new_tuple(vec![addr, n]))
}

fn array_tobytes(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let (_, a) = this(vm, &args, "tobytes")?;
    rest(&args).exact("tobytes", 0)?;
    let bytes = borrow(a)?.clone();
    Ok(vm.new_bytes(bytes))
}

fn array_frombytes(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let (_, a) = this(vm, &args, "frombytes")?;
    let pos = rest(&args).exact("frombytes", 1)?;
    let raw = match bytes_input(vm, &pos[0]) {
        Some(r) => r,
        None => {
            return Err(PyErr::type_error(format!(
                "a bytes-like object is required, not '{}'",
                vm.type_name(&pos[0])
            )));
        }
    };
    if raw.len() % item_size(a.code) != 0 {
        return Err(PyErr::value_error(
            "bytes length not a multiple of item size",
        ));
    }
    borrow_mut(a)?.extend_from_slice(&raw);
    Ok(Value::NONE)
}

fn array_tolist(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let (_, a) = this(vm, &args, "tolist")?;
    rest(&args).exact("tolist", 0)?;
    let vals = items(vm, a)?;
    Ok(vm.new_list(vals))
}

fn array_fromlist(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let (_, a) = this(vm, &args, "fromlist")?;
    let pos = rest(&args).exact("fromlist", 1)?;
    let Some(list) = pos[0].as_list() else {
        return Err(PyErr::type_error("arg must be list"));
    };
    let vals = list.borrow().clone();
    let buf = encode_all(vm, a.code, &vals)?;
    borrow_mut(a)?.extend_from_slice(&buf);
    Ok(Value::NONE)
}

fn array_tounicode(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let (_, a) = this(vm, &args, "tounicode")?;
    rest(&args).exact("tounicode", 0)?;
    if a.code != b'u' && a.code != b'w' {
        return Err(PyErr::value_error(
            "tounicode() may only be called on unicode type arrays ('u' or 'w')",
        ));
    }
    let cps: Vec<u32> = borrow(a)?
        .chunks_exact(4)
        .map(|c| u32::from_ne_bytes([c[0], c[1], c[2], c[3]]))
        .collect();
    Ok(vm.new_str_wtf8(crate::text::wtf8::from_code_points(cps)))
}

fn array_fromunicode(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let (_, a) = this(vm, &args, "fromunicode")?;
    let pos = rest(&args).exact("fromunicode", 1)?;
    let Some(s) = pos[0].as_pystr() else {
        return Err(PyErr::type_error(format!(
            "fromunicode() argument must be str, not {}",
            vm.type_name(&pos[0])
        )));
    };
    if a.code != b'u' && a.code != b'w' {
        return Err(PyErr::value_error(
            "fromunicode() may only be called on unicode type arrays ('u' or 'w')",
        ));
    }
    let mut bytes = borrow_mut(a)?;
    for cp in s.code_points() {
        bytes.extend_from_slice(&cp.to_ne_bytes());
    }
    Ok(Value::NONE)
}

/// An item index for `__getitem__`-style access, or None for a slice.
fn int_index(vm: &mut Vm, key: &Value) -> PyResult<Option<i64>> {
    if matches!(key.payload(), Some(Payload::Slice(_))) {
        return Ok(None);
    }
    if as_int(key).is_none() && vm.lookup_special(key, "__index__").is_none() {
        return Err(PyErr::type_error("array indices must be integers"));
    }
    vm.index_i64(key).map(Some)
}

fn array_getitem(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let (_, a) = this(vm, &args, "__getitem__")?;
    let pos = rest(&args).exact("__getitem__", 1)?;
    let n = count_of(a)?;
    let size = item_size(a.code);
    match int_index(vm, &pos[0])? {
        Some(i) => {
            let i = if i < 0 { i + n as i64 } else { i };
            if i < 0 || i >= n as i64 {
                return Err(PyErr::index_error("array index out of range"));
            }
            let i = i as usize;
            let bytes = borrow(a)?;
            Ok(decode(vm, a.code, &bytes[i * size..(i + 1) * size]))
        }
        None => {
            let idx = vm.slice_indices(&pos[0], n)?;
            let out: Vec<u8> = {
                let bytes = borrow(a)?;
                idx.positions()
                    .flat_map(|p| bytes[p * size..(p + 1) * size].iter().copied())
                    .collect()
            };
            new_array(vm, a.code, out)
        }
    }
}

fn array_setitem(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let (_, a) = this(vm, &args, "__setitem__")?;
    let pos = rest(&args).exact("__setitem__", 2)?;
    let n = count_of(a)?;
    let size = item_size(a.code);
    match int_index(vm, &pos[0])? {
        Some(i) => {
            let i = if i < 0 { i + n as i64 } else { i };
            if i < 0 || i >= n as i64 {
                return Err(PyErr::index_error("array assignment index out of range"));
            }
            let mut buf = Vec::with_capacity(8);
            encode(vm, a.code, &pos[1], &mut buf)?;
            let i = i as usize;
            borrow_mut(a)?[i * size..(i + 1) * size].copy_from_slice(&buf);
            Ok(Value::NONE)
        }
        None => {
            let Some(other) = native_state::<ArrayData>(&pos[1]) else {
                return Err(PyErr::type_error(format!(
                    "can only assign array (not \"{}\") to array slice",
                    vm.type_name(&pos[1])
                )));
            };
            if other.code != a.code {
                return Err(PyErr::type_error(
                    "bad argument type for built-in operation",
                ));
            }
            let src = borrow(other)?.clone();
            let idx = vm.slice_indices(&pos[0], n)?;
            let mut bytes = borrow_mut(a)?;
            if idx.step == 1 {
                let start = idx.start.max(0) as usize;
                let stop = (start + idx.len).max(start);
                bytes.splice(start * size..stop * size, src);
                return Ok(Value::NONE);
            }
            let count = src.len() / size;
            if count != idx.len {
                return Err(PyErr::value_error(format!(
                    "attempt to assign array of size {count} to extended slice of size {}",
                    idx.len
                )));
            }
            for (k, p) in idx.positions().enumerate() {
                bytes[p * size..(p + 1) * size].copy_from_slice(&src[k * size..(k + 1) * size]);
            }
            Ok(Value::NONE)
        }
    }
}

fn array_delitem(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let (_, a) = this(vm, &args, "__delitem__")?;
    let pos = rest(&args).exact("__delitem__", 1)?;
    let n = count_of(a)?;
    let size = item_size(a.code);
    match int_index(vm, &pos[0])? {
        Some(i) => {
            let i = if i < 0 { i + n as i64 } else { i };
            if i < 0 || i >= n as i64 {
                return Err(PyErr::index_error("array assignment index out of range"));
            }
            let i = i as usize;
            borrow_mut(a)?.drain(i * size..(i + 1) * size);
            Ok(Value::NONE)
        }
        None => {
            let idx = vm.slice_indices(&pos[0], n)?;
            let mut gone = vec![false; n];
            for p in idx.positions() {
                gone[p] = true;
            }
            let mut bytes = borrow_mut(a)?;
            let kept: Vec<u8> = bytes
                .chunks_exact(size)
                .enumerate()
                .filter(|(k, _)| !gone[*k])
                .flat_map(|(_, c)| c.iter().copied())
                .collect();
            *bytes = kept;
            Ok(Value::NONE)
        }
    }
}

fn array_iter(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let (obj, _) = this(vm, &args, "__iter__")?;
    rest(&args).exact("__iter__", 0)?;
    let ty = vm.native_type("array.arrayiterator")?;
    Ok(vm.new_native(
        &ty,
        ArrayIter {
            array: obj.clone(),
            index: Cell::new(0),
        },
        Some(array_iter_next),
    ))
}

fn array_iter_next(vm: &mut Vm, it: &Value) -> PyResult<Option<Value>> {
    let Some(state) = native_state::<ArrayIter>(it) else {
        return Ok(None);
    };
    let Some(a) = native_state::<ArrayData>(&state.array) else {
        return Ok(None);
    };
    let size = item_size(a.code);
    let i = state.index.get();
    let bytes = borrow(a)?;
    if (i + 1) * size > bytes.len() {
        state.index.set(usize::MAX / 16);
        return Ok(None);
    }
    state.index.set(i + 1);
    Ok(Some(decode(vm, a.code, &bytes[i * size..(i + 1) * size])))
}

fn array_repr(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let (obj, a) = this(vm, &args, "__repr__")?;
    let name = vm
        .type_of(obj)
        .as_type_data()
        .map(|t| t.name.borrow().clone())
        .unwrap_or_default();
    let code = a.code as char;
    if count_of(a)? == 0 {
        return Ok(vm.new_string(format!("{name}('{code}')")));
    }
    let inner = if a.code == b'u' || a.code == b'w' {
        let s = array_tounicode(vm, args)?;
        vm.repr(&s)?
    } else {
        let vals = items(vm, a)?;
        let list = vm.new_list(vals);
        vm.repr(&list)?
    };
    Ok(vm.new_string(format!("{name}('{code}', {inner})")))
}

fn compare(vm: &mut Vm, args: Args<'_>, op: CompareOp) -> PyResult<Value> {
    let (_, a) = this(vm, &args, "__eq__")?;
    let pos = rest(&args).exact("__eq__", 1)?;
    let Some(b) = native_state::<ArrayData>(&pos[0]) else {
        return Ok(Value::NOT_IMPLEMENTED);
    };
    if a.code == b.code && matches!(op, CompareOp::Eq | CompareOp::Ne) {
        let same = *borrow(a)? == *borrow(b)?;
        // NaNs differ from themselves even with equal bits
        if !(same && matches!(a.code, b'f' | b'd')) {
            return Ok(Value::from_bool(same == (op == CompareOp::Eq)));
        }
    }
    let x = items(vm, a)?;
    let y = items(vm, b)?;
    Ok(Value::from_bool(vm.compare_sequences(&x, &y, op)?))
}

fn array_eq(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    compare(vm, args, CompareOp::Eq)
}
fn array_ne(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    compare(vm, args, CompareOp::Ne)
}
fn array_lt(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    compare(vm, args, CompareOp::Lt)
}
fn array_le(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    compare(vm, args, CompareOp::Le)
}
fn array_gt(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    compare(vm, args, CompareOp::Gt)
}
fn array_ge(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    compare(vm, args, CompareOp::Ge)
}

/// The other array of `+`/`+=`, with CPython's messages for anything else.
fn same_kind<'a>(vm: &Vm, a: &ArrayData, other: &'a Value) -> PyResult<&'a ArrayData> {
    let Some(b) = native_state::<ArrayData>(other) else {
        return Err(PyErr::type_error(format!(
            "can only append array (not \"{}\") to array",
            vm.type_name(other)
        )));
    };
    if b.code != a.code {
        return Err(PyErr::type_error(
            "bad argument type for built-in operation",
        ));
    }
    Ok(b)
}

fn array_add(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let (_, a) = this(vm, &args, "__add__")?;
    let pos = rest(&args).exact("__add__", 1)?;
    let b = same_kind(vm, a, &pos[0])?;
    let mut bytes = borrow(a)?.clone();
    bytes.extend_from_slice(&borrow(b)?);
    new_array(vm, a.code, bytes)
}

fn array_iadd(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let (obj, a) = this(vm, &args, "__iadd__")?;
    let pos = rest(&args).exact("__iadd__", 1)?;
    let b = same_kind(vm, a, &pos[0])?;
    let extra = borrow(b)?.clone();
    borrow_mut(a)?.extend_from_slice(&extra);
    Ok(obj.clone())
}

fn repeat_count(vm: &mut Vm, v: &Value) -> PyResult<usize> {
    if as_int(v).is_none() && vm.lookup_special(v, "__index__").is_none() {
        return Err(PyErr::type_error(format!(
            "can't multiply sequence by non-int of type '{}'",
            vm.type_name(v)
        )));
    }
    Ok(vm.index_i64(v)?.max(0) as usize)
}

fn array_mul(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let (_, a) = this(vm, &args, "__mul__")?;
    let pos = rest(&args).exact("__mul__", 1)?;
    let n = repeat_count(vm, &pos[0])?;
    let bytes = borrow(a)?.clone();
    if !bytes.is_empty()
        && n.checked_mul(bytes.len())
            .is_none_or(|t| t > isize::MAX as usize)
    {
        return Err(PyErr::new(crate::runtime::errors::ExcKind::MemoryError, ""));
    }
    new_array(vm, a.code, bytes.repeat(n))
}

fn array_imul(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let (obj, a) = this(vm, &args, "__imul__")?;
    let pos = rest(&args).exact("__imul__", 1)?;
    let n = repeat_count(vm, &pos[0])?;
    let mut bytes = borrow_mut(a)?;
    if !bytes.is_empty()
        && n.checked_mul(bytes.len())
            .is_none_or(|t| t > isize::MAX as usize)
    {
        return Err(PyErr::new(crate::runtime::errors::ExcKind::MemoryError, ""));
    }
    let repeated = bytes.repeat(n);
    *bytes = repeated;
    Ok(obj.clone())
}

fn array_copy(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let (_, a) = this(vm, &args, "__copy__")?;
    let bytes = borrow(a)?.clone();
    new_array(vm, a.code, bytes)
}

fn array_deepcopy(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let (_, a) = this(vm, &args, "__deepcopy__")?;
    let bytes = borrow(a)?.clone();
    new_array(vm, a.code, bytes)
}

impl NativeState for ArrayData {}

impl NativeState for ArrayIter {
    fn traverse(&self, visit: &mut dyn FnMut(&Value)) {
        visit(&self.array);
    }
}
