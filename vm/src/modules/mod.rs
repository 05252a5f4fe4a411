//! Modules: the import system (`sys.modules`, builtin modules, source files on `sys.path`)
//! and the modules Pyrite implements itself.

pub mod array;
pub mod bisect;
pub mod collections;
pub mod decimal_core;
pub mod frozen;
pub mod functools_core;
pub mod gc_module;
pub mod hashlib_module;
pub mod heapq;
pub mod import;
pub mod io_native;
pub mod itertools;
pub mod json;
pub mod math;
pub mod module_type;
pub mod operator;
pub mod os;
pub mod random_core;
pub mod sre;
pub mod struct_module;
pub mod sys;
pub mod sys_info;
pub mod time;
pub mod weakref_native;

use crate::object::Value;
use crate::runtime::errors::PyResult;
use crate::vm::Vm;

/// Creates one Rust-implemented module (its functions, types and constants).
pub type ModuleInit = fn(&mut Vm) -> PyResult<Value>;

/// Every module implemented in Rust, by import name: the single registry (add new ones
/// here). `sys` and `builtins` are created with the VM and are not listed. Modules written
/// in Python live in `frozen::FROZEN` instead.
pub const BUILTIN_MODULES: &[(&str, ModuleInit)] = &[
    ("os", os::create),
    ("_json", json::create),
    ("_sre", sre::create),
    ("_io", io_native::create),
    ("math", math::create),
    ("itertools", itertools::create),
    ("operator", operator::create),
    ("_heapq", heapq::create),
    ("bisect", bisect::create),
    ("_random", random_core::create),
    ("_functools", functools_core::create),
    ("_collections", collections::create),
    ("_struct", struct_module::create),
    ("_hashlib", hashlib_module::create),
    ("time", time::create),
    ("_weakref", weakref_native::create),
    ("gc", gc_module::create),
    ("_decimal_core", decimal_core::create),
    ("array", array::create),
    // (keep one module per line: parallel additions then merge cleanly)
];

/// The Rust-implemented module called `name`, if there is one.
pub fn builtin_module_init(name: &str) -> Option<ModuleInit> {
    BUILTIN_MODULES
        .iter()
        .find(|(n, _)| *n == name)
        .map(|(_, init)| *init)
}
