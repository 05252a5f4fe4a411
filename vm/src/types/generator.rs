//! Generator objects own their frame while suspended: the frame's slots (locals and value
//! stack) are moved out of the thread's value stack on `yield` and back in on resume.

use std::cell::{Cell, RefCell};

use crate::interp::frame::Frame;
use crate::object::Value;

/// A suspended frame: its header and the live slots of its window.
pub struct SavedFrame {
    pub frame: Frame,
    /// `localsplus` followed by the value stack up to the saved `sp`.
    pub slots: Vec<Value>,
}

pub enum GenState {
    /// Suspended (or not started) with its frame (boxed: a suspension and a resume move a
    /// pointer, not the frame header).
    Suspended(Box<SavedFrame>),
    /// Running right now (its frame is on the frame stack).
    Running,
    Finished,
}

pub struct GeneratorData {
    pub state: RefCell<GenState>,
    pub started: Cell<bool>,
    /// A `throw`/`close` is being passed on to the `yield from` target (the generator
    /// counts as running: re-entering it is an error).
    pub delegating: Cell<bool>,
    /// The exception being handled inside the generator while it is suspended (CPython's
    /// `gi_exc_state`): swapped with the caller's on every resume and suspension.
    pub exc_state: RefCell<Value>,
    pub name: RefCell<Value>,
    pub qualname: RefCell<Value>,
    pub code: Value,
    /// The box of the last suspension, kept while the generator runs so the next
    /// suspension reuses it instead of allocating.
    pub spare: RefCell<Option<Box<SavedFrame>>>,
}

impl GeneratorData {
    /// Whether dropping the last reference must first close the generator: it started and
    /// is suspended, so a `finally` or `except GeneratorExit` may be waiting to run.
    pub fn needs_close(&self) -> bool {
        self.started.get() && matches!(&*self.state.borrow(), GenState::Suspended(_))
    }
}

/// Progress of an `asend`/`athrow` awaitable (CPython's `AWAITABLE_STATE_*`).
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum AwaitableState {
    Init,
    Iter,
    Closed,
}

/// The helper objects of the coroutine protocols.
pub enum AsyncOp {
    /// `coroutine.__await__()`: an iterator that drives the coroutine.
    Wrapper { coro: Value },
    /// `agen.asend(value)` / `agen.__anext__()`.
    ASend {
        agen: Value,
        value: RefCell<Value>,
        state: Cell<AwaitableState>,
    },
    /// `agen.athrow(exc)`, or `agen.aclose()` when `exc` is NULL.
    AThrow {
        agen: Value,
        exc: Value,
        state: Cell<AwaitableState>,
    },
    /// A value an async generator yielded (as opposed to an `await` suspending it).
    Wrapped(Value),
}
