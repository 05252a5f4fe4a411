//! Executable memory and the jumps between Rust and native code: the only module of `jit`
//! with `unsafe`. Each piece of code gets its own read-execute mapping (W^X: written while
//! private and writable, then flipped to executable), so freeing a trace is dropping it.
//!
//! Rust enters a trace through the *trampoline*, a SystemV function compiled once that calls
//! the trace's `tail`-convention function; exits return through the *exit stub*, a `tail`
//! function that returns its exit number, reached through the trace's `exit_slots`.

#![allow(unsafe_code)]

use std::sync::atomic::{AtomicU64, Ordering};

use crate::compiler::CompileError;
use crate::context::TraceContext;

/// A block of machine code in its own executable mapping.
#[derive(Debug)]
pub struct ExecutableCode {
    map: memmap2::Mmap,
    len: usize,
}

impl ExecutableCode {
    /// Copies position-independent, relocation-free machine code into executable memory.
    pub fn new(bytes: &[u8]) -> Result<ExecutableCode, CompileError> {
        let mut map = memmap2::MmapMut::map_anon(bytes.len().max(1))
            .map_err(|e| CompileError(format!("code memory: {e}")))?;
        map[..bytes.len()].copy_from_slice(bytes);
        let map = map
            .make_exec()
            .map_err(|e| CompileError(format!("code memory: {e}")))?;
        Ok(ExecutableCode {
            map,
            len: bytes.len(),
        })
    }

    /// The address of the first instruction.
    pub fn address(&self) -> u64 {
        self.map.as_ptr() as u64
    }

    /// The code size in bytes.
    pub fn len(&self) -> usize {
        self.len
    }

    /// Whether the block is empty (never, for compiled code).
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// The machine code.
    pub fn bytes(&self) -> &[u8] {
        &self.map[..self.len]
    }
}

/// The SystemV → `tail` bridge: `extern "sysv64" fn(code, ctx) -> exit`.
#[derive(Debug)]
pub struct Trampoline {
    code: ExecutableCode,
}

impl Trampoline {
    /// Wraps compiled trampoline code (made by `compiler`).
    pub(crate) fn new(code: ExecutableCode) -> Trampoline {
        Trampoline { code }
    }
}

/// A compiled trace: its code and its exit slots.
#[derive(Debug)]
pub struct CompiledTrace {
    /// The trace's number (for logs and perf maps).
    pub id: u32,
    code: ExecutableCode,
    /// One word per exit: the address the exit block tail-calls. Starts at the exit stub;
    /// attaching a side trace is one store. Boxed so its address is stable.
    exit_slots: Box<[AtomicU64]>,
    /// The disassembly, when it was asked for.
    pub asm: Option<String>,
}

impl CompiledTrace {
    pub(crate) fn new(
        id: u32,
        code: ExecutableCode,
        exit_slots: Box<[AtomicU64]>,
        asm: Option<String>,
    ) -> CompiledTrace {
        CompiledTrace {
            id,
            code,
            exit_slots,
            asm,
        }
    }

    /// The address of the trace's first instruction.
    pub fn address(&self) -> u64 {
        self.code.address()
    }

    /// The code size in bytes.
    pub fn size(&self) -> usize {
        self.code.len()
    }

    /// The number of exits (one per snapshot).
    pub fn exit_count(&self) -> usize {
        self.exit_slots.len()
    }

    /// Runs the trace until it leaves; returns the exit number.
    ///
    /// `ctx.slots` must point to as many words as the trace's highest slot number + 1 and
    /// `ctx.interrupt` to a readable byte, both valid for the whole call; every helper the
    /// trace was compiled against must still be valid to call with the words the trace
    /// passes (the VM guarantees that the slot words are live values).
    #[inline]
    pub fn enter(&self, trampoline: &Trampoline, ctx: &mut TraceContext) -> u32 {
        let entry = trampoline.code.address();
        // SAFETY: `entry` is the trampoline compiled by `Compiler::new` with exactly this
        // SystemV signature; it calls `self.address()`, a trace function compiled with the
        // `tail` signature `fn(*mut TraceContext) -> u32`, whose code stays mapped while
        // `self` is borrowed. The trace only touches `ctx`'s fields (whose validity the caller
        // guarantees per this method's contract), its own exit slots (owned by `self`), and
        // helpers registered by the VM.
        let f: extern "sysv64" fn(u64, *mut TraceContext) -> u32 =
            unsafe { std::mem::transmute(entry as usize) };
        f(self.address(), ctx)
    }

    /// The base address of the exit-slot array (baked into the trace's code).
    pub fn exit_slots_address(&self) -> u64 {
        self.exit_slots.as_ptr() as u64
    }

    /// Points exit `k` at `target` (a `tail` function `fn(ctx, k) -> u32`): how a side
    /// trace is attached.
    pub fn set_exit_target(&self, k: usize, target: u64) {
        if let Some(slot) = self.exit_slots.get(k) {
            slot.store(target, Ordering::Release);
        }
    }
}

/// Fresh exit slots all pointing at `stub`.
pub(crate) fn new_exit_slots(count: usize, stub: u64) -> Box<[AtomicU64]> {
    (0..count.max(1)).map(|_| AtomicU64::new(stub)).collect()
}
