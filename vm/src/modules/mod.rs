//! Modules: the import system (`sys.modules`, builtin modules, source files on `sys.path`)
//! and the modules Pyrite implements itself.

pub mod frozen;
pub mod import;
pub mod json;
pub mod module_type;
pub mod os;
pub mod sre;
pub mod sys;

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
    // (keep one module per line: parallel additions then merge cleanly)
];

/// The Rust-implemented module called `name`, if there is one.
pub fn builtin_module_init(name: &str) -> Option<ModuleInit> {
    BUILTIN_MODULES
        .iter()
        .find(|(n, _)| *n == name)
        .map(|(_, init)| *init)
}
