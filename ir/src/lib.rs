//! Pyrite's trace IR, its optimizer, and the value ABI that the VM and the JIT share.
//!
//! A trace is a linear SSA list of typed instructions recorded from one hot loop (LuaJIT's
//! model): the recorder in `vm` drives a [`TraceBuilder`], which folds and CSEs each
//! instruction as it arrives; guards leave through [`Snapshot`]s that say how to rebuild the
//! interpreter's frames; the passes of [`passes`] ([`passes::optimize`]) then optimize the whole trace before the
//! backend in `jit` lowers it. Every op is described once, in the table of [`op`].
//!
//! ## The shape of a trace
//!
//! - **Recorded (unpeeled)**: `load_slot`s of the root frame where first read, the loop body,
//!   then `jump !sK` (emitted by [`TraceBuilder::close_loop`]). There is no `loop` op: the
//!   backend writes snapshot `sK`'s slots back to the frame and jumps to the trace start,
//!   which reloads them.
//! - **Peeled** (after `passes::loop_peel`): the first iteration (the *pre-roll*), `loop`,
//!   then `phi` ops, then the body again with every invariant value and guard CSE'd away
//!   into the pre-roll, then a plain `jump`. A `phi a, b` is a loop-header block parameter:
//!   `a` on entry, `b` (any value defined before the `jump`) on each back-edge.
//! - A snapshot slot may hold an unboxed value; the exit boxes it: an `i64` as an int of any
//!   size, an `f64` as a float (NaN as a heap float), a `bool` as `True`/`False`. Virtual
//!   objects are allocated from their fields.
//! - A guard (a `GUARD` op, or a `call` of a may-raise or may-call helper) names the
//!   snapshot it leaves through; exit `k` restores snapshot `sk`. `exit` leaves always.
//! - A `call` of a may-call helper is followed by `guard_not_forced` (the callee may have
//!   materialized the inlined frames, which then live in memory).
//!
//! ## Reference counts
//!
//! Values are *borrowed* unless made by an allocating op or a call: `load_slot` and memory
//! loads borrow from the frame or object holding the word. The recorder makes ownership
//! explicit with `incref`/`decref`; the refcount pass removes the pairs that cancel, those on
//! constants (immortal or kept alive by the trace) and those on allocations that were sunk.
//!
//! Module map: [`abi`] (value encoding), [`types`] (value types and constants), [`op`] (the
//! op table), [`trace`] (the container), [`snapshot`], [`builder`] and [`fold`] (emitting),
//! [`mod@print`] and [`mod@parse`] (the text format), [`mod@verify`], [`passes`].
//!
//! This crate knows nothing about Python objects, the VM or Cranelift: helpers are named,
//! slots and pcs are numbers, and objects are words at offsets.

pub mod abi;
pub mod builder;
pub mod fold;
pub mod op;
pub mod parse;
pub mod passes;
pub mod print;
pub mod snapshot;
pub mod trace;
pub mod types;
pub mod verify;

pub use builder::{BuildError, NO_VALUE, TraceBuilder};
pub use op::{Op, OpFlags};
pub use parse::{ParseError, parse};
pub use snapshot::{SnapFrame, SnapValue, Snapshot, SnapshotId, Virtual, VirtualKind};
pub use trace::{Effect, Helper, HelperId, Imm, Inst, Ref, Trace};
pub use types::{Const, Type, TypeTag};
pub use verify::{VerifyError, verify};
