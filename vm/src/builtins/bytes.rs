//! bytes and bytearray: constructors, methods, membership, repr.
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

pub fn bytes_contains(vm: &mut Vm, container: &Value, item: &Value) -> PyResult<bool> {
    Err(not_yet("bytes.__contains__"))
}
/// `repr()` of bytes data (`bx00abc`).
pub fn bytes_repr(data: &[u8]) -> String {
    format!("{data:?}")
}
