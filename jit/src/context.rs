//! The context a trace runs with: the one structure native code and the VM both read.
//! `#[repr(C)]` so the lowering can address fields by their offsets.

/// What a trace function receives. The VM fills it before entry and reads it after exit.
#[repr(C)]
#[derive(Debug)]
pub struct TraceContext {
    /// The slot array: one value word per home the trace uses (frame slots, then globals).
    /// Exits leave snapshot values here unboxed.
    pub slots: *mut u64,
    /// The eval-breaker word: a nonzero byte makes the trace leave at its back-edge.
    pub interrupt: *const u8,
    /// Set nonzero by a `may_raise` helper that failed: the trace leaves through the call's
    /// snapshot.
    pub error: u64,
    /// Stress testing (`-X jit-fail-guard-every=N`): counts guards down; at zero the guard
    /// fails on purpose. Only read by traces compiled in stress mode.
    pub stress_countdown: i64,
    /// Where an exit leaves the fields of the snapshot's virtual objects (removed
    /// allocations), unboxed, in the snapshot's order: [`VIRTUAL_WORDS`] words.
    pub virtuals: *mut u64,
    /// Nonzero when a side trace tail-calls its root to enter the loop body directly
    /// (see [`crate::body_entry`]); the root clears it.
    pub body_entry: u64,
    /// A body entry's words: the phi values a side trace hands over (the first
    /// [`TRANSFER_WORDS`]), then the pre-roll values the root saved for this run.
    pub body: [u64; BODY_WORDS],
    /// Native self-calls (see [`crate::native_call`]): the innermost native level's record
    /// (0: the run the VM entered is the innermost), how many more levels may nest
    /// natively, and the function word a call must name to be a self-call.
    pub native_top: u64,
    pub native_budget: i64,
    pub lean_func: u64,
    /// Written by a return exit of a function tree: the result as a value word (0: not an
    /// immediate) and the exit's number.
    pub ret: u64,
    pub ret_code: u64,
}

/// The room for virtual object fields at one exit; a snapshot needing more is not compiled.
pub const VIRTUAL_WORDS: usize = 64;

/// The words of [`TraceContext::body`].
pub const BODY_WORDS: usize = 64;
/// How many of them carry phi values (the rest hold saved pre-roll values).
pub const TRANSFER_WORDS: usize = 24;

/// Byte offset of [`TraceContext::slots`].
pub const SLOTS_OFFSET: i32 = 0;
/// Byte offset of [`TraceContext::interrupt`].
pub const INTERRUPT_OFFSET: i32 = 8;
/// Byte offset of [`TraceContext::error`].
pub const ERROR_OFFSET: i32 = 16;
/// Byte offset of [`TraceContext::stress_countdown`].
pub const STRESS_OFFSET: i32 = 24;
/// Byte offset of [`TraceContext::virtuals`].
pub const VIRTUALS_OFFSET: i32 = 32;
/// Byte offset of [`TraceContext::body_entry`].
pub const BODY_ENTRY_OFFSET: i32 = 40;
/// Byte offset of [`TraceContext::body`].
pub const BODY_OFFSET: i32 = 48;
/// Byte offset of [`TraceContext::native_top`].
pub const NATIVE_TOP_OFFSET: i32 = BODY_OFFSET + 8 * BODY_WORDS as i32;
/// Byte offset of [`TraceContext::native_budget`].
pub const NATIVE_BUDGET_OFFSET: i32 = NATIVE_TOP_OFFSET + 8;
/// Byte offset of [`TraceContext::lean_func`].
pub const LEAN_FUNC_OFFSET: i32 = NATIVE_TOP_OFFSET + 16;
/// Byte offset of [`TraceContext::ret`].
pub const RET_OFFSET: i32 = NATIVE_TOP_OFFSET + 24;
/// Byte offset of [`TraceContext::ret_code`].
pub const RET_CODE_OFFSET: i32 = NATIVE_TOP_OFFSET + 32;

impl TraceContext {
    /// A context over `slots`, polling `interrupt`, with `virtuals` (at least
    /// [`VIRTUAL_WORDS`] words) for the fields of virtual objects at exits.
    pub fn new(slots: *mut u64, interrupt: *const u8, virtuals: *mut u64) -> TraceContext {
        TraceContext {
            slots,
            interrupt,
            error: 0,
            stress_countdown: i64::MAX,
            virtuals,
            body_entry: 0,
            body: [0; BODY_WORDS],
            native_top: 0,
            native_budget: 0,
            lean_func: 0,
            ret: 0,
            ret_code: u64::MAX,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn offsets_match_the_layout() {
        assert_eq!(
            std::mem::offset_of!(TraceContext, slots) as i32,
            SLOTS_OFFSET
        );
        assert_eq!(
            std::mem::offset_of!(TraceContext, interrupt) as i32,
            INTERRUPT_OFFSET
        );
        assert_eq!(
            std::mem::offset_of!(TraceContext, error) as i32,
            ERROR_OFFSET
        );
        assert_eq!(
            std::mem::offset_of!(TraceContext, stress_countdown) as i32,
            STRESS_OFFSET
        );
        assert_eq!(
            std::mem::offset_of!(TraceContext, virtuals) as i32,
            VIRTUALS_OFFSET
        );
        assert_eq!(
            std::mem::offset_of!(TraceContext, body_entry) as i32,
            BODY_ENTRY_OFFSET
        );
        assert_eq!(std::mem::offset_of!(TraceContext, body) as i32, BODY_OFFSET);
        let native = [
            (
                std::mem::offset_of!(TraceContext, native_top),
                NATIVE_TOP_OFFSET,
            ),
            (
                std::mem::offset_of!(TraceContext, native_budget),
                NATIVE_BUDGET_OFFSET,
            ),
            (
                std::mem::offset_of!(TraceContext, lean_func),
                LEAN_FUNC_OFFSET,
            ),
            (std::mem::offset_of!(TraceContext, ret), RET_OFFSET),
            (
                std::mem::offset_of!(TraceContext, ret_code),
                RET_CODE_OFFSET,
            ),
        ];
        for (field, constant) in native {
            assert_eq!(field as i32, constant);
        }
    }
}
