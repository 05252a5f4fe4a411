//! dict methods, dict views and their set operations.
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

pub fn view_contains(
    vm: &mut Vm,
    dict: &Value,
    kind: crate::types::payload::DictViewKind,
    item: &Value,
) -> PyResult<bool> {
    Err(not_yet("dict view membership"))
}
impl Vm {
    pub fn dict_view_compare(
        &mut self,
        a: &Value,
        b: &Value,
        op: crate::bytecode::CompareOp,
    ) -> PyResult<Option<bool>> {
        Err(not_yet("dict view comparison"))
    }
}
