//! object and type: attribute access defaults, __init__/__new__ rules, isinstance machinery.
//!
//! PLACEHOLDER: being written; every entry point raises SystemError until it lands.

#![allow(unused_variables)]

pub mod util;

use crate::object::Value;
use crate::runtime::errors::{PyErr, PyResult};
use crate::vm::Vm;

/// Registers this module's builtins and methods.
pub fn install(vm: &mut Vm) {}

fn not_yet(what: &str) -> PyErr {
    PyErr::internal(format!("{what} is not implemented yet"))
}

/// Read-only attributes of builtin objects that are not in any dict (`f.__name__`,
/// `e.args`, `(1).real`...). `None` if `obj` has no such attribute.
pub fn builtin_attribute(vm: &mut Vm, obj: &Value, name: &str) -> PyResult<Option<Value>> {
    Ok(None)
}

/// Writable attributes of builtin objects (`e.__cause__ = x`, `f.__name__ = ...`).
/// Returns whether `name` was handled.
pub fn set_builtin_attribute(
    vm: &mut Vm,
    obj: &Value,
    name: &str,
    value: &Value,
) -> PyResult<bool> {
    Ok(false)
}
