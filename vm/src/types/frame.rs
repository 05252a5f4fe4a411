//! Python-visible frame objects (`sys._getframe()`, `tb_frame`, the frame a trace function
//! receives). They are made lazily: the interpreter's `Frame` on the per-thread frame stack
//! stays the truth while the frame runs, and the object finds it there by identity. When
//! the frame leaves the stack (it returned, raised, or its generator yielded), the object
//! keeps a snapshot of the last values, as CPython's frame objects do.

use std::cell::{Cell, RefCell};

use crate::object::Value;

pub struct FrameObjectData {
    pub code: Value,
    pub globals: Value,
    pub builtins: Value,
    /// The locals mapping of module and class bodies (NULL for function frames).
    pub locals: Value,
    /// Where the frame was when it last left the stack.
    pub snapshot: RefCell<FrameSnapshot>,
    /// Names written through `f_locals` that are not fast locals of the code (PEP 667's
    /// "extra" locals); NULL until one is written.
    pub extra_locals: RefCell<Value>,
    /// The local trace function (`f_trace`), NULL when unset.
    pub trace: RefCell<Value>,
    pub trace_lines: Cell<bool>,
    pub trace_opcodes: Cell<bool>,
    /// The line a trace event is being delivered for (0 otherwise): `f_lineno` reports it.
    pub traced_line: Cell<u32>,
}

/// The state of a frame that is no longer on the frame stack.
#[derive(Default)]
pub struct FrameSnapshot {
    /// Code-unit index of the last instruction executed.
    pub lasti: usize,
    /// The `localsplus` slots (cells still as cell objects).
    pub fast: Vec<Value>,
    /// `f_back` as it was when the frame finished (NULL for suspended generators).
    pub back: Value,
    /// Whether the frame has run to completion.
    pub finished: bool,
}
