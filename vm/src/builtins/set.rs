//! set and frozenset: constructors, methods, operators, comparisons.
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

impl Vm {
    pub fn set_inplace(
        &mut self,
        a: &Value,
        b: &Value,
        op: crate::bytecode::BinaryOp,
    ) -> PyResult<()> {
        Err(not_yet("set in-place operators"))
    }
    pub fn set_binary(
        &mut self,
        a: &Value,
        b: &Value,
        op: crate::bytecode::BinaryOp,
    ) -> PyResult<Value> {
        Err(not_yet("set operators"))
    }
    pub fn set_compare(
        &mut self,
        a: &Value,
        b: &Value,
        op: crate::bytecode::CompareOp,
    ) -> PyResult<Option<bool>> {
        Err(not_yet("set comparison"))
    }
    pub fn set_contains(&mut self, set: &Value, item: &Value) -> PyResult<bool> {
        Err(not_yet("x in set"))
    }
    pub fn set_add(&mut self, set: &Value, item: Value) -> PyResult<()> {
        Err(not_yet("set.add"))
    }
}
