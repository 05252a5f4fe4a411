//! Exception types: constructors, attributes (args, __cause__, __context__, __traceback__, __notes__...), str().
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

pub fn exception_str(vm: &mut Vm, exc: &Value) -> PyResult<String> {
    let args = exc
        .as_exception()
        .map(|e| e.args.borrow().clone())
        .unwrap_or(Value::NULL);
    match args.as_tuple() {
        Some([]) | None => Ok(String::new()),
        Some([one]) => {
            let one = one.clone();
            vm.str(&one)
        }
        Some(_) => vm.repr(&args),
    }
}

/// `StopIteration.value` (the first argument, or None).
pub fn stop_iteration_value(vm: &mut Vm, exc: &Value) -> Value {
    let _ = vm;
    let args = exc
        .as_exception()
        .map(|e| e.args.borrow().clone())
        .unwrap_or(Value::NULL);
    match args.as_tuple() {
        Some([first, ..]) => first.clone(),
        _ => Value::NONE,
    }
}
