//! printf-style formatting: str % args and bytes % args.
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

pub fn str_percent(vm: &mut Vm, template: &Value, args: &Value) -> PyResult<Value> {
    Err(not_yet("str % args"))
}
pub fn bytes_percent(vm: &mut Vm, template: &Value, args: &Value) -> PyResult<Value> {
    Err(not_yet("bytes % args"))
}
