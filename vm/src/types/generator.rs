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
    /// Suspended (or not started) with its frame.
    Suspended(SavedFrame),
    /// Running right now (its frame is on the frame stack).
    Running,
    Finished,
}

pub struct GeneratorData {
    pub state: RefCell<GenState>,
    pub started: Cell<bool>,
    pub name: RefCell<Value>,
    pub qualname: RefCell<Value>,
    pub code: Value,
}
