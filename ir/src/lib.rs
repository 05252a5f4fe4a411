//! Pyrite's trace IR, its optimizer, and the value ABI that the VM and the JIT share.
//!
//! A trace is a linear SSA list of typed instructions recorded from one hot loop (LuaJIT's
//! model): the recorder in `vm` drives a [`TraceBuilder`], which folds and CSEs each
//! instruction as it arrives; guards leave through [`Snapshot`]s that say how to rebuild the
//! interpreter's frames; the passes then optimize the whole trace before the
//! backend in `jit` lowers it. Every op is described once, in the table of [`op`].
//!
//! Module map: [`abi`] (value encoding), [`types`] (value types and constants), [`op`] (the
//! op table), [`trace`] (the container), [`snapshot`], [`builder`] and [`fold`] (emitting),
//! [`print`] (the text format).
//!
//! This crate knows nothing about Python objects, the VM or Cranelift: helpers are named,
//! slots and pcs are numbers, and objects are words at offsets.

pub mod abi;
pub mod builder;
pub mod fold;
pub mod op;
pub mod print;
pub mod snapshot;
pub mod trace;
pub mod types;

pub use builder::{BuildError, NO_VALUE, TraceBuilder};
pub use op::{Op, OpFlags};
pub use snapshot::{SnapFrame, SnapValue, Snapshot, SnapshotId, Virtual, VirtualKind};
pub use trace::{Effect, Helper, HelperId, Imm, Inst, Ref, Trace};
pub use types::{Const, Type, TypeTag};
