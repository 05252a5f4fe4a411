//! Runtime services the interpreter and builtins share: exceptions, allocation of builtin
//! values, the object protocols (attributes, operators, comparisons, hashing, items,
//! iteration), code loading and the top-level run functions.

pub mod alloc;
pub mod annotations;
pub mod attr;
pub mod binary;
pub mod code_load;
pub mod collector;
pub mod compare;
pub mod dict_ops;
pub mod errors;
pub mod fatal;
pub mod finalize;
pub mod hashing;
pub mod instance;
pub mod native;
pub mod numbers;
pub mod protocol;
pub mod run;
pub mod structseq;
pub mod subclasses;
pub mod subscript;
pub mod type_cache;
pub mod typecheck;
pub mod types;
pub mod warnings;

#[cfg(test)]
mod tests;
