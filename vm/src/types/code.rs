//! Runtime code objects: the compiler's `CodeData` plus its constants and names turned into
//! Python values once, when the code object is created.

use std::cell::{Cell, RefCell};

use crate::bytecode::CodeData;
use crate::object::Value;

pub struct CodeObject {
    pub data: CodeData,
    /// The executable code units. Adaptive specialization rewrites opcodes and inline
    /// caches in place, so they are cells; `data.code` keeps the compiler's original.
    pub units: Box<[Cell<u16>]>,
    /// `co_consts` as values.
    pub consts: Vec<Value>,
    /// `co_names` as interned strings.
    pub names: Vec<Value>,
    /// Names of the localsplus slots as strings.
    pub localsplus_names: Vec<Value>,
    pub name: Value,
    pub qualname: Value,
    pub filename: Value,
    /// Number of free variables (the trailing localsplus slots).
    pub free_count: usize,
    /// Entries of the polymorphic attribute caches (`interp::poly_cache`).
    pub poly_sites: RefCell<Vec<crate::interp::poly_cache::PolySite>>,
    /// Calls until the JIT looks at this function's entry (`jit::entry`): 0 = not yet
    /// armed, 1 = the hook runs at every call, `u16::MAX` = never.
    pub entry_counter: Cell<u16>,
}

impl CodeObject {
    pub fn localsplus_len(&self) -> usize {
        self.data.localsplus_names.len()
    }

    /// Frame size needed: localsplus slots plus the value stack.
    pub fn frame_size(&self) -> usize {
        self.localsplus_len() + self.data.stack_size as usize
    }

    /// Source line of the instruction at code-unit `index` (0 if unknown).
    pub fn line_of(&self, index: usize) -> u32 {
        self.data.positions.get(index).map(|p| p.line).unwrap_or(0)
    }

    /// Whether the code is a generator, coroutine or async generator.
    pub fn is_generator_like(&self) -> bool {
        use crate::bytecode::code::code_flags::*;
        self.data.flags & (GENERATOR | COROUTINE | ASYNC_GENERATOR) != 0
    }
}
