//! Frame objects on demand (DESIGN §4). `frame_object_at` makes the object of a frame on the
//! frame stack the first time anything asks; while the frame runs, the object reads the
//! live `Frame` (found by identity from the top of the stack, so frames may move, as
//! generator frames do); `detach_frame_object` snapshots the last values when the frame
//! leaves the stack. Attribute access (`f_locals`, `f_lineno`, `f_back`...) lives here too.

use std::cell::{Cell, RefCell};

use crate::bytecode::code::local_kind;
use crate::interp::frame::Frame;
use crate::object::{Payload, Value};
use crate::runtime::errors::{PyErr, PyResult};
use crate::types::frame::{FrameObjectData, FrameSnapshot};
use crate::vm::Vm;

/// The attributes `frame_attribute` answers (for `dir()` and "Did you mean" hints).
pub const ATTRIBUTE_NAMES: &[&str] = &[
    "f_back",
    "f_builtins",
    "f_code",
    "f_globals",
    "f_lasti",
    "f_lineno",
    "f_locals",
    "f_trace",
    "f_trace_lines",
    "f_trace_opcodes",
];

/// Registers the frame type's methods.
pub fn install(vm: &mut Vm) {
    let ty = vm.types.frame.clone();
    vm.add_method(&ty, "clear", frame_clear);
}

/// `frame.clear()`: drops a finished frame's locals; running and suspended frames refuse.
fn frame_clear(vm: &mut Vm, args: crate::interp::args::Args<'_>) -> PyResult<Value> {
    let Some(obj) = args.values.first() else {
        return Err(PyErr::type_error(
            "unbound method frame.clear() needs an argument",
        ));
    };
    let Some(data) = frame_data(obj) else {
        return Err(crate::builtins::native_util::descriptor_error(
            vm, "clear", "frame", obj,
        ));
    };
    crate::builtins::native_util::rest(&args).exact("frame.clear", 0)?;
    if vm.live_frame_index(obj).is_some() {
        return Err(PyErr::runtime_error("cannot clear an executing frame"));
    }
    let old = {
        let mut snapshot = data.snapshot.borrow_mut();
        if !snapshot.finished {
            return Err(PyErr::runtime_error("cannot clear a suspended frame"));
        }
        let n = snapshot.fast.len();
        std::mem::replace(&mut snapshot.fast, vec![Value::NULL; n])
    };
    drop(old);
    let extra = data.extra_locals.replace(Value::NULL);
    drop(extra);
    Ok(Value::NONE)
}

/// The frame-object payload of `v`.
pub fn frame_data(v: &Value) -> Option<&FrameObjectData> {
    match v.payload() {
        Some(Payload::Frame(f)) => Some(f),
        _ => None,
    }
}

impl Vm {
    /// The frame object of `self.frames[index]`, created on first request.
    pub fn frame_object_at(&mut self, index: usize) -> Value {
        let Some(frame) = self.frames.get(index) else {
            return Value::NONE;
        };
        if !frame.object.is_null() {
            return frame.object.clone();
        }
        let obj = Value::alloc(
            &self.types.frame,
            Payload::Frame(Box::new(FrameObjectData {
                code: frame.code.clone(),
                globals: frame.globals.clone(),
                builtins: frame.builtins.clone(),
                locals: frame.locals.clone(),
                snapshot: RefCell::new(FrameSnapshot::default()),
                extra_locals: RefCell::new(Value::NULL),
                trace: RefCell::new(Value::NULL),
                trace_lines: Cell::new(true),
                trace_opcodes: Cell::new(false),
                traced_line: Cell::new(0),
            })),
        );
        if let Some(frame) = self.frames.get_mut(index) {
            frame.object = obj.clone();
        }
        obj
    }

    /// `gi_frame` / `cr_frame` / `ag_frame`: the generator's frame object while it is
    /// running or suspended (made on first request, like any frame object), `None` once it
    /// finished.
    pub fn generator_frame_object(&mut self, generator: &Value) -> Value {
        use crate::types::generator::GenState;
        let Some(Payload::Generator(data)) = generator.payload() else {
            return Value::NONE;
        };
        if matches!(&*data.state.borrow(), GenState::Running) {
            return match self.frames.iter().rposition(|f| f.generator.is(generator)) {
                Some(index) => self.frame_object_at(index),
                None => Value::NONE,
            };
        }
        let mut state = data.state.borrow_mut();
        let GenState::Suspended(saved) = &mut *state else {
            return Value::NONE;
        };
        if !saved.frame.object.is_null() {
            return saved.frame.object.clone();
        }
        let frame = &saved.frame;
        let fast = saved.slots[..frame.nlocalsplus.min(saved.slots.len())].to_vec();
        let obj = Value::alloc(
            &self.types.frame,
            Payload::Frame(Box::new(FrameObjectData {
                code: frame.code.clone(),
                globals: frame.globals.clone(),
                builtins: frame.builtins.clone(),
                locals: frame.locals.clone(),
                snapshot: RefCell::new(FrameSnapshot {
                    lasti: frame.lasti,
                    fast,
                    back: Value::NULL,
                    finished: false,
                }),
                extra_locals: RefCell::new(Value::NULL),
                trace: RefCell::new(Value::NULL),
                trace_lines: Cell::new(true),
                trace_opcodes: Cell::new(false),
                traced_line: Cell::new(0),
            })),
        );
        saved.frame.object = obj.clone();
        obj
    }

    /// The frame object of the running (top) frame, if any frame runs.
    pub fn top_frame_object(&mut self) -> Option<Value> {
        let top = self.frames.len().checked_sub(1)?;
        Some(self.frame_object_at(top))
    }

    /// Where the frame of `obj` is on the frame stack, if it is running or waiting for a
    /// callee. Searched from the top: the frames asked about are nearly always recent.
    pub fn live_frame_index(&self, obj: &Value) -> Option<usize> {
        self.frames.iter().rposition(|f| f.object.is(obj))
    }

    /// Called when `frame` leaves the stack with its `localsplus` slots `fast` still
    /// intact: the frame object (if one was made) keeps the last state. `finished` is false
    /// for a generator frame that yielded (it will come back).
    pub(crate) fn detach_frame_object(&mut self, frame: &Frame, fast: &[Value], finished: bool) {
        let Some(data) = frame_data(&frame.object) else {
            return;
        };
        // A finished frame keeps its caller as `f_back` (the caller is on top now).
        let back = if finished {
            match self.frames.len().checked_sub(1) {
                Some(caller) => self.frame_object_at(caller),
                None => Value::NULL,
            }
        } else {
            Value::NULL
        };
        *data.snapshot.borrow_mut() = FrameSnapshot {
            lasti: frame.lasti,
            fast: fast.to_vec(),
            back,
            finished,
        };
    }

    /// Code-unit index of the instruction the frame of `obj` is executing (or last ran).
    fn frame_lasti(&self, obj: &Value, data: &FrameObjectData) -> usize {
        match self.live_frame_index(obj) {
            Some(i) => self.frames[i].lasti,
            None => data.snapshot.borrow().lasti,
        }
    }

    /// `frame.f_lineno`: the line being traced, else the line of the current instruction.
    pub fn frame_lineno(&self, obj: &Value) -> Option<u32> {
        let data = frame_data(obj)?;
        let traced = data.traced_line.get();
        if traced != 0 {
            return Some(traced);
        }
        let lasti = self.frame_lasti(obj, data);
        data.code.as_code().map(|c| c.line_of(lasti))
    }

    /// The current value of fast slot `i` of the frame of `obj` (cells read through).
    fn frame_fast_value(&self, obj: &Value, data: &FrameObjectData, i: usize) -> Value {
        let raw = match self.live_frame_index(obj) {
            Some(f) => {
                let base = self.frames[f].base;
                self.stack.get(base + i).cloned().unwrap_or(Value::NULL)
            }
            None => data
                .snapshot
                .borrow()
                .fast
                .get(i)
                .cloned()
                .unwrap_or(Value::NULL),
        };
        let is_cell = data
            .code
            .as_code()
            .and_then(|c| c.data.localsplus_kinds.get(i).copied())
            .is_some_and(|k| k & (local_kind::CELL | local_kind::FREE) != 0);
        match raw.payload() {
            Some(Payload::Cell(c)) if is_cell => c.borrow().clone(),
            _ => raw,
        }
    }

    /// The `(name, value)` pairs a function frame's `f_locals` shows: bound fast locals in
    /// slot order, then the extra names written through the proxy.
    pub fn frame_locals_items(&mut self, obj: &Value) -> PyResult<Vec<(Value, Value)>> {
        let Some(data) = frame_data(obj) else {
            return Ok(Vec::new());
        };
        let mut items = Vec::new();
        if let Some(code) = data.code.as_code() {
            for (i, name) in code.localsplus_names.iter().enumerate() {
                let v = self.frame_fast_value(obj, data, i);
                if !v.is_null() {
                    items.push((name.clone(), v));
                }
            }
        }
        let extra = data.extra_locals.borrow().clone();
        if let Some(t) = extra.as_dict() {
            let pairs: Vec<(Value, Value)> = t.borrow().items();
            items.extend(pairs);
        }
        Ok(items)
    }

    /// Slot index of the fast local `name` in the code of a frame object.
    fn frame_slot_of(data: &FrameObjectData, name: &str) -> Option<usize> {
        let code = data.code.as_code()?;
        code.localsplus_names
            .iter()
            .position(|n| n.as_str() == Some(name))
    }

    /// Looks a name up in a function frame's locals (`f_locals[name]`).
    pub fn frame_local_get(&mut self, obj: &Value, name: &Value) -> PyResult<Option<Value>> {
        let Some(data) = frame_data(obj) else {
            return Ok(None);
        };
        if let Some(i) = name.as_str().and_then(|n| Self::frame_slot_of(data, n)) {
            let v = self.frame_fast_value(obj, data, i);
            return Ok(if v.is_null() { None } else { Some(v) });
        }
        let extra = data.extra_locals.borrow().clone();
        if extra.is_null() {
            return Ok(None);
        }
        self.dict_get(&extra, name)
    }

    /// Writes through `f_locals[name] = value`: into the fast slot (or its cell) while the
    /// frame runs or into its snapshot after; unknown names go to the extra locals.
    pub fn frame_local_set(&mut self, obj: &Value, name: &Value, value: Value) -> PyResult<()> {
        let Some(data) = frame_data(obj) else {
            return Ok(());
        };
        let Some(i) = name.as_str().and_then(|n| Self::frame_slot_of(data, n)) else {
            let mut extra = data.extra_locals.borrow().clone();
            if extra.is_null() {
                extra = self.new_dict();
                *data.extra_locals.borrow_mut() = extra.clone();
            }
            return self.dict_set(&extra, name.clone(), value);
        };
        let is_cell = data
            .code
            .as_code()
            .and_then(|c| c.data.localsplus_kinds.get(i).copied())
            .is_some_and(|k| k & (local_kind::CELL | local_kind::FREE) != 0);
        let live = self.live_frame_index(obj);
        let current = match live {
            Some(f) => self
                .stack
                .get(self.frames[f].base + i)
                .cloned()
                .unwrap_or(Value::NULL),
            None => data
                .snapshot
                .borrow()
                .fast
                .get(i)
                .cloned()
                .unwrap_or(Value::NULL),
        };
        if is_cell && let Some(Payload::Cell(c)) = current.payload() {
            let old = c.replace(value);
            drop(old);
            return Ok(());
        }
        match live {
            Some(f) => {
                let at = self.frames[f].base + i;
                if let Some(slot) = self.stack.get_mut(at) {
                    let old = std::mem::replace(slot, value);
                    drop(old);
                }
            }
            None => {
                let mut snap = data.snapshot.borrow_mut();
                if let Some(slot) = snap.fast.get_mut(i) {
                    let old = std::mem::replace(slot, value);
                    drop(old);
                }
            }
        }
        Ok(())
    }

    /// `f_back`: the caller's frame object (made on demand), `None` at the bottom.
    fn frame_back(&mut self, obj: &Value, data: &FrameObjectData) -> Value {
        match self.live_frame_index(obj) {
            Some(0) => Value::NONE,
            Some(i) => self.frame_object_at(i - 1),
            None => {
                let back = data.snapshot.borrow().back.clone();
                if back.is_null() { Value::NONE } else { back }
            }
        }
    }
}

/// Read-only and writable attributes of frame objects.
pub fn frame_attribute(vm: &mut Vm, obj: &Value, name: &str) -> PyResult<Option<Value>> {
    let Some(data) = frame_data(obj) else {
        return Ok(None);
    };
    let v = match name {
        "f_code" => data.code.clone(),
        "f_globals" => data.globals.clone(),
        "f_builtins" => data.builtins.clone(),
        "f_back" => vm.frame_back(obj, data),
        "f_lineno" => match vm.frame_lineno(obj) {
            Some(l) if l > 0 => vm.new_int(i64::from(l)),
            _ => Value::NONE,
        },
        "f_lasti" => {
            let lasti = vm.frame_lasti(obj, data);
            vm.new_int(lasti as i64 * 2)
        }
        "f_locals" => {
            if data.locals.is_null() {
                Value::alloc(
                    &vm.types.frame_locals_proxy,
                    Payload::FrameLocalsProxy(obj.clone()),
                )
            } else {
                data.locals.clone()
            }
        }
        "f_trace" => {
            let t = data.trace.borrow().clone();
            if t.is_null() { Value::NONE } else { t }
        }
        "f_trace_lines" => Value::from_bool(data.trace_lines.get()),
        "f_trace_opcodes" => Value::from_bool(data.trace_opcodes.get()),
        _ => return Ok(None),
    };
    Ok(Some(v))
}

/// `frame.f_trace = ...` and friends; other frame attributes are read-only.
pub fn set_frame_attribute(vm: &mut Vm, obj: &Value, name: &str, value: &Value) -> PyResult<bool> {
    let Some(data) = frame_data(obj) else {
        return Ok(false);
    };
    match name {
        "f_trace" => {
            let stored = if value.is_none() {
                Value::NULL
            } else {
                value.clone()
            };
            let old = data.trace.replace(stored);
            drop(old);
            vm.instrumentation_changed();
            Ok(true)
        }
        "f_trace_lines" | "f_trace_opcodes" => {
            let Some(b) = value.as_bool() else {
                return Err(PyErr::type_error("attribute value type must be bool"));
            };
            if name == "f_trace_lines" {
                data.trace_lines.set(b);
            } else {
                data.trace_opcodes.set(b);
                vm.instrumentation_changed();
            }
            Ok(true)
        }
        "f_lineno" => crate::interp::line_jump::set_lineno(vm, obj, value).map(|()| true),
        "f_code" | "f_globals" | "f_builtins" | "f_back" | "f_lasti" | "f_locals" => {
            Err(PyErr::attribute_error(format!(
                "attribute '{name}' of 'frame' objects is not writable"
            )))
        }
        _ => Ok(false),
    }
}
