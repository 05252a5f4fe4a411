//! str.format(), format() and the __format__ methods of builtin types.
//!
//! PLACEHOLDER: being written; every entry point raises SystemError until it lands.

#![allow(unused_variables)]

use crate::object::Value;
use crate::runtime::errors::{PyErr, PyResult};
use crate::vm::Vm;

/// Registers this module's builtins and methods.
pub fn install(vm: &mut Vm) {}

#[allow(dead_code)]
fn not_yet(what: &str) -> PyErr {
    PyErr::internal(format!("{what} is not implemented yet"))
}

/// `format(value, spec)` (the `FORMAT_SIMPLE`/`FORMAT_WITH_SPEC` opcodes use it).
pub fn format_value(vm: &mut Vm, value: &Value, spec: &str) -> PyResult<Value> {
    Err(not_yet("format()"))
}
