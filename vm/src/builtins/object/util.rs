//! Small helpers shared by the builtin-method files: taking a method's receiver apart,
//! the arguments after it, CPython's "descriptor doesn't apply" message, and borrowing
//! container storage without ever panicking (a failed borrow becomes a `RuntimeError`,
//! which only a VM bug could cause since no borrow is held across Python code).

use std::cell::{Ref, RefCell, RefMut};

use crate::interp::args::Args;
use crate::object::{Payload, Value};
use crate::runtime::errors::{PyErr, PyResult};
use crate::vm::Vm;

/// The arguments after the receiver.
#[inline]
pub fn rest<'a>(args: &Args<'a>) -> Args<'a> {
    Args {
        values: args.values.get(1..).unwrap_or(&[]),
        kwnames: args.kwnames,
    }
}

/// CPython's error for calling a method descriptor on the wrong kind of object.
pub fn bad_receiver(vm: &Vm, method: &str, tyname: &str, got: Option<&Value>) -> PyErr {
    match got {
        Some(v) => PyErr::type_error(format!(
            "descriptor '{method}' for '{tyname}' objects doesn't apply to a '{}' object",
            vm.type_name(v)
        )),
        None => PyErr::type_error(format!(
            "unbound method {tyname}.{method}() needs an argument"
        )),
    }
}

/// The receiver `args[0]` if `pred` accepts its payload.
#[inline]
pub fn receiver<'a>(
    vm: &Vm,
    args: &Args<'a>,
    method: &str,
    tyname: &str,
    pred: impl Fn(&Payload) -> bool,
) -> PyResult<&'a Value> {
    match args.values.first() {
        Some(v) if v.payload().is_some_and(&pred) => Ok(v),
        other => Err(bad_receiver(vm, method, tyname, other)),
    }
}

/// A shared borrow, or a RuntimeError if the storage is being mutated.
#[inline]
pub fn borrow<T>(cell: &RefCell<T>) -> PyResult<Ref<'_, T>> {
    cell.try_borrow()
        .map_err(|_| PyErr::runtime_error("container is being modified"))
}

/// An exclusive borrow, or a RuntimeError if the storage is in use.
#[inline]
pub fn borrow_mut<T>(cell: &RefCell<T>) -> PyResult<RefMut<'_, T>> {
    cell.try_borrow_mut()
        .map_err(|_| PyErr::runtime_error("container is being modified"))
}

/// `"0x7f..."`: how CPython prints an object address.
pub fn addr(v: &Value) -> String {
    format!("{:#x}", v.bits())
}

/// An optional argument slot from `ArgSpec::bind` (NULL when not passed).
#[inline]
pub fn opt(v: &Value) -> Option<&Value> {
    if v.is_null() { None } else { Some(v) }
}

/// The `i64` value of an index-like argument (`__index__`), with CPython's messages.
pub fn index_arg(vm: &mut Vm, v: &Value) -> PyResult<i64> {
    if let Some(i) = v.as_small_int() {
        return Ok(i);
    }
    vm.index_i64(v)
}

/// Clamps a Python index into `0..=len` the way `list.index(x, start, stop)` does.
pub fn clamp_index(i: i64, len: usize) -> usize {
    let len_i = len as i64;
    if i < 0 {
        (i + len_i).max(0) as usize
    } else {
        i.min(len_i) as usize
    }
}
