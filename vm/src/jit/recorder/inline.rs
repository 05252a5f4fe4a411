//! Calls to Python functions recorded *inline*, as virtual frames (DESIGN §6, JIT notes §4).
//!
//! At a `CALL` of a plain Python function the recorder guards the callee's identity, binds
//! the positional arguments (and defaults) to the callee's locals, and keeps recording in
//! the callee's code; `RETURN_VALUE` pops the virtual frame and pushes the result on the
//! caller's stack. The callee's locals and stack are only IR values: no interpreter frame
//! exists while the trace runs. Every snapshot taken inside the call lists the whole chain
//! (the root frame suspended at its `CALL`, then each inlined frame with its function and
//! all live slots), so an exit rebuilds every interpreter frame (`jit::frames`) and the
//! interpreter continues exactly where the call was, tracebacks and `f_back` included.
//!
//! Anything that could look at frames (`sys._getframe`, `locals()`, tracebacks) is a call
//! the recorder does not model, so the recording aborts: a trace never runs code that could
//! see a missing frame. Calls the recorder cannot bind (keywords, `*args`, `**kwargs`,
//! closures, generators, a wrong argument count) and nesting beyond the `inline-depth`
//! tunable (recursion included) abort with a named reason.

use std::collections::HashMap;

use pyrite_ir::{Effect, Op, SnapFrame, SnapValue, Type};
use pyrite_profiler::AbortReason;

use super::{Dep, Entry, Home, Recorder, Step, dict_find, dict_version};
use crate::bytecode::Opcode;
use crate::bytecode::code::{code_flags, local_kind};
use crate::jit::glue::names;
use crate::object::{Payload, Value};

/// The inlined calls in progress.
#[derive(Default)]
pub(super) struct Calls {
    /// The suspended frames, root first; the recorder's own fields hold the innermost.
    callers: Vec<Caller>,
    /// The innermost inlined frame's locals (NULL entries are unbound).
    locals: Vec<Entry>,
    /// The innermost inlined frame's function.
    function: Value,
    /// The innermost inlined frame's globals or builtins are not the root frame's.
    foreign: bool,
    /// Home numbers of virtual frame slots, by (call depth, slot).
    homes: HashMap<(usize, usize), u32>,
}

/// A frame suspended in a `CALL` that is being inlined.
struct Caller {
    code: Value,
    /// NULL for the root frame.
    function: Value,
    /// The `CALL` instruction (for the traceback line) and the instruction after it.
    call_pc: usize,
    return_pc: usize,
    stack: Vec<Entry>,
    entry_stack: Vec<Option<pyrite_ir::Ref>>,
    locals: Vec<Entry>,
    globals: Value,
    builtins: Value,
    foreign: bool,
}

impl Calls {
    /// Replaces `from` by `to` in every inlined frame's locals and stack (a virtual
    /// object that was just allocated, `recorder::alloc`).
    pub(super) fn replace_held(&mut self, from: pyrite_ir::Ref, to: pyrite_ir::Ref) {
        let frames = self
            .callers
            .iter_mut()
            .flat_map(|c| c.stack.iter_mut().chain(c.locals.iter_mut()));
        for e in frames.chain(self.locals.iter_mut()) {
            if e.r == from {
                e.r = to;
            }
        }
    }

    /// How many inlined calls are in progress.
    pub(super) fn depth(&self) -> usize {
        self.callers.len()
    }

    /// Whether the recorder is inside an inlined call.
    pub(super) fn inlined(&self) -> bool {
        !self.callers.is_empty()
    }

    /// The root frame's `CALL` instruction while inside an inlined call.
    pub(super) fn root_call_pc(&self) -> Option<usize> {
        self.callers.first().map(|c| c.call_pc)
    }

    /// The function the root frame's inlined `CALL` called (call depth 1).
    pub(super) fn root_callee(&self) -> Option<Value> {
        match self.callers.len() {
            0 => None,
            1 => Some(self.function.clone()),
            _ => Some(self.callers[1].function.clone()),
        }
    }

    /// The entries the suspended and innermost inlined frames hold (stacks and locals;
    /// the root frame's locals are homes, not here).
    pub(super) fn held_entries(&self) -> impl Iterator<Item = &Entry> {
        let inlined_locals = if self.inlined() {
            &self.locals[..]
        } else {
            &[]
        };
        self.callers
            .iter()
            .enumerate()
            .flat_map(|(i, c)| {
                c.stack
                    .iter()
                    .chain(if i == 0 { &[] } else { &c.locals[..] })
            })
            .chain(inlined_locals)
    }

    /// Whether global names must be folded through the callee's own dicts.
    pub(super) fn foreign_globals(&self) -> bool {
        self.inlined() && self.foreign
    }
}

impl Recorder<'_> {
    pub(super) fn null_entry(&mut self) -> Entry {
        Entry {
            r: self.b.const_value(0),
            v: Value::NULL,
        }
    }

    /// `CALL argc` of a Python function: starts recording its body as a virtual frame and
    /// returns the callee's first pc; `None` when the callee is not a Python function (the
    /// caller records the call some other way).
    ///
    /// With `keywords` (`CALL_KW`) the top of the stack is the tuple of keyword names for
    /// the last arguments.
    pub(super) fn inline_call(
        &mut self,
        argc: usize,
        call_pc: usize,
        return_pc: usize,
        keywords: bool,
    ) -> Step<Option<usize>> {
        let len = self.stack.len();
        let kw_names: Vec<Value> = if keywords {
            let names = self.stack.last().ok_or(AbortReason::FrameShape)?;
            if self.b.trace().const_value(names.r).is_none() {
                return Err(AbortReason::CallShape);
            }
            names.v.as_tuple().ok_or(AbortReason::CallShape)?.to_vec()
        } else {
            Vec::new()
        };
        let Some(callee_at) = len.checked_sub(argc + 2 + usize::from(keywords)) else {
            return Ok(None);
        };
        let callee = self.stack[callee_at].clone();
        let Some(f) = callee.v.as_function() else {
            return Ok(None);
        };
        let has_self = !self.stack[callee_at + 1].v.is_null();
        let code_value = f.code.borrow().clone();
        let code = code_value.as_code().ok_or(AbortReason::CallShape)?;
        let data = &code.data;
        let unsupported_flags = code_flags::VARARGS | code_flags::VARKEYWORDS;
        if code.is_generator_like()
            || data.flags & unsupported_flags != 0
            || data.kwonly_arg_count != 0
            || data
                .localsplus_kinds
                .iter()
                .any(|k| k & local_kind::CELL != 0)
        {
            return Err(AbortReason::CallShape);
        }
        let defaults = f.defaults.borrow().clone();
        let default_items: Vec<Value> = defaults
            .as_tuple()
            .map(<[Value]>::to_vec)
            .unwrap_or_default();
        let closure = f.closure.borrow().clone();
        let cells: Vec<Value> = closure
            .as_tuple()
            .map(<[Value]>::to_vec)
            .unwrap_or_default();
        if cells.len() != code.free_count {
            return Err(AbortReason::CallShape);
        }
        let npos = argc
            .checked_sub(kw_names.len())
            .ok_or(AbortReason::CallShape)?
            + usize::from(has_self);
        let arg_count = data.arg_count as usize;
        if npos > arg_count || argc + usize::from(has_self) + default_items.len() < arg_count {
            // The interpreter raises TypeError.
            return Err(AbortReason::CallShape);
        }
        let depth = self.calls.callers.len() + 1;
        if depth > self.vm.jit.params.inline_depth as usize {
            return Err(AbortReason::InlineTooDeep);
        }
        if self.vm.frames.len() + depth >= self.vm.recursion_limit {
            return Err(AbortReason::InlineTooDeep);
        }
        // The callee is this very function object: guard its identity (its code and
        // defaults are checked at entry: no Python code runs inside a trace to change them).
        let function_const = self.b.const_value(callee.v.bits());
        if callee.r != function_const {
            self.b.emit(Op::GuardEq, &[callee.r, function_const]);
        }
        let known = self.deps.iter().any(|d| {
            matches!(d, Dep::Function { func, code, defaults: d }
                if func.is(&callee.v) && code.is(&code_value) && d.is(&defaults))
        });
        if !known {
            self.deps.push(Dep::Function {
                func: callee.v.clone(),
                code: code_value.clone(),
                defaults: defaults.clone(),
            });
        }
        let room = self
            .deps
            .iter()
            .find_map(|d| match d {
                Dep::FrameRoom(n) => Some(*n),
                _ => None,
            })
            .unwrap_or(0);
        if depth > room {
            self.deps.retain(|d| !matches!(d, Dep::FrameRoom(_)));
            self.deps.push(Dep::FrameRoom(depth));
        }
        // Bind: the receiver (method calls), the positional arguments, the keyword
        // arguments by name, then the missing defaults; free variables get the closure's
        // cells (as the interpreter's frame push does).
        if keywords {
            self.pop()?;
        }
        let mut args = self.stack.split_off(callee_at + 2);
        let kw_values = args.split_off(args.len() - kw_names.len());
        let receiver = self.pop()?;
        self.pop()?;
        let mut bound: Vec<Option<Entry>> = vec![None; arg_count];
        let positional = has_self.then_some(receiver).into_iter().chain(args);
        for (slot, e) in positional.enumerate() {
            *bound.get_mut(slot).ok_or(AbortReason::CallShape)? = Some(e);
        }
        let posonly = data.posonly_arg_count as usize;
        for (name, e) in kw_names.iter().zip(kw_values) {
            let slot = (posonly..arg_count)
                .find(|&i| code.localsplus_names.get(i).and_then(Value::as_str) == name.as_str())
                .ok_or(AbortReason::CallShape)?;
            if bound[slot].is_some() {
                return Err(AbortReason::CallShape);
            }
            bound[slot] = Some(e);
        }
        let first_default = arg_count - default_items.len();
        let mut locals: Vec<Entry> = Vec::with_capacity(code.localsplus_len());
        for (slot, e) in bound.into_iter().enumerate() {
            let e = match e {
                Some(e) => e,
                None => {
                    let v = slot
                        .checked_sub(first_default)
                        .and_then(|i| default_items.get(i))
                        .ok_or(AbortReason::CallShape)?;
                    self.constant(v)
                }
            };
            locals.push(e);
        }
        let free_start = code.localsplus_len() - cells.len();
        while locals.len() < free_start {
            let e = self.null_entry();
            locals.push(e);
        }
        if !cells.is_empty() {
            self.deps.push(Dep::Alive(closure.clone()));
        }
        for cell in &cells {
            let e = self.constant(cell);
            locals.push(e);
        }
        let root_globals = self
            .calls
            .callers
            .first()
            .map_or(&self.globals, |c| &c.globals)
            .clone();
        let root_builtins = self
            .calls
            .callers
            .first()
            .map_or(&self.builtins, |c| &c.builtins)
            .clone();
        let foreign = !(f.globals.is(&root_globals) && f.builtins.is(&root_builtins));
        let caller = Caller {
            code: std::mem::replace(&mut self.code, code_value.clone()),
            function: std::mem::replace(&mut self.calls.function, callee.v.clone()),
            call_pc,
            return_pc,
            stack: std::mem::take(&mut self.stack),
            entry_stack: std::mem::take(&mut self.entry_stack),
            locals: std::mem::replace(&mut self.calls.locals, locals),
            globals: std::mem::replace(&mut self.globals, f.globals.clone()),
            builtins: std::mem::replace(&mut self.builtins, f.builtins.clone()),
            foreign: std::mem::replace(&mut self.calls.foreign, foreign),
        };
        self.calls.callers.push(caller);
        Ok(Some(0))
    }

    /// `RETURN_VALUE` / `RETURN_CONST` of an inlined frame: pops it and pushes the result
    /// on the caller's stack; returns where the caller continues.
    pub(super) fn inline_return(&mut self, op: Opcode, arg: u32) -> Step<usize> {
        if !self.calls.inlined() {
            return Err(AbortReason::LeftLoop);
        }
        let value = if op == Opcode::RETURN_VALUE {
            self.pop()?
        } else {
            let code_value = self.code.clone();
            let v = code_value
                .as_code()
                .and_then(|c| c.consts.get(arg as usize))
                .ok_or(AbortReason::FrameShape)?;
            self.constant(v)
        };
        let caller = self.calls.callers.pop().ok_or(AbortReason::FrameShape)?;
        self.code = caller.code;
        self.calls.function = caller.function;
        self.stack = caller.stack;
        self.entry_stack = caller.entry_stack;
        self.calls.locals = caller.locals;
        self.globals = caller.globals;
        self.builtins = caller.builtins;
        self.calls.foreign = caller.foreign;
        self.push(value);
        Ok(caller.return_pc)
    }

    /// `LOAD_FAST` in an inlined frame.
    pub(super) fn virtual_local(&mut self, slot: usize) -> Step<Entry> {
        let e = self
            .calls
            .locals
            .get(slot)
            .cloned()
            .ok_or(AbortReason::FrameShape)?;
        if e.v.is_null() {
            return Err(AbortReason::UnboundLocal);
        }
        Ok(e)
    }

    /// `LOAD_DEREF` of a free variable in an inlined frame: the cell is a constant (the
    /// closure of the guarded function); its contents are read by a pure helper (nothing
    /// in a trace stores into a cell, so the read is loop-invariant).
    pub(super) fn load_deref(&mut self, slot: usize) -> Step<Entry> {
        let cell = self.virtual_local(slot)?;
        let Some(Payload::Cell(c)) = cell.v.payload() else {
            return Err(AbortReason::UnsupportedTypes("LOAD_DEREF"));
        };
        let contents = c.try_borrow().map_err(|_| AbortReason::FrameShape)?.clone();
        if contents.is_null() {
            return Err(AbortReason::UnboundLocal);
        }
        let tag = super::tag_of(&contents).ok_or(AbortReason::UnboundLocal)?;
        let helper = self
            .b
            .helper(names::CELL_GET, &[Type::Value], Type::Value, Effect::Pure);
        let word = self.b.call(helper, &[cell.r]);
        let null = self.b.const_value(0);
        self.b.emit(Op::GuardNe, &[word, null]);
        self.b.guard_type(word, tag);
        Ok(Entry {
            r: word,
            v: contents,
        })
    }

    /// `STORE_FAST` in an inlined frame (any value: the slot exists only in snapshots).
    pub(super) fn set_virtual_local(&mut self, slot: usize, e: Entry) -> Step<()> {
        let local = self
            .calls
            .locals
            .get_mut(slot)
            .ok_or(AbortReason::FrameShape)?;
        *local = e;
        Ok(())
    }

    fn virtual_home(&mut self, depth: usize, slot: usize) -> u32 {
        if let Some(&k) = self.calls.homes.get(&(depth, slot)) {
            return k;
        }
        let k = self.homes.len() as u32;
        self.homes.push(Home::Virtual { depth, slot });
        self.calls.homes.insert((depth, slot), k);
        k
    }

    /// The slots of a virtual frame: its bound locals, then its stack.
    fn virtual_slots(
        &mut self,
        depth: usize,
        locals: &[Entry],
        stack: &[Entry],
    ) -> Vec<(u32, SnapValue)> {
        let mut slots = Vec::new();
        for (slot, e) in locals.iter().enumerate() {
            if !e.v.is_null() {
                slots.push((self.virtual_home(depth, slot), SnapValue::Ref(e.r)));
            }
        }
        for (d, e) in stack.iter().enumerate() {
            let k = self.virtual_home(depth, locals.len() + d);
            slots.push((k, SnapValue::Ref(e.r)));
        }
        slots
    }

    /// The snapshot before the instruction at `pc` of the innermost inlined frame.
    pub(super) fn inline_snapshot(&mut self, pc: usize) {
        let Some(root) = self.calls.callers.first() else {
            return;
        };
        let root_stack: Vec<_> = root.stack.iter().map(|e| e.r).collect();
        let root_entry = root.entry_stack.clone();
        let root_pc = root.call_pc;
        let mut root_slots: Vec<(u32, SnapValue)> = self
            .modified
            .iter()
            .map(|(&k, &r)| (k, SnapValue::Ref(r)))
            .collect();
        for (d, &r) in root_stack.iter().enumerate() {
            if root_entry.get(d) == Some(&Some(r)) {
                continue;
            }
            let k = self.frame_home(self.nlocals + d);
            root_slots.push((k, SnapValue::Ref(r)));
        }
        let mut frames = vec![SnapFrame {
            function: None,
            pc: root_pc as u32,
            stack_depth: root_stack.len() as u32,
            slots: root_slots,
        }];
        let inner: Vec<(Value, usize, Vec<Entry>, Vec<Entry>)> = self.calls.callers[1..]
            .iter()
            .map(|c| {
                (
                    c.function.clone(),
                    c.call_pc,
                    c.locals.clone(),
                    c.stack.clone(),
                )
            })
            .collect();
        let mut outer_functions = inner.into_iter();
        // Frame `depth` (1 ≤ depth < callers) was saved in `callers[depth]` when it made
        // its own call; the innermost frame is the recorder's current state.
        for depth in 1..=self.calls.callers.len() {
            let (function, frame_pc, locals, stack) = if depth < self.calls.callers.len() {
                match outer_functions.next() {
                    Some(t) => t,
                    None => return,
                }
            } else {
                (
                    self.calls.function.clone(),
                    pc,
                    self.calls.locals.clone(),
                    self.stack.clone(),
                )
            };
            let slots = self.virtual_slots(depth, &locals, &stack);
            let function = self.b.const_value(function.bits());
            frames.push(SnapFrame {
                function: Some(function),
                pc: frame_pc as u32,
                stack_depth: stack.len() as u32,
                slots,
            });
        }
        self.b.snapshot_frames(frames);
    }

    /// A global of an inlined function from another module: folded to a constant that the
    /// trace's dependencies pin (checked at every entry; nothing in a trace rebinds it).
    pub(super) fn foreign_global(&mut self, name: &Value) -> Step<Entry> {
        for dict in [self.globals.clone(), self.builtins.clone()] {
            let version = dict_version(&dict).ok_or(AbortReason::GlobalsChanged)?;
            let pinned = self
                .deps
                .iter()
                .any(|d| matches!(d, Dep::DictVersion { dict: x, .. } if x.is(&dict)));
            if !pinned {
                self.deps.push(Dep::DictVersion {
                    dict: dict.clone(),
                    version,
                });
            }
            if let Some((index, value)) = dict_find(&dict, name) {
                self.deps.push(Dep::DictValue {
                    dict,
                    index,
                    value: value.clone(),
                });
                return Ok(self.constant(&value));
            }
        }
        Err(AbortReason::GlobalsChanged)
    }
}

impl Calls {
    /// Registers the home number of a virtual frame slot the tree already has.
    pub(super) fn known_home(&mut self, depth: usize, slot: usize, k: u32) -> Option<u32> {
        self.homes.insert((depth, slot), k)
    }
}

/// The instruction after the `CALL` at `pc` in `code`.
fn after_call(code: &Value, pc: usize) -> usize {
    let op = code
        .as_code()
        .and_then(|c| c.units.get(pc))
        .and_then(|u| Opcode::from_u8(crate::bytecode::split_unit(u.get()).0));
    pc + 1 + op.map_or(0, |op| op.caches())
}

impl Recorder<'_> {
    /// Starts a side trace at an exit inside inlined calls: the exit rebuilt their
    /// interpreter frames above the root (`vm.frames[root_index]`), and the slot array holds
    /// the snapshot's values raw. Rebuilds the recorder's chain of virtual frames from them
    /// and returns the innermost frame's pc. The recorder's stack holds the root's.
    pub(super) fn resume_inlined(
        &mut self,
        root_index: usize,
        start: &super::SideStart,
        words: &mut Vec<Entry>,
    ) -> Step<usize> {
        let snapshot = start.snapshot;
        let root_snap = snapshot.frames.first().ok_or(AbortReason::FrameShape)?;
        let root_code = self.code.clone();
        let root_globals = self.globals.clone();
        let root_builtins = self.builtins.clone();
        let mut pc = root_snap.pc as usize;
        let mut pending = Caller {
            code: root_code.clone(),
            function: Value::NULL,
            call_pc: pc,
            return_pc: after_call(&root_code, pc),
            stack: std::mem::take(&mut self.stack),
            entry_stack: std::mem::take(&mut self.entry_stack),
            locals: Vec::new(),
            globals: root_globals.clone(),
            builtins: root_builtins.clone(),
            foreign: false,
        };
        for (depth, snap) in snapshot.frames.iter().enumerate().skip(1) {
            let frame = self
                .vm
                .frames
                .get(root_index + depth)
                .ok_or(AbortReason::FrameShape)?;
            let f = frame.func.as_function().ok_or(AbortReason::FrameShape)?;
            let code = frame.code.as_code().ok_or(AbortReason::FrameShape)?;
            let nlocals = code.localsplus_len();
            let mut locals: Vec<Entry> = Vec::with_capacity(nlocals);
            for _ in 0..nlocals {
                let e = self.null_entry();
                locals.push(e);
            }
            let mut stack: Vec<Option<Entry>> = vec![None; snap.stack_depth as usize];
            for &(k, value) in &snap.slots {
                let SnapValue::Ref(parent_ref) = value else {
                    return Err(AbortReason::FrameShape);
                };
                let Some(&Home::Virtual { depth: d, slot }) = start.homes.get(k as usize) else {
                    return Err(AbortReason::FrameShape);
                };
                if d != depth {
                    return Err(AbortReason::FrameShape);
                }
                let concrete = self
                    .vm
                    .stack
                    .get(frame.base + slot)
                    .cloned()
                    .ok_or(AbortReason::FrameShape)?;
                let e = match start.parent.const_value(parent_ref) {
                    Some(c) => Entry {
                        r: self.b.constant(c),
                        v: concrete,
                    },
                    None => {
                        let ty = start.parent.type_of(parent_ref);
                        let r = self.b.load_slot_typed(k, ty);
                        let e = Entry { r, v: concrete };
                        if ty == Type::Value && !e.v.is_null() {
                            words.push(e.clone());
                        }
                        e
                    }
                };
                if slot < nlocals {
                    locals[slot] = e;
                } else if let Some(s) = stack.get_mut(slot - nlocals) {
                    *s = Some(e);
                }
            }
            let stack: Vec<Entry> = stack
                .into_iter()
                .map(|e| e.ok_or(AbortReason::FrameShape))
                .collect::<Step<_>>()?;
            let foreign = !(f.globals.is(&root_globals) && f.builtins.is(&root_builtins));
            self.calls.callers.push(pending);
            pc = snap.pc as usize;
            pending = Caller {
                code: frame.code.clone(),
                function: frame.func.clone(),
                call_pc: pc,
                return_pc: after_call(&frame.code, pc),
                entry_stack: Vec::new(),
                stack,
                locals,
                globals: f.globals.clone(),
                builtins: f.builtins.clone(),
                foreign,
            };
        }
        // The innermost frame becomes the recorder's current state.
        self.code = pending.code;
        self.calls.function = pending.function;
        self.stack = pending.stack;
        self.entry_stack = pending.entry_stack;
        self.calls.locals = pending.locals;
        self.globals = pending.globals;
        self.builtins = pending.builtins;
        self.calls.foreign = pending.foreign;
        Ok(pc)
    }
}
