//! Pyrite's trace compiler: lowers a `pyrite_ir` trace to native code with Cranelift.
//!
//! A compiled trace is one function with the `tail` calling convention,
//! `fn(ctx: *mut TraceContext) -> u32` (the exit number), entered from Rust through a
//! SystemV trampoline ([`code`]). The trace reads and writes the words of a slot array
//! (`ctx.slots`): the VM copies the homes the trace uses (frame slots, module globals) into
//! it before entry and copies them back after the exit. A guard branches to a cold exit
//! block that stores the snapshot's values into the slot array *unboxed* (raw `i64`/`f64`
//! bits, `bool` as 0/1, value words as they are) and then tail-calls through the trace's
//! `exit_slots[k]`, which starts at a stub returning `k`; the VM boxes the values with the
//! snapshot's types. Attaching a side trace later is one store into that slot.
//!
//! Module map: [`body_entry`] (side traces entering the root's loop body), [`context`] (the ABI shared with the VM), [`lower`] (IR → Cranelift IR),
//! [`code`] (executable memory, entry and exit stubs: the only `unsafe` here), [`bridge`]
//! (the exit stub that runs an inner loop's tree natively from an outer trace), [`disasm`]
//! (`--dump-asm`), [`perf`] (`-X perf` maps), `refcount` (inline `incref`/`decref`),
//! `divisible` (`x % d == 0` by a multiplication),
//! [`tree`] (a root and its hot body-linking side traces compiled as one function),
//! [`native_call`] (a function tree calling its own code directly, with a record per level),
//! [`compiler`] (ISA setup and the public
//! `compile`).
//!
//! **Boundary:** `jit` knows Python only through `ir`'s value ABI and the helper addresses
//! the VM hands it by name; it never sees a VM type.

pub mod body_entry;
pub mod bridge;
pub mod code;
pub mod compiler;
pub mod context;
pub mod disasm;
mod divisible;
pub mod lower;
pub mod native_call;
pub mod perf;
mod refcount;
pub mod tree;

pub use body_entry::{BodyEntry, BodyLink, ChainState};
pub use code::CompiledTrace;
pub use compiler::{CompileError, CompileOptions, Compiler, HelperTable};
pub use context::{TraceContext, VIRTUAL_WORDS};
pub use native_call::{NativeCall, ReturnAt, SlotStart};
pub use tree::{InlinedSide, TreeStats};
