//! range objects: constructor, len, indexing, membership, iteration, equality.
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

pub fn range_len(vm: &mut Vm, r: &Value) -> PyResult<usize> {
    Err(not_yet("len(range)"))
}
pub fn range_iter_state(vm: &mut Vm, r: &Value) -> PyResult<crate::types::iter::IterState> {
    Err(not_yet("iter(range)"))
}
pub fn range_getitem(vm: &mut Vm, r: &Value, key: &Value) -> PyResult<Value> {
    Err(not_yet("range indexing"))
}
pub fn range_contains(vm: &mut Vm, r: &Value, item: &Value) -> PyResult<bool> {
    Err(not_yet("x in range"))
}
impl Vm {
    pub fn range_eq(&mut self, a: &Value, b: &Value) -> PyResult<bool> {
        Err(not_yet("range equality"))
    }
}
