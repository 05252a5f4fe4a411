//! Pyrite's virtual machine: compiler, bytecode, interpreter, object model and runtime.

pub mod bytecode;
pub mod compiler;
