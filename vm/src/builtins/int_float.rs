//! int, bool and float: constructors and methods.
//!
//! PLACEHOLDER: being written; every entry point raises SystemError until it lands.

#![allow(unused_variables)]

use crate::runtime::errors::PyErr;
use crate::vm::Vm;

/// Registers this module's builtins and methods.
pub fn install(vm: &mut Vm) {}

#[allow(dead_code)]
fn not_yet(what: &str) -> PyErr {
    PyErr::internal(format!("{what} is not implemented yet"))
}

/// Attributes of numbers (`real`, `imag`, `numerator`, `denominator`).
/// STUB added by the containers branch so `object::builtin_attribute` links; the int/float
/// branch provides the real implementation (keep theirs on merge).
pub fn number_attribute(
    vm: &mut Vm,
    obj: &crate::object::Value,
    name: &str,
) -> crate::runtime::errors::PyResult<Option<crate::object::Value>> {
    let _ = (vm, obj, name);
    Ok(None)
}
