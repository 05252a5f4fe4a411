//! The builtin iterators: next() for every IterState kind, and the iterator types (enumerate, zip, map, filter, reversed).
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

pub fn iterator_next(
    vm: &mut Vm,
    it: &Value,
    state: &std::cell::RefCell<crate::types::iter::IterState>,
) -> PyResult<Option<Value>> {
    Err(not_yet("iteration"))
}
