//! Pyrite's trace IR (later issue) and the value ABI that the VM and the JIT share.

pub mod abi;
