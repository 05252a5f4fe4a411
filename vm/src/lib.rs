//! Pyrite's virtual machine: compiler, bytecode, interpreter, object model and runtime.

pub mod builtins;
pub mod bytecode;
pub mod compiler;
pub mod interp;
pub mod jit;
pub mod modules;
pub mod object;
pub mod runtime;
pub mod text;
pub mod types;
pub mod vm;

pub use object::Value;
pub use runtime::errors::{PyErr, PyResult};
pub use vm::{Config, Vm};
