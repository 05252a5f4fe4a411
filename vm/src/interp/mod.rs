//! The bytecode interpreter: frames on one per-thread value stack, the dispatch loop,
//! calls (Python-to-Python calls do not recurse on the Rust stack), exception unwinding
//! through the exception table, and generators (resumed inside the loop by `for` and
//! `yield from`/`await`).

pub mod args;
pub mod attr_cache;
pub mod awaitable;
pub mod call;
pub mod class;
pub mod class_bases;
pub mod eval;
mod eval_calls;
pub mod frame;
pub mod frame_object;
pub mod gen_inline;
pub mod generator;
mod line_jump;
pub mod names;
mod number_fast;
pub mod ops;
pub mod pattern_ops;
pub mod poly_cache;
pub mod slots;
pub mod specialize;
mod subscript_fast;
pub mod suggest;
pub mod traceback;
pub mod tracing;
mod unwind;
