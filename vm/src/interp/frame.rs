//! Interpreter frames. A frame's `localsplus` slots (arguments, locals, cells, free
//! variables) and its value stack live in one window of the thread's value stack, starting
//! at `base`; a frame called from it starts right after that window.

use crate::object::Value;

pub struct Frame {
    /// The code object being executed.
    pub code: Value,
    /// The function being called (NULL for module and class bodies).
    pub func: Value,
    pub globals: Value,
    pub builtins: Value,
    /// The locals mapping of module and class bodies (NULL when locals are fast slots).
    pub locals: Value,
    /// Index of `localsplus[0]` in the thread's value stack.
    pub base: usize,
    /// Number of `localsplus` slots (the value stack starts at `base + nlocalsplus`).
    pub nlocalsplus: usize,
    /// Size of the frame's window: localsplus plus the maximum stack depth.
    pub size: usize,
    /// Absolute index of the first free value-stack slot (synced when the frame is left).
    pub sp: usize,
    /// Index of the next code unit to execute.
    pub ip: usize,
    /// Start of the instruction being executed (for tracebacks and line numbers).
    pub lasti: usize,
    /// Returning from this frame returns from the Rust call that started the loop.
    pub entry: bool,
    /// The generator owning this frame, or NULL.
    pub generator: Value,
    /// The Python-visible frame object, NULL until something asks for it
    /// (`sys._getframe`, a traceback, a trace function).
    pub object: Value,
    /// For an `__init__` frame pushed by instantiating a class (`CALL` on a plain class):
    /// the new instance, which the caller receives when the frame returns None.
    pub init_self: Value,
}

impl Frame {
    /// A frame header holding nothing (the placeholder left in a recycled box).
    pub fn vacant() -> Frame {
        Frame {
            code: Value::NULL,
            func: Value::NULL,
            globals: Value::NULL,
            builtins: Value::NULL,
            locals: Value::NULL,
            base: 0,
            nlocalsplus: 0,
            size: 0,
            sp: 0,
            ip: 0,
            lasti: 0,
            entry: false,
            generator: Value::NULL,
            object: Value::NULL,
            init_self: Value::NULL,
        }
    }

    /// Moves this header into `dest` field by field, leaving NULLs behind. Generators
    /// save and restore their frame this way: a whole-struct copy right after the
    /// interpreter stored single fields reads them back through wider loads, which the
    /// CPU cannot forward from those stores (a stall on every yield and resume).
    pub fn move_into(&mut self, dest: &mut Frame) {
        dest.code = std::mem::take(&mut self.code);
        dest.func = std::mem::take(&mut self.func);
        dest.globals = std::mem::take(&mut self.globals);
        dest.builtins = std::mem::take(&mut self.builtins);
        dest.locals = std::mem::take(&mut self.locals);
        dest.base = self.base;
        dest.nlocalsplus = self.nlocalsplus;
        dest.size = self.size;
        dest.sp = self.sp;
        dest.ip = self.ip;
        dest.lasti = self.lasti;
        dest.entry = self.entry;
        dest.generator = std::mem::take(&mut self.generator);
        dest.object = std::mem::take(&mut self.object);
        dest.init_self = std::mem::take(&mut self.init_self);
    }

    /// One past the last slot of this frame's window: where a called frame starts.
    pub fn end(&self) -> usize {
        self.base + self.size
    }
}
