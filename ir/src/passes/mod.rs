//! The optimizer: passes over a whole trace, each in its own module with filetests in
//! `ir/tests/filetests/<pass>/`, and [`optimize`], the pipeline in the order that pays
//! (DESIGN §6.3): clean up, drop redundant type guards, peel the loop so invariant guards
//! and loads run once, forward attribute loads and drop dead attribute stores, sink the
//! allocations that only exits need, unbox loop-carried numbers, drop the overflow checks and
//! branch guards integer ranges decide, drop the reference-count
//! operations that cancel, and delete what is dead.
//!
//! In debug builds the verifier runs after every pass; an error aborts the trace (the
//! interpreter keeps running it), it never panics.

pub mod dce;
pub mod fold_cse;
pub mod guard_elim;
pub mod heap;
pub mod loop_peel;
pub mod range;
pub mod refcount;
mod rewrite;
pub mod sink;
pub mod unbox;

use std::fmt;

use crate::trace::Trace;

/// A pass failed or left an invalid trace: a Pyrite bug, reported as a trace abort.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PassError {
    /// The pass.
    pub pass: &'static str,
    /// What went wrong.
    pub message: String,
}

impl fmt::Display for PassError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "pass {}: {}", self.pass, self.message)
    }
}

impl std::error::Error for PassError {}

/// A pass: rewrites the trace in place, or explains why it could not.
pub type PassFn = fn(&mut Trace) -> Result<(), String>;

/// Every pass by name (the names filetests use in their `test` line).
pub const PASSES: &[(&str, PassFn)] = &[
    ("fold_cse", fold_cse::run),
    ("guard_elim", guard_elim::run),
    ("loop_peel", loop_peel::run),
    ("heap", heap::run),
    ("unbox", unbox::run),
    ("range", range::run),
    ("sink", sink::run),
    ("refcount", refcount::run),
    ("dce", dce::run),
];

/// The pipeline, in order. Sinking runs once before unboxing (a tuple that only exits
/// need must not keep a loop-carried number boxed) and once after it and DCE (the boxes
/// unboxing left only to exits).
pub const PIPELINE: &[&str] = &[
    "fold_cse",
    "guard_elim",
    "loop_peel",
    "guard_elim",
    "heap",
    "sink",
    "unbox",
    "dce",
    "range",
    "sink",
    "refcount",
    "dce",
];

/// Finds a pass by name.
pub fn pass(name: &str) -> Option<PassFn> {
    PASSES.iter().find(|(n, _)| *n == name).map(|&(_, f)| f)
}

/// Runs one pass, then (in debug builds) the verifier.
pub fn run_pass(name: &'static str, trace: &mut Trace) -> Result<(), PassError> {
    let error = |message| PassError {
        pass: name,
        message,
    };
    let f = pass(name).ok_or_else(|| error("no such pass".to_owned()))?;
    f(trace).map_err(error)?;
    if cfg!(debug_assertions) {
        crate::verify::verify(trace).map_err(|e| error(format!("verifier: {e}")))?;
    }
    Ok(())
}

/// Optimizes a recorded trace with the whole pipeline.
pub fn optimize(trace: &mut Trace) -> Result<(), PassError> {
    if cfg!(debug_assertions) {
        crate::verify::verify(trace).map_err(|e| PassError {
            pass: "input",
            message: format!("verifier: {e}"),
        })?;
    }
    for name in PIPELINE {
        run_pass(name, trace)?;
    }
    Ok(())
}
