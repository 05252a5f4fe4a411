//! Pyrite profiler: the JIT's counters and hot-loop policy. It knows nothing about the VM:
//! loops are identified by opaque keys, and the VM asks it what to do when a counter fires.
//!
//! - [`tunables`]: every JIT parameter in one table (default and reason), `-X jit-<name>=N`.
//! - [`abort`]: the named reasons a recording can end without a trace.
//! - [`policy`]: per-loop state: growing randomized penalties after aborts, blacklisting.
//!
//! `sys.monitoring` events will live here too (DESIGN §5).

pub mod abort;
pub mod policy;
pub mod tunables;

pub use abort::AbortReason;
pub use policy::{LoopPolicy, PenaltyOutcome, PenaltyRandom};
pub use tunables::{JitParams, Tunable};
