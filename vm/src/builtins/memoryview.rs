//! `memoryview`: one-dimensional views over `bytes`/`bytearray` with the native item
//! formats (`B b c H h I i L l Q q f d ?`), slicing, item assignment into bytearrays,
//! `cast`, `tolist`/`tobytes`/`hex`, `release` and the context-manager protocol.

use crate::interp::args::Args;
use crate::object::{Payload, Value};
use crate::runtime::errors::{ExcKind, PyErr, PyResult};
use crate::types::function::NativeFn;
use crate::types::payload::MemoryViewData;
use crate::vm::Vm;

use super::native_util::{bind_method, method_range, no_args};

pub fn install(vm: &mut Vm) {
    let ty = vm.types.memoryview.clone();
    vm.set_constructor(&ty, memoryview_new);
    let methods: &[(&'static str, NativeFn)] = &[
        ("__len__", mv_len),
        ("__getitem__", mv_getitem),
        ("__setitem__", mv_setitem),
        ("__eq__", mv_eq),
        ("__ne__", mv_ne),
        ("__hash__", mv_hash),
        ("__iter__", mv_iter),
        ("__repr__", mv_repr),
        ("__enter__", mv_enter),
        ("__exit__", mv_exit),
        ("__bytes__", mv_tobytes),
        ("tolist", mv_tolist),
        ("tobytes", mv_tobytes),
        ("hex", mv_hex),
        ("release", mv_release),
        ("cast", mv_cast),
        ("toreadonly", mv_toreadonly),
    ];
    for (name, f) in methods {
        vm.add_method(&ty, name, *f);
    }
}

/// The size of a native format's items, or `None` if unsupported.
fn item_size(format: char) -> Option<usize> {
    Some(match format {
        'B' | 'b' | 'c' | '?' => 1,
        'H' | 'h' => 2,
        'I' | 'i' | 'f' => 4,
        'L' | 'l' | 'Q' | 'q' | 'd' | 'N' | 'n' | 'P' => 8,
        _ => return None,
    })
}

fn released_error() -> PyErr {
    PyErr::value_error("operation forbidden on released memoryview object")
}

/// The view of `v`, checked not released.
fn view(v: &Value) -> PyResult<&MemoryViewData> {
    match v.payload() {
        Some(Payload::MemoryView(m)) if m.released.get() => Err(released_error()),
        Some(Payload::MemoryView(m)) => Ok(m),
        _ => Err(PyErr::type_error(
            "descriptor requires a 'memoryview' object",
        )),
    }
}

fn recv<'a>(args: &'a Args<'_>) -> PyResult<&'a MemoryViewData> {
    match args.values.first() {
        Some(v) => view(v),
        None => Err(PyErr::type_error("memoryview method needs an argument")),
    }
}

/// The exporter's whole buffer.
fn buffer(m: &MemoryViewData) -> Vec<u8> {
    match m.obj.payload() {
        Some(Payload::Bytes(b)) => b.to_vec(),
        Some(Payload::ByteArray(b)) => b.borrow().clone(),
        _ => Vec::new(),
    }
}

/// Byte offset of item `k`.
fn item_offset(m: &MemoryViewData, k: usize) -> usize {
    (m.start as isize + k as isize * m.step * m.itemsize as isize) as usize
}

/// The bytes of the view's items, in order.
pub fn view_bytes(m: &MemoryViewData) -> Vec<u8> {
    let buf = buffer(m);
    let mut out = Vec::with_capacity(m.len * m.itemsize);
    for k in 0..m.len {
        let at = item_offset(m, k);
        out.extend_from_slice(buf.get(at..at + m.itemsize).unwrap_or(&[]));
    }
    out
}

/// The Python value of one item's bytes.
fn unpack(vm: &Vm, format: char, b: &[u8]) -> Value {
    let mut w = [0u8; 8];
    w[..b.len().min(8)].copy_from_slice(&b[..b.len().min(8)]);
    let u = u64::from_le_bytes(w);
    let signed = |bits: u32| ((u << (64 - bits)) as i64) >> (64 - bits);
    match format {
        'b' => vm.new_int(signed(8)),
        'h' => vm.new_int(signed(16)),
        'i' => vm.new_int(signed(32)),
        'l' | 'q' | 'n' => vm.new_int(u as i64),
        'c' => vm.new_bytes(b.to_vec()),
        '?' => Value::from_bool(u != 0),
        'f' => vm.new_float(f64::from(f32::from_bits(u as u32))),
        'd' => vm.new_float(f64::from_bits(u)),
        _ if u > i64::MAX as u64 => vm.new_bigint(num_bigint::BigInt::from(u)),
        _ => vm.new_int(u as i64),
    }
}

fn items(vm: &Vm, m: &MemoryViewData) -> Vec<Value> {
    view_bytes(m)
        .chunks(m.itemsize.max(1))
        .map(|c| unpack(vm, m.format, c))
        .collect()
}

fn new_view(vm: &Vm, data: MemoryViewData) -> Value {
    Value::alloc(&vm.types.memoryview, Payload::MemoryView(Box::new(data)))
}

fn memoryview_new(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let b = bind_method(&args, "memoryview", &["object"], 1, 1)?;
    let obj = &b[0];
    let (len, readonly, exporter) = match obj.payload() {
        Some(Payload::Bytes(d)) => (d.len(), true, obj.clone()),
        Some(Payload::ByteArray(d)) => (d.borrow().len(), false, obj.clone()),
        Some(Payload::MemoryView(m)) => {
            if m.released.get() {
                return Err(released_error());
            }
            let copy = MemoryViewData {
                obj: m.obj.clone(),
                start: m.start,
                step: m.step,
                len: m.len,
                format: m.format,
                itemsize: m.itemsize,
                readonly: m.readonly,
                released: std::cell::Cell::new(false),
            };
            return Ok(new_view(vm, copy));
        }
        _ => {
            return Err(PyErr::type_error(format!(
                "memoryview: a bytes-like object is required, not '{}'",
                vm.type_name(obj)
            )));
        }
    };
    Ok(new_view(
        vm,
        MemoryViewData {
            obj: exporter,
            start: 0,
            step: 1,
            len,
            format: 'B',
            itemsize: 1,
            readonly,
            released: std::cell::Cell::new(false),
        },
    ))
}

/// Read-only attributes (`format`, `itemsize`, `nbytes`, `shape`, ...).
pub fn memoryview_attribute(vm: &mut Vm, obj: &Value, name: &str) -> PyResult<Option<Value>> {
    let Some(Payload::MemoryView(raw)) = obj.payload() else {
        return Ok(None);
    };
    if name == "obj" && !raw.released.get() {
        return Ok(Some(raw.obj.clone()));
    }
    let known = [
        "format",
        "itemsize",
        "nbytes",
        "readonly",
        "ndim",
        "shape",
        "strides",
        "suboffsets",
        "c_contiguous",
        "f_contiguous",
        "contiguous",
        "obj",
    ];
    if !known.contains(&name) {
        return Ok(None);
    }
    let m = view(obj)?;
    let contiguous = m.step == 1 || m.len <= 1;
    let len = vm.new_int(m.len as i64);
    let stride = vm.new_int(m.step as i64 * m.itemsize as i64);
    Ok(Some(match name {
        "format" => vm.new_string(m.format.to_string()),
        "itemsize" => vm.new_int(m.itemsize as i64),
        "nbytes" => vm.new_int((m.len * m.itemsize) as i64),
        "readonly" => Value::from_bool(m.readonly),
        "ndim" => vm.new_int(1),
        "shape" => vm.new_tuple(vec![len]),
        "strides" => vm.new_tuple(vec![stride]),
        "suboffsets" => vm.new_tuple(Vec::new()),
        _ => Value::from_bool(contiguous),
    }))
}

fn mv_len(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let m = recv(&args)?;
    Ok(vm.new_int(m.len as i64))
}

fn index_of(vm: &mut Vm, m: &MemoryViewData, key: &Value) -> PyResult<usize> {
    if crate::runtime::numbers::as_int(key).is_none()
        && vm.lookup_special(key, "__index__").is_none()
    {
        return Err(PyErr::type_error("memoryview: invalid slice key"));
    }
    let i = super::native_util::arg_ssize(vm, key)?;
    let n = m.len as i64;
    let j = if i < 0 { i + n } else { i };
    if !(0..n).contains(&j) {
        return Err(PyErr::index_error("index out of bounds on dimension 1"));
    }
    Ok(j as usize)
}

fn mv_getitem(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = method_range(&args, "__getitem__", 1, 1)?;
    let m = recv(&args)?;
    if matches!(a[0].payload(), Some(Payload::Slice(_))) {
        let idx = vm.slice_indices(&a[0], m.len)?;
        let start = if idx.len == 0 {
            m.start
        } else {
            item_offset(m, idx.start as usize)
        };
        let data = MemoryViewData {
            obj: m.obj.clone(),
            start,
            step: m.step * idx.step as isize,
            len: idx.len,
            format: m.format,
            itemsize: m.itemsize,
            readonly: m.readonly,
            released: std::cell::Cell::new(false),
        };
        return Ok(new_view(vm, data));
    }
    let k = index_of(vm, m, &a[0])?;
    let buf = buffer(m);
    let at = item_offset(m, k);
    Ok(unpack(
        vm,
        m.format,
        buf.get(at..at + m.itemsize).unwrap_or(&[]),
    ))
}

fn mv_setitem(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = method_range(&args, "__setitem__", 2, 2)?;
    let m = recv(&args)?;
    if m.readonly {
        return Err(PyErr::type_error("cannot modify read-only memory"));
    }
    let Some(Payload::ByteArray(target)) = m.obj.payload() else {
        return Err(PyErr::type_error("cannot modify read-only memory"));
    };
    if matches!(a[0].payload(), Some(Payload::Slice(_))) {
        let idx = vm.slice_indices(&a[0], m.len)?;
        let src = match vm.bytes_like(&a[1]) {
            Some(b) => b,
            None => {
                return Err(PyErr::type_error(format!(
                    "a bytes-like object is required, not '{}'",
                    vm.type_name(&a[1])
                )));
            }
        };
        if src.len() != idx.len * m.itemsize {
            return Err(PyErr::value_error(
                "memoryview assignment: lvalue and rvalue have different structures",
            ));
        }
        let mut t = target.borrow_mut();
        for (n, k) in idx.positions().enumerate() {
            let at = item_offset(m, k);
            for j in 0..m.itemsize {
                if let (Some(d), Some(s)) = (t.get_mut(at + j), src.get(n * m.itemsize + j)) {
                    *d = *s;
                }
            }
        }
        return Ok(Value::NONE);
    }
    let k = index_of(vm, m, &a[0])?;
    let bad = || {
        PyErr::value_error(format!(
            "memoryview: invalid value for format '{}'",
            m.format
        ))
    };
    let bytes: Vec<u8> = match m.format {
        'c' => match vm.bytes_like(&a[1]) {
            Some(b) if b.len() == 1 => b,
            _ => return Err(bad()),
        },
        'f' | 'd' => {
            let Some(f) = crate::runtime::numbers::as_float(&a[1]) else {
                return Err(PyErr::type_error(format!(
                    "memoryview: invalid type for format '{}'",
                    m.format
                )));
            };
            if m.format == 'f' {
                (f as f32).to_le_bytes().to_vec()
            } else {
                f.to_le_bytes().to_vec()
            }
        }
        _ => {
            let Some(n) = crate::runtime::numbers::as_int(&a[1]).and_then(|i| i.to_i64()) else {
                return Err(PyErr::type_error(format!(
                    "memoryview: invalid type for format '{}'",
                    m.format
                )));
            };
            let bits = 8 * m.itemsize as u32;
            let signed = m.format.is_ascii_lowercase();
            let ok = if signed {
                bits >= 64 || (-(1i64 << (bits - 1))..(1i64 << (bits - 1))).contains(&n)
            } else {
                n >= 0 && (bits >= 64 || n < (1i64 << bits))
            };
            if !ok {
                return Err(bad());
            }
            n.to_le_bytes()[..m.itemsize].to_vec()
        }
    };
    let at = item_offset(m, k);
    let mut t = target.borrow_mut();
    for (j, b) in bytes.iter().enumerate() {
        if let Some(d) = t.get_mut(at + j) {
            *d = *b;
        }
    }
    Ok(Value::NONE)
}

/// The items of another buffer for comparison, or `None` if it is not one.
fn other_items(vm: &Vm, other: &Value) -> PyResult<Option<Vec<Value>>> {
    Ok(match other.payload() {
        Some(Payload::MemoryView(_)) => Some(items(vm, view(other)?)),
        Some(Payload::Bytes(_) | Payload::ByteArray(_)) => vm
            .bytes_like(other)
            .map(|b| b.iter().map(|&x| vm.new_int(i64::from(x))).collect()),
        _ => None,
    })
}

/// `a == b` where one side is a memoryview: `None` if the other is not a buffer.
pub fn buffers_equal(vm: &mut Vm, a: &Value, b: &Value) -> PyResult<Option<bool>> {
    let (mv, other) = if matches!(a.payload(), Some(Payload::MemoryView(_))) {
        (a, b)
    } else {
        (b, a)
    };
    let r = mv_eq(vm, Args::positional_only(&[mv.clone(), other.clone()]))?;
    if r.is(&Value::NOT_IMPLEMENTED) {
        return Ok(None);
    }
    Ok(Some(vm.truthy(&r)?))
}

fn mv_eq(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = method_range(&args, "__eq__", 1, 1)?;
    let this = &args.values[0];
    if this.is(&a[0]) {
        return Ok(Value::TRUE);
    }
    let Some(Payload::MemoryView(raw)) = this.payload() else {
        return Ok(Value::NOT_IMPLEMENTED);
    };
    if raw.released.get() {
        return Ok(Value::FALSE);
    }
    let Some(theirs) = other_items(vm, &a[0])? else {
        return Ok(Value::NOT_IMPLEMENTED);
    };
    let mine = items(vm, raw);
    if mine.len() != theirs.len() {
        return Ok(Value::FALSE);
    }
    for (x, y) in mine.iter().zip(&theirs) {
        if !vm.eq(x, y)? {
            return Ok(Value::FALSE);
        }
    }
    Ok(Value::TRUE)
}

fn mv_ne(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let r = mv_eq(vm, args)?;
    if r.is(&Value::NOT_IMPLEMENTED) {
        return Ok(r);
    }
    Ok(Value::from_bool(!vm.truthy(&r)?))
}

fn mv_hash(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let m = recv(&args)?;
    if !m.readonly {
        return Err(PyErr::value_error("cannot hash writable memoryview object"));
    }
    if !matches!(m.format, 'B' | 'b' | 'c') {
        return Err(PyErr::value_error(
            "memoryview: hashing is restricted to formats 'B', 'b' or 'c'",
        ));
    }
    let h = crate::text::hash::hash_bytes(&view_bytes(m), vm.hash_key);
    Ok(vm.new_int(h))
}

fn mv_iter(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let m = recv(&args)?;
    let list = vm.new_list(items(vm, m));
    vm.iter(&list)
}

fn mv_repr(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let Some(v) = args.values.first() else {
        return Err(PyErr::type_error("memoryview.__repr__ needs an argument"));
    };
    let released = matches!(v.payload(), Some(Payload::MemoryView(m)) if m.released.get());
    let what = if released {
        "released memory"
    } else {
        "memory"
    };
    Ok(vm.new_string(format!("<{what} at {}>", super::object::util::addr(v))))
}

fn mv_enter(_vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    recv(&args)?;
    Ok(args.values[0].clone())
}

fn mv_exit(_vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    if let Some(Payload::MemoryView(m)) = args.values.first().and_then(Value::payload) {
        m.released.set(true);
    }
    Ok(Value::NONE)
}

fn mv_release(_vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    no_args(&args, "memoryview.release")?;
    if let Some(Payload::MemoryView(m)) = args.values.first().and_then(Value::payload) {
        m.released.set(true);
    }
    Ok(Value::NONE)
}

fn mv_tolist(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    no_args(&args, "memoryview.tolist")?;
    let m = recv(&args)?;
    let items = items(vm, m);
    Ok(vm.new_list(items))
}

fn mv_tobytes(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let m = recv(&args)?;
    Ok(vm.new_bytes(view_bytes(m)))
}

fn mv_hex(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let m = recv(&args)?;
    let bytes = vm.new_bytes(view_bytes(m));
    let hex = vm.getattr_str(&bytes, "hex")?;
    let rest: Vec<Value> = args.values.iter().skip(1).cloned().collect();
    vm.call(&hex, &rest)
}

fn mv_toreadonly(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let m = recv(&args)?;
    let data = MemoryViewData {
        obj: m.obj.clone(),
        start: m.start,
        step: m.step,
        len: m.len,
        format: m.format,
        itemsize: m.itemsize,
        readonly: true,
        released: std::cell::Cell::new(false),
    };
    Ok(new_view(vm, data))
}

fn mv_cast(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = method_range(&args, "cast", 1, 2)?;
    let m = recv(&args)?;
    let Some(fmt) = a[0].as_str() else {
        return Err(PyErr::type_error(format!(
            "memoryview.cast(): argument 'format' must be str, not {}",
            vm.type_name(&a[0])
        )));
    };
    if a.len() > 1 {
        return Err(PyErr::new(
            ExcKind::NotImplementedError,
            "memoryview: casting to a shape is not supported by Pyrite yet",
        ));
    }
    let fmt = fmt.strip_prefix('@').unwrap_or(fmt);
    let mut chars = fmt.chars();
    let (Some(format), None) = (chars.next(), chars.next()) else {
        return Err(PyErr::value_error(
            "memoryview: destination format must be a native single character format prefixed with an optional '@'",
        ));
    };
    let Some(itemsize) = item_size(format) else {
        return Err(PyErr::value_error(
            "memoryview: destination format must be a native single character format prefixed with an optional '@'",
        ));
    };
    if !(m.step == 1 || m.len <= 1) {
        return Err(PyErr::type_error(
            "memoryview: casts are restricted to C-contiguous views",
        ));
    }
    let nbytes = m.len * m.itemsize;
    if m.itemsize != 1 && itemsize != 1 {
        return Err(PyErr::type_error(
            "memoryview: cannot cast between two non-byte formats",
        ));
    }
    if nbytes % itemsize != 0 {
        return Err(PyErr::type_error(
            "memoryview: length is not a multiple of itemsize",
        ));
    }
    let data = MemoryViewData {
        obj: m.obj.clone(),
        start: m.start,
        step: 1,
        len: nbytes / itemsize,
        format,
        itemsize,
        readonly: m.readonly,
        released: std::cell::Cell::new(false),
    };
    Ok(new_view(vm, data))
}
