//! Recording a function-entry trace: from the instruction after a function's `RESUME`, in
//! the callee's fresh interpreter frame, to a `RETURN` of that frame (PyPy's function
//! entry traces, `jit::entry`).
//!
//! The trace is an ordinary tree member whose root frame is the function's frame: its homes
//! are the callee's locals, calls inside are inlined or residual exactly as in a loop. It
//! does not loop: a `RETURN_VALUE`/`RETURN_CONST` of the root frame ends it with an exit
//! whose snapshot holds the result on the stack, and the interpreter performs the return
//! (so the frame pops, `f_back` and tracebacks stay the interpreter's). Side traces from its
//! exits end the same way.

use pyrite_profiler::AbortReason;

use super::{Abort, Recorder, Recording, Step};
use crate::vm::Vm;

/// Records the top frame's function from `start` (the instruction after its `RESUME`).
pub(crate) fn record_function(vm: &Vm, start: usize, max_length: u32) -> Result<Recording, Abort> {
    let at = |reason| Abort { reason, pc: start };
    let frame = vm
        .frames
        .last()
        .ok_or_else(|| at(AbortReason::FrameShape))?;
    if !frame.generator.is_null() || !frame.locals.is_null() || frame.func.is_null() {
        return Err(at(AbortReason::FrameShape));
    }
    let code = frame
        .code
        .as_code()
        .ok_or_else(|| at(AbortReason::FrameShape))?;
    let nlocals = code.localsplus_len();
    if frame.sp != frame.base + nlocals {
        return Err(at(AbortReason::FrameShape));
    }
    let mut rec = Recorder::over_frame(vm, frame, nlocals);
    rec.function_entry = true;
    // Every frame slot gets its home now: a side trace recorded while a recursive call
    // runs this tree further down cannot add homes.
    for slot in 0..code.frame_size() {
        rec.frame_home(slot);
    }
    rec.b.snapshot(start as u32, 0, &[]);
    let end = code.units.len();
    rec.run_to_back_edge(start, start, end, max_length)?;
    if !rec.returned && !rec.stitched {
        return Err(at(AbortReason::FrameShape));
    }
    let trace = rec
        .b
        .finish()
        .map_err(|e| at(AbortReason::Compile(e.to_string())))?;
    Ok(Recording {
        trace,
        homes: rec.homes,
        deps: rec.deps,
        entry_depth: 0,
        loop_end: end,
        loop_call: None,
    })
}

impl Recorder<'_> {
    /// Whether a `RETURN` now leaves the function-entry trace's own frame.
    pub(super) fn ends_function(&self) -> bool {
        self.function_entry && !self.calls.inlined()
    }

    /// The root frame returns: the trace leaves through the snapshot just taken at the
    /// `RETURN` (its result on the stack), and the interpreter returns.
    pub(super) fn function_return(&mut self) -> Step<Option<usize>> {
        self.b.exit();
        self.returned = true;
        Ok(None)
    }
}
