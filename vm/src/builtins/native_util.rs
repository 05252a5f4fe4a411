//! Helpers shared by the native methods of `str`, `bytes` and the number types: checking
//! the receiver of a method descriptor (`str.upper(5)` must fail the way CPython's does),
//! argument counts that exclude the receiver (CPython counts only the real arguments in
//! `find expected at least 1 argument, got 0`), the `start`/`end` slice arguments of the
//! search methods, and registering class and static methods on builtin types.

use crate::interp::args::{ArgSpec, Args};
use crate::object::{Payload, Value};
use crate::runtime::errors::{PyErr, PyResult};
use crate::runtime::numbers::as_int;
use crate::types::function::NativeFn;
use crate::types::str::PyStr;
use crate::vm::Vm;

/// The TypeError for a method descriptor applied to the wrong kind of object.
pub fn descriptor_error(vm: &Vm, name: &str, owner: &str, got: &Value) -> PyErr {
    PyErr::type_error(format!(
        "descriptor '{name}' for '{owner}' objects doesn't apply to a '{}' object",
        vm.type_name(got)
    ))
}

/// The receiver (`args[0]`) of a method descriptor.
pub fn receiver<'a>(args: &Args<'a>, name: &str, owner: &str) -> PyResult<&'a Value> {
    args.values.first().ok_or_else(|| {
        PyErr::type_error(format!("unbound method {owner}.{name}() needs an argument"))
    })
}

/// The receiver of a `str` method (a `str` or subclass instance).
pub fn recv_str<'a>(vm: &Vm, args: &Args<'a>, name: &str) -> PyResult<&'a PyStr> {
    let recv = args.values.first();
    match recv.and_then(|v| v.as_pystr()) {
        Some(s) => Ok(s),
        None => Err(descriptor_error(
            vm,
            name,
            "str",
            recv.unwrap_or(&Value::NONE),
        )),
    }
}

/// The arguments after the receiver.
pub fn rest<'a>(args: &Args<'a>) -> Args<'a> {
    let n = args.values.len() - args.kwnames.len();
    Args {
        values: if n > 0 {
            &args.values[1..]
        } else {
            args.values
        },
        kwnames: args.kwnames,
    }
}

/// Between `min` and `max` positional arguments after the receiver and no keywords, with
/// CPython's `fname expected at least 1 argument, got 0` messages. Fixed-arity dunders
/// (`__add__`, `__len__`...) are slot wrappers in CPython and word it
/// `expected 1 argument, got 0`.
pub fn method_range<'a>(
    args: &Args<'a>,
    fname: &str,
    min: usize,
    max: usize,
) -> PyResult<&'a [Value]> {
    let r = rest(args);
    if min == max && fname.starts_with("__") {
        r.no_keywords(fname)?;
        let n = r.positional().len();
        if n != min {
            return Err(PyErr::type_error(format!(
                "expected {min} argument{}, got {n}",
                if min == 1 { "" } else { "s" }
            )));
        }
        return Ok(r.positional());
    }
    r.range(fname, min, max)
}

/// The single argument of a one-argument method (CPython's `METH_O`):
/// `str.join() takes exactly one argument (0 given)`.
pub fn one_arg<'a>(args: &Args<'a>, qualname: &str) -> PyResult<&'a Value> {
    let r = rest(args);
    r.no_keywords(qualname)?;
    match r.positional() {
        [v] => Ok(v),
        other => Err(PyErr::type_error(format!(
            "{qualname}() takes exactly one argument ({} given)",
            other.len()
        ))),
    }
}

/// A value's type name as Argument Clinic's messages show it (`None` for None):
/// `replace() argument 1 must be str, not None`.
pub fn arg_type_name(vm: &Vm, v: &Value) -> String {
    if v.is_none() {
        "None".to_string()
    } else {
        vm.type_name(v)
    }
}

/// No arguments after the receiver: `str.upper() takes no arguments (1 given)`.
pub fn no_args(args: &Args<'_>, qualname: &str) -> PyResult<()> {
    let r = rest(args);
    r.no_keywords(qualname)?;
    let n = r.positional().len();
    if n == 0 {
        Ok(())
    } else {
        Err(PyErr::type_error(format!(
            "{qualname}() takes no arguments ({n} given)"
        )))
    }
}

/// Binds the arguments after the receiver to named parameters (unfilled ones are NULL).
pub fn bind_method(
    args: &Args<'_>,
    fname: &str,
    names: &[&str],
    posonly: usize,
    required: usize,
) -> PyResult<Vec<Value>> {
    ArgSpec {
        fname,
        names,
        posonly,
        required,
        kwonly_from: names.len(),
    }
    .bind(&rest(args))
}

/// Whether an optional argument was left out (NULL) or passed as None.
pub fn is_absent(v: Option<&Value>) -> bool {
    v.is_none_or(|v| v.is_null() || v.is_none())
}

/// A `start`/`end` argument of the search methods: `None` when absent or None; big ints
/// saturate like CPython's `_PyEval_SliceIndex`.
pub fn slice_bound(vm: &mut Vm, v: Option<&Value>) -> PyResult<Option<i64>> {
    let Some(v) = v else { return Ok(None) };
    if v.is_null() || v.is_none() {
        return Ok(None);
    }
    if let Some(i) = as_int(v) {
        return Ok(Some(saturate(&i)));
    }
    if vm.lookup_special(v, "__index__").is_some() {
        let iv = vm.index_value(v)?;
        if let Some(i) = as_int(&iv) {
            return Ok(Some(saturate(&i)));
        }
    }
    Err(PyErr::type_error(
        "slice indices must be integers or None or have an __index__ method",
    ))
}

fn saturate(i: &crate::runtime::numbers::IntRef<'_>) -> i64 {
    i.to_i64()
        .unwrap_or(if i.is_negative() { i64::MIN } else { i64::MAX })
}

/// CPython's `ADJUST_INDICES`: negative bounds count from the end, then clamp. The result
/// may have `start > end` (an empty range); `start` may exceed `len`.
pub fn adjust_indices(start: Option<i64>, end: Option<i64>, len: usize) -> (usize, usize) {
    let len_i = len as i64;
    let mut end = end.unwrap_or(len_i);
    if end > len_i {
        end = len_i;
    } else if end < 0 {
        end = (end + len_i).max(0);
    }
    let mut start = start.unwrap_or(0);
    if start < 0 {
        start = (start + len_i).max(0);
    }
    (start.max(0) as usize, end as usize)
}

/// Parses the optional `start, end` arguments at `args[from..]`.
pub fn start_end(vm: &mut Vm, args: &[Value], from: usize, len: usize) -> PyResult<(usize, usize)> {
    let start = slice_bound(vm, args.get(from))?;
    let end = slice_bound(vm, args.get(from + 1))?;
    Ok(adjust_indices(start, end, len))
}

/// Byte offset of code point `i` in `s` (clamped to the end).
pub fn char_to_byte(s: &PyStr, i: usize) -> usize {
    if s.is_ascii() {
        i.min(s.as_str().len())
    } else {
        s.byte_offset(i)
    }
}

/// Byte offsets of code points `start` and `end` (`start <= end`), in one pass.
pub fn char_range_to_bytes(s: &PyStr, start: usize, end: usize) -> (usize, usize) {
    if s.is_ascii() {
        let n = s.as_str().len();
        return (start.min(n), end.min(n));
    }
    let text = s.as_str();
    let mut bstart = text.len();
    let mut bend = text.len();
    for (ci, (bi, _)) in text.char_indices().enumerate() {
        if ci == start {
            bstart = bi;
        }
        if ci == end {
            bend = bi;
            break;
        }
    }
    (bstart, bend)
}

/// Number of code points in `text[..byte]`.
pub fn byte_to_char(s: &PyStr, byte: usize) -> usize {
    if s.is_ascii() {
        byte
    } else {
        s.as_str().get(..byte).map_or(0, |t| t.chars().count())
    }
}

/// An integer argument (via `__index__`) as `i64`, with CPython's OverflowError message
/// for sizes (`Python int too large to convert to C ssize_t`).
pub fn arg_ssize(vm: &mut Vm, v: &Value) -> PyResult<i64> {
    let iv = vm.index_value(v)?;
    match as_int(&iv).and_then(|i| i.to_i64()) {
        Some(i) => Ok(i),
        None => Err(PyErr::overflow_error(
            "Python int too large to convert to C ssize_t",
        )),
    }
}

/// Registers a class method (`float.fromhex`, `int.from_bytes`): `f` receives the class
/// as `args[0]`.
pub fn add_classmethod(vm: &mut Vm, ty: &Value, name: &'static str, f: NativeFn) {
    let func = vm.new_builtin_function(name, f, Value::NULL);
    let cm = Value::alloc(&vm.types.classmethod, Payload::ClassMethod(func));
    vm.set_type_attr(ty, name, cm);
}

/// Registers a static method (`str.maketrans`).
pub fn add_staticmethod(vm: &mut Vm, ty: &Value, name: &'static str, f: NativeFn) {
    let func = vm.new_builtin_function(name, f, Value::NULL);
    let sm = Value::alloc(&vm.types.staticmethod, Payload::StaticMethod(func));
    vm.set_type_attr(ty, name, sm);
}

/// Registers `__new__` on a builtin type so that `T.__new__(cls, ...)` and subclasses with
/// their own `__new__` reach the type's constructor (`ctor` gets `cls` as `args[0]`).
pub fn add_new(vm: &mut Vm, ty: &Value, ctor: NativeFn) {
    add_staticmethod(vm, ty, "__new__", ctor);
}

/// Whether `cls` (a constructor's `args[0]`) is exactly the builtin type `ty`.
pub fn is_exact_class(cls: &Value, ty: &Value) -> bool {
    cls.is(ty)
}

/// The class argument of a constructor, checked to be a subtype of `base`.
pub fn ctor_class(vm: &Vm, args: &Args<'_>, base: &Value, name: &str) -> PyResult<Value> {
    let Some(cls) = args.values.first() else {
        return Err(PyErr::type_error(format!(
            "{name}.__new__(): not enough arguments"
        )));
    };
    if !vm.is_type(cls) {
        return Err(PyErr::type_error(format!(
            "{name}.__new__(X): X is not a type object ({})",
            vm.type_name(cls)
        )));
    }
    if !vm.is_subtype(cls, base) {
        let cname = crate::runtime::typecheck::type_name_of(cls);
        return Err(PyErr::type_error(format!(
            "{name}.__new__({cname}): {cname} is not a subtype of {name}"
        )));
    }
    Ok(cls.clone())
}
