//! Builtin object layouts and their storage: the `Payload` variants and the tables behind
//! them (dict, set, str, code, functions, types, iterators).

pub mod attr_map;
pub mod code;
pub mod dict;
pub mod file;
pub mod frame;
pub mod function;
pub mod generator;
pub mod iter;
pub mod payload;
pub mod set;
pub mod str;
pub mod traverse;
pub mod typeobj;
