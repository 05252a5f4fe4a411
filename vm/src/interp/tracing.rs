//! `sys.settrace` / `sys.setprofile`: the legacy tracing events delivered with CPython 3.12+
//! semantics (they are built on `sys.monitoring` there, and these rules mirror it).
//!
//! Cost when nobody traces: the dispatch loop reads `TraceState::active()` into a local
//! once per (re)entry of a frame and tests that register before each instruction; the hooks
//! below are `#[cold]`. Turning tracing on or off bumps `TraceState::version`; the loop
//! compares it at its existing check points (`RESUME`, `JUMP_BACKWARD`, after a call to
//! native code) and reloads the frame, so `sys.settrace` called from a running loop takes
//! effect before the next instruction of the calling frame.
//!
//! Hook points (the JIT's deoptimization must reach the same ones):
//! - `trace_before_instruction`: `call` at `RESUME` (function start and generator resume),
//!   `line` at the first instruction of a line (or a backward jump within one line),
//!   `opcode` when the frame's `f_trace_opcodes` is set;
//! - `trace_return`: `return` at `RETURN_*` and `YIELD_VALUE`;
//! - `trace_raise` / `trace_unwind`: `exception` in each frame an exception passes through
//!   (not on re-raise), `return` with `None` when it leaves a frame;
//! - `profile_native_call`: `c_call` / `c_return` / `c_exception` around builtins.

use std::collections::HashMap;
use std::rc::Rc;

use crate::bytecode::opcodes::flags;
use crate::bytecode::{Opcode, instructions};
use crate::interp::frame_object::frame_data;
use crate::object::{Payload, Value};
use crate::runtime::errors::{ExcKind, PyErr, PyResult};
use crate::vm::Vm;

/// The thread's trace and profile functions.
#[derive(Default)]
pub struct TraceState {
    /// `sys.settrace` function, NULL when unset.
    pub trace_func: Value,
    /// `sys.setprofile` function, NULL when unset.
    pub profile_func: Value,
    /// Bumped whenever `active()` may have changed; frames reload when it moves.
    pub version: std::cell::Cell<u64>,
    /// True while a trace or profile function runs: it is not traced itself.
    in_hook: bool,
    /// Which instructions start a line, per code object (keyed by address; the value keeps
    /// the code alive so the address is not reused).
    line_starts: HashMap<usize, (Value, Rc<[bool]>)>,
    /// The event being delivered and the index of its frame (what `f_lineno = n` checks).
    delivering: Option<(Delivered, usize)>,
    /// Set when a trace function moved its frame (`f_lineno = n`); the dispatch loop
    /// reloads the frame's position after the event.
    pub(crate) jumped: bool,
}

/// An event as the jump rules see it (CPython's monitoring event kinds behind them).
#[derive(Clone, Copy, PartialEq, Eq)]
enum Delivered {
    /// `call` at the start of a frame (`PY_START`).
    Start,
    /// `call` when a generator resumes (`PY_RESUME`).
    Resume,
    Line,
    /// `return` at a `yield` (`PY_YIELD`): the generator resumes at the target.
    Yield,
    /// `return`, `exception`, `opcode`, `c_exception`.
    Other,
    /// The profile function's `c_call` / `c_return`.
    NativeCall,
}

impl TraceState {
    /// Whether any event may have to be delivered.
    #[inline]
    pub fn active(&self) -> bool {
        !self.trace_func.is_null() || !self.profile_func.is_null()
    }
}

/// Which legacy event is being delivered.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Event {
    Call,
    Line,
    Return,
    Exception,
    Opcode,
}

impl Event {
    fn name(self) -> &'static str {
        match self {
            Event::Call => "call",
            Event::Line => "line",
            Event::Return => "return",
            Event::Exception => "exception",
            Event::Opcode => "opcode",
        }
    }
}

/// Marks the instructions that start a line as CPython's instrumentation does: after the
/// first `RESUME`, an instruction whose line differs from the previous one's, plus every
/// jump target and exception handler that has a line. `RESUME`, `END_FOR` and `END_SEND`
/// never start a line.
fn compute_line_starts(code: &crate::types::code::CodeObject) -> Rc<[bool]> {
    let units = &code.data.code;
    let mut starts = vec![false; units.len()];
    let instrs = instructions(units);
    let Some(first) = instrs.iter().position(|i| i.opcode == Opcode::RESUME) else {
        return starts.into();
    };
    let line = |i: usize| code.line_of(i);
    let mut current: u32 = u32::MAX;
    for ins in &instrs[first..] {
        match ins.opcode {
            Opcode::RESUME | Opcode::END_SEND => {}
            _ => {
                let l = line(ins.start);
                if l != current && l > 0 {
                    starts[ins.start] = true;
                }
                current = l;
            }
        }
    }
    for ins in &instrs[first..] {
        if ins.opcode.flags() & flags::JUMP == 0 {
            continue;
        }
        let target = match ins.opcode {
            Opcode::JUMP_BACKWARD | Opcode::JUMP_BACKWARD_NO_INTERRUPT => {
                ins.next.checked_sub(ins.arg as usize)
            }
            _ => Some(ins.next + ins.arg as usize),
        };
        if let Some(t) = target
            && t < starts.len()
            && line(t) > 0
        {
            starts[t] = true;
        }
    }
    for e in &code.data.exception_table {
        let t = e.target as usize;
        if t < starts.len() && line(t) > 0 {
            starts[t] = true;
        }
    }
    starts.into()
}

impl Vm {
    /// Records that tracing may have been switched on or off: running frames reload at
    /// their next check point.
    pub fn instrumentation_changed(&mut self) {
        let v = self.tracing.version.get().wrapping_add(1);
        self.tracing.version.set(v);
    }

    /// `sys.settrace(func)`.
    pub fn set_trace(&mut self, func: Value) {
        self.tracing.trace_func = if func.is_none() { Value::NULL } else { func };
        self.instrumentation_changed();
    }

    /// `sys.setprofile(func)`.
    pub fn set_profile(&mut self, func: Value) {
        self.tracing.profile_func = if func.is_none() { Value::NULL } else { func };
        self.instrumentation_changed();
    }

    fn line_starts(&mut self, code_value: &Value) -> Option<Rc<[bool]>> {
        let code = code_value.as_code()?;
        let key = code as *const _ as usize;
        if let Some((_, s)) = self.tracing.line_starts.get(&key) {
            return Some(s.clone());
        }
        let s = compute_line_starts(code);
        self.tracing
            .line_starts
            .insert(key, (code_value.clone(), s.clone()));
        Some(s)
    }

    /// Calls the trace function for `event` in the top frame. `call` goes to the global
    /// function and its result becomes the frame's local one; other events go to the
    /// frame's `f_trace`, whose result (unless `None`) replaces it. An error turns tracing
    /// off, as in CPython.
    fn deliver_trace(&mut self, event: Event, arg: Value, line: u32) -> PyResult<()> {
        let Some(frame) = self.top_frame_object() else {
            return Ok(());
        };
        let Some(data) = frame_data(&frame) else {
            return Ok(());
        };
        let callback = if event == Event::Call {
            self.tracing.trace_func.clone()
        } else {
            data.trace.borrow().clone()
        };
        if callback.is_null() {
            return Ok(());
        }
        let name = self.intern(event.name());
        self.tracing.in_hook = true;
        data.traced_line.set(line);
        let delivered = match event {
            Event::Call if self.top_frame_is_resuming() => Delivered::Resume,
            Event::Call => Delivered::Start,
            Event::Line => Delivered::Line,
            Event::Return if self.top_frame_at(Opcode::YIELD_VALUE) => Delivered::Yield,
            _ => Delivered::Other,
        };
        let outer = self
            .tracing
            .delivering
            .replace((delivered, self.frames.len() - 1));
        let result = self.call(&callback, &[frame.clone(), name, arg]);
        self.tracing.delivering = outer;
        data.traced_line.set(0);
        self.tracing.in_hook = false;
        match result {
            Ok(r) => {
                if !r.is_none() {
                    let old = data.trace.replace(r);
                    drop(old);
                }
                Ok(())
            }
            Err(e) => {
                self.set_trace(Value::NONE);
                let old = data.trace.replace(Value::NULL);
                drop(old);
                Err(e)
            }
        }
    }

    /// Calls the profile function with `event` for the top frame (its result is ignored).
    fn deliver_profile(&mut self, event: &str, arg: Value) -> PyResult<()> {
        let callback = self.tracing.profile_func.clone();
        if callback.is_null() {
            return Ok(());
        }
        let Some(frame) = self.top_frame_object() else {
            return Ok(());
        };
        let name = self.intern(event);
        self.tracing.in_hook = true;
        let delivered = match event {
            "call" if self.top_frame_is_resuming() => Delivered::Resume,
            "call" => Delivered::Start,
            "c_call" | "c_return" => Delivered::NativeCall,
            _ => Delivered::Other,
        };
        let outer = self
            .tracing
            .delivering
            .replace((delivered, self.frames.len() - 1));
        let result = self.call(&callback, &[frame, name, arg]);
        self.tracing.delivering = outer;
        self.tracing.in_hook = false;
        match result {
            Ok(_) => Ok(()),
            Err(e) => {
                self.set_profile(Value::NONE);
                Err(e)
            }
        }
    }

    /// The opcode unit the top frame is executing.
    fn top_frame_unit(&self) -> Option<u16> {
        let f = self.frames.last()?;
        f.code
            .as_code()?
            .units
            .get(f.lasti)
            .map(std::cell::Cell::get)
    }

    /// Whether the top frame is at a `RESUME` after a `yield` or `await` (not its start).
    fn top_frame_is_resuming(&self) -> bool {
        self.top_frame_unit()
            .is_some_and(|u| (u & 0xFF) as u8 == Opcode::RESUME as u8 && (u >> 8) != 0)
    }

    /// Whether the top frame is executing `op`.
    fn top_frame_at(&self, op: Opcode) -> bool {
        self.top_frame_unit()
            .is_some_and(|u| (u & 0xFF) as u8 == op as u8)
    }

    /// Whether the event being delivered is a `yield`'s (whose value is already popped).
    pub(crate) fn delivering_yield(&self) -> bool {
        matches!(self.tracing.delivering, Some((Delivered::Yield, _)))
    }

    /// The checks `f_lineno = n` makes before looking at `n`: a trace function must be
    /// handling a `line` event of that very frame (or, as CPython allows, the `call` of a
    /// resuming generator or the `return` of a `yield`). `frame_index` is the frame's place
    /// on the stack.
    pub(crate) fn check_jump_event(&self, frame_index: Option<usize>) -> PyResult<()> {
        let error = |msg: &str| Err(PyErr::new(ExcKind::ValueError, msg.to_string()));
        let Some((event, index)) = self.tracing.delivering else {
            return error("f_lineno can only be set in a trace function");
        };
        match event {
            Delivered::Line | Delivered::Resume | Delivered::Yield
                if frame_index == Some(index) =>
            {
                Ok(())
            }
            Delivered::Line | Delivered::Resume | Delivered::Yield => {
                error("f_lineno can only be set in a trace function")
            }
            Delivered::Start => error("can't jump from the 'call' trace event of a new frame"),
            Delivered::NativeCall => error("can't jump during a call"),
            Delivered::Other => error("can only jump from a 'line' trace event"),
        }
    }

    /// Before each instruction while tracing: `call` at `RESUME`, `line` at a line start
    /// (or after a backward jump within one line), `opcode` if requested. True when the
    /// trace function jumped (`f_lineno = n`): the frame's `ip`/`sp` changed and the
    /// instruction at the target runs next, without a `line` event. `start` is the
    /// instruction's first code unit (its `EXTENDED_ARG`s included), `lasti` its opcode's
    /// unit, `prev` the opcode unit of the instruction executed before it in this frame
    /// (equal to `lasti` on entry to a fresh frame).
    #[cold]
    #[inline(never)]
    pub(crate) fn trace_before_instruction(
        &mut self,
        code_value: &Value,
        start: usize,
        lasti: usize,
        prev: usize,
        op: Opcode,
    ) -> PyResult<bool> {
        if self.tracing.in_hook {
            return Ok(false);
        }
        self.tracing.jumped = false;
        self.deliver_before_instruction(code_value, start, lasti, prev, op)?;
        Ok(std::mem::take(&mut self.tracing.jumped))
    }

    fn deliver_before_instruction(
        &mut self,
        code_value: &Value,
        start: usize,
        lasti: usize,
        prev: usize,
        op: Opcode,
    ) -> PyResult<()> {
        if self.tracing.in_hook {
            return Ok(());
        }
        if op == Opcode::RESUME {
            if !self.tracing.trace_func.is_null() {
                self.deliver_trace(Event::Call, Value::NONE, 0)?;
            }
            if self.tracing.jumped {
                return Ok(());
            }
            return self.deliver_profile("call", Value::NONE);
        }
        if self.tracing.trace_func.is_null() {
            return Ok(());
        }
        let Some(frame) = self.top_frame_object() else {
            return Ok(());
        };
        let Some(data) = frame_data(&frame) else {
            return Ok(());
        };
        if data.trace.borrow().is_null() {
            return Ok(());
        }
        let Some(code) = code_value.as_code() else {
            return Ok(());
        };
        let line = code.line_of(start);
        let prev_line = code.line_of(prev);
        let prev_op = code
            .units
            .get(prev)
            .and_then(|u| Opcode::from_u8((u.get() & 0xFF) as u8))
            .map(Opcode::generic);
        let starts = self.line_starts(code_value);
        let is_start = starts.as_ref().is_some_and(|s| s.get(start) == Some(&true));
        let fire_line = line > 0
            && prev != lasti
            && ((is_start && (line != prev_line || prev_op == Some(Opcode::RESUME)))
                || (prev_op == Some(Opcode::JUMP_BACKWARD) && lasti < prev && line == prev_line));
        if fire_line && data.trace_lines.get() {
            self.deliver_trace(Event::Line, Value::NONE, line)?;
            if self.tracing.jumped {
                return Ok(());
            }
        }
        if data.trace_opcodes.get() && !data.trace.borrow().is_null() {
            self.deliver_trace(Event::Opcode, Value::NONE, 0)?;
        }
        Ok(())
    }

    /// `return` events at `RETURN_*` and `YIELD_VALUE` (the value being handed out).
    #[cold]
    #[inline(never)]
    pub(crate) fn trace_return(&mut self, value: &Value) -> PyResult<()> {
        if self.tracing.in_hook {
            return Ok(());
        }
        if !self.tracing.trace_func.is_null() {
            self.deliver_trace(Event::Return, value.clone(), 0)?;
        }
        self.deliver_profile("return", value.clone())
    }

    /// `exception` in the top frame for an exception raised in it or arriving from a
    /// callee (not for a re-raise).
    #[cold]
    #[inline(never)]
    pub(crate) fn trace_raise(&mut self, exc: &Value) -> PyResult<()> {
        if self.tracing.in_hook || self.tracing.trace_func.is_null() {
            return Ok(());
        }
        let ty = self.type_of(exc);
        let tb = exc
            .as_exception()
            .map(|e| e.traceback.borrow().clone())
            .filter(|t| !t.is_null())
            .unwrap_or(Value::NONE);
        let arg = self.new_tuple(vec![ty, exc.clone(), tb]);
        self.deliver_trace(Event::Exception, arg, 0)
    }

    /// `return None` when an exception leaves the top frame.
    #[cold]
    #[inline(never)]
    pub(crate) fn trace_unwind(&mut self) -> PyResult<()> {
        if self.tracing.in_hook {
            return Ok(());
        }
        if !self.tracing.trace_func.is_null() {
            self.deliver_trace(Event::Return, Value::NONE, 0)?;
        }
        self.deliver_profile("return", Value::NONE)
    }

    /// Whether a call of `callable` produces `c_call` events: builtin functions and
    /// methods (method descriptors are reported bound to their receiver), not classes.
    pub(crate) fn profiles_native_call(&self, callable: &Value) -> bool {
        !self.tracing.profile_func.is_null()
            && !self.tracing.in_hook
            && matches!(callable.payload(), Some(Payload::BuiltinFunction(_)))
    }

    /// `c_call` before a builtin runs; `c_return` or `c_exception` after, with the callable
    /// (a method descriptor bound to its receiver, as CPython reports it).
    #[cold]
    #[inline(never)]
    pub(crate) fn profile_native_call(
        &mut self,
        callable: &Value,
        receiver: Option<&Value>,
        call: impl FnOnce(&mut Vm) -> PyResult<Value>,
    ) -> PyResult<Value> {
        let shown = match (callable.payload(), receiver) {
            (Some(Payload::BuiltinFunction(b)), Some(r)) if b.is_method_descriptor() => {
                self.bind_builtin(callable, r.clone())
            }
            _ => callable.clone(),
        };
        self.deliver_profile("c_call", shown.clone())?;
        match call(self) {
            Ok(v) => {
                self.deliver_profile("c_return", shown)?;
                Ok(v)
            }
            Err(e) => {
                self.deliver_profile("c_exception", shown)?;
                Err(e)
            }
        }
    }
}
