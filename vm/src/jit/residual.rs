//! Residual calls: a call a trace does not inline runs in the interpreter, from a helper
//! the trace calls (PyPy's residual call, LuaJIT's stitching).
//!
//! ```text
//! trace: … box + store every dirty home into the slot array ─▶ residual_call_N(pc, f, self, args…)
//!   helper: flush the slot array into the root frame and the globals (the frame is then
//!           exactly what the interpreter would have), set the frame's lasti to the CALL,
//!           run the call in the interpreter (real frames above the root frame), then
//!           reload every home into the slot array (the callee may have changed globals,
//!           or the frame through `f_locals`) and return the result word
//! trace: exit after the CALL with the result on the stack (a side trace continues)
//! ```
//!
//! A call that raised, returned an object (the trace cannot own a reference), or broke a
//! dependency of the running trace (a rebound global, tracing switched on) does not return
//! to the trace: the helper keeps the outcome, flags the context's error word, and the
//! trace leaves through the snapshot *before* the `CALL` — which holds no dirty home, all
//! were flushed — and the VM finishes the `CALL` with that outcome instead of running it
//! again ([`finish_call`]).
//!
//! This is the JIT's entry/exit glue for calls: it reaches the running trace's state and
//! the VM through raw pointers that `exec::run` publishes while native code runs, hence
//! `unsafe`.

#![allow(unsafe_code)]

use std::cell::Cell;

use crate::jit::LoopTrace;
use crate::jit::glue::clone_trace_word;
use crate::jit::lean::Lean;
use crate::jit::recorder::{Home, RangeField, iter};
use crate::object::{Payload, Value};
use crate::runtime::errors::{PyErr, PyResult};
use crate::types::iter::IterState;
use crate::vm::Vm;

/// Helper names: `residual_call_N` takes `N` positional arguments.
pub(crate) const NAMES: [&str; 5] = [
    "residual_call_0",
    "residual_call_1",
    "residual_call_2",
    "residual_call_3",
    "residual_call_4",
];

/// The most positional arguments a residual call passes.
pub(crate) const MAX_ARGS: usize = NAMES.len() - 1;

/// How deeply trace runs may nest (a residual call whose callee enters a trace that makes a
/// residual call …, or frames a lean call materialized entering function trees): each
/// level costs native stack (an eval loop, tens of KB; the interpreter thread has 2 GB),
/// so deeper code stays interpreted.
pub(crate) const MAX_NESTING: usize = 64;

/// A call that finished without returning to the trace.
pub(crate) struct Pending {
    /// The `CALL` instruction and its argument count (the stack holds the callable, self
    /// or NULL, then the arguments).
    pub pc: usize,
    pub argc: usize,
    pub outcome: PyResult<Value>,
}

/// What a running trace shares with its residual calls (`exec::run` owns it).
pub(crate) struct RunState {
    pub vm: *mut Vm,
    pub ctx: *mut pyrite_jit::TraceContext,
    pub tree: *const LoopTrace,
    pub homes: *const Home,
    pub nhomes: usize,
    /// The slot array and the words the homes held when last synchronized.
    pub slots: *mut u64,
    pub entry_words: *mut u64,
    /// The root frame's index in `vm.frames`.
    pub frame: usize,
    pub pending: Option<Pending>,
    /// The enclosing run's state (nested runs through residual calls).
    pub outer: *mut RunState,
    pub depth: usize,
    /// A lean activation (`jit::lean`): no interpreter frame; `frame` is meaningless.
    pub lean: Option<crate::jit::lean::LeanFrame>,
    /// Lean activations from here down to the nearest real frame (this one included).
    pub lean_depth: usize,
    /// The `CALL` of the residual call in progress, and the value-stack depth below its
    /// callable (what a materialized frame keeps on its stack).
    pub call_pc: usize,
    pub call_below: usize,
    /// Whether any home is a global (only then may a call need globals stored first).
    pub has_globals: bool,
}

impl RunState {
    /// The state of a top-level run of `tree`'s code from the interpreter frame `frame`
    /// over `homes`' slot array (not lean, not nested in another run's residual call).
    pub(crate) fn top_level(
        vm: *mut Vm,
        ctx: *mut pyrite_jit::TraceContext,
        tree: *const LoopTrace,
        homes: &[Home],
        slots: *mut u64,
        entry_words: *mut u64,
        frame: usize,
    ) -> Self {
        let has_globals = homes.iter().any(|h| matches!(h, Home::Global { .. }));
        Self::with_globals(vm, ctx, tree, homes, slots, entry_words, frame, has_globals)
    }

    /// [`RunState::top_level`], told whether any home is a global.
    #[allow(clippy::too_many_arguments)]
    pub(crate) fn with_globals(
        vm: *mut Vm,
        ctx: *mut pyrite_jit::TraceContext,
        tree: *const LoopTrace,
        homes: &[Home],
        slots: *mut u64,
        entry_words: *mut u64,
        frame: usize,
        has_globals: bool,
    ) -> Self {
        RunState {
            vm,
            ctx,
            tree,
            homes: homes.as_ptr(),
            nhomes: homes.len(),
            slots,
            entry_words,
            frame,
            pending: None,
            outer: std::ptr::null_mut(),
            depth: 0,
            lean: None,
            lean_depth: 0,
            call_pc: 0,
            call_below: 0,
            has_globals,
        }
    }
}

thread_local! {
    static ACTIVE: Cell<*mut RunState> = const { Cell::new(std::ptr::null_mut()) };
}

/// The state of the innermost trace run in progress on this thread (null: none).
pub(crate) fn active() -> *mut RunState {
    ACTIVE.with(Cell::get)
}

/// Publishes `state` as the innermost run (`lean_native` gives native levels states).
pub(crate) fn set_active(state: *mut RunState) {
    ACTIVE.with(|a| a.set(state));
}

/// How many trace runs are in progress on this thread.
pub(crate) fn nesting() -> usize {
    let p = ACTIVE.with(Cell::get);
    if p.is_null() {
        0
    } else {
        // SAFETY: a non-null ACTIVE points at the `RunState` of a run still on the stack
        // (`enter` restores the previous pointer before that state goes away).
        unsafe { (*p).depth }
    }
}

/// Whether the running trace keeps globals homes in the dict behind `word` (a helper that
/// changed it behind the trace's back would leave those homes stale).
pub(crate) fn is_home_dict(word: u64) -> bool {
    let p = ACTIVE.with(Cell::get);
    if p.is_null() {
        return false;
    }
    // SAFETY: as in `nesting`; the homes outlive the run (see `flush`).
    let homes = unsafe { std::slice::from_raw_parts((*p).homes, (*p).nhomes) };
    homes
        .iter()
        .any(|h| matches!(h, Home::Global { dict, .. } if dict.bits() == word))
}

/// Runs `trace` through the compiler's `trampoline`, publishing `state` to residual calls
/// meanwhile; restores the enclosing run's state afterwards. Returns the exit number.
#[inline(always)]
pub(crate) fn enter(
    state: &mut RunState,
    trampoline: *const pyrite_jit::code::Trampoline,
    trace: &pyrite_jit::CompiledTrace,
    ctx: &mut pyrite_jit::TraceContext,
) -> u32 {
    let outer = ACTIVE.with(Cell::get);
    state.outer = outer;
    // SAFETY: as in `nesting`.
    state.depth = if outer.is_null() {
        1
    } else {
        unsafe { (*outer).depth + 1 }
    };
    ACTIVE.with(|a| a.set(state as *mut RunState));
    // SAFETY: the compiler (and its trampoline) is created once and lives in the VM's JIT
    // state until the VM goes away; residual calls may compile more traces meanwhile, which
    // never moves or frees the trampoline.
    let exit = trace.enter(unsafe { &*trampoline }, ctx);
    ACTIVE.with(|a| a.set(outer));
    exit
}

/// Writes every dirty home of the slot array into the frame, the globals and iterators;
/// afterwards the slot array and the entry words agree.
pub(crate) fn flush(vm: &mut Vm, state: &RunState) {
    // SAFETY: `exec::run` keeps the homes, slot array and entry words alive and untouched
    // while native code (and so this helper) runs; lengths are `nhomes`.
    let (homes, slots, entry) = unsafe {
        (
            std::slice::from_raw_parts(state.homes, state.nhomes),
            std::slice::from_raw_parts_mut(state.slots, state.nhomes),
            std::slice::from_raw_parts_mut(state.entry_words, state.nhomes),
        )
    };
    let Some(frame) = vm.frames.get(state.frame) else {
        return;
    };
    let (base, nlocals) = (frame.base, frame.nlocalsplus);
    let mut released = Vec::new();
    for (k, home) in homes.iter().enumerate() {
        let (word, start) = (slots[k], entry[k]);
        if word == start {
            continue;
        }
        match home {
            // Stack entries live in the trace's registers (a side trace's slots may even
            // hold raw numbers there); the callee's frame goes above the whole frame.
            Home::Frame(i) if *i >= nlocals => continue,
            Home::Frame(i) => {
                let value = clone_trace_word(word);
                if let Some(slot) = vm.stack.get_mut(base + i) {
                    released.push(std::mem::replace(slot, value));
                }
            }
            Home::Global { dict, index } => {
                let value = clone_trace_word(word);
                if let Some(d) = dict.as_dict()
                    && let Ok(mut table) = d.try_borrow_mut()
                    && let Some(old) = table.set_value_at(*index, value)
                {
                    released.push(old);
                }
            }
            Home::Range { slot, field } => {
                if *field == RangeField::Next
                    && let Some(Payload::Iterator(it)) =
                        vm.stack.get(base + slot).and_then(Value::payload)
                    && let Ok(mut it) = it.try_borrow_mut()
                    && let IterState::Range { next, .. } = &mut *it
                {
                    *next = word as i64;
                }
            }
            Home::Iter(h) => iter::write_home(vm, base, h, word, Some(start)),
            Home::Virtual { .. } => continue,
        }
        entry[k] = word;
    }
    drop(released);
}

/// Writes the globals homes the running trace changed into their dicts; whether there
/// were any.
fn flush_globals(state: &RunState) -> bool {
    // SAFETY: as in `flush`.
    let (homes, slots, entry) = unsafe {
        (
            std::slice::from_raw_parts(state.homes, state.nhomes),
            std::slice::from_raw_parts(state.slots, state.nhomes),
            std::slice::from_raw_parts_mut(state.entry_words, state.nhomes),
        )
    };
    let mut released = Vec::new();
    let mut stored = false;
    for (k, home) in homes.iter().enumerate() {
        if let Home::Global { dict, index } = home
            && slots[k] != entry[k]
            && let Some(d) = dict.as_dict()
            && let Ok(mut table) = d.try_borrow_mut()
        {
            if let Some(old) = table.set_value_at(*index, clone_trace_word(slots[k])) {
                released.push(old);
            }
            entry[k] = slots[k];
            stored = true;
        }
    }
    drop(released);
    stored
}

/// Reloads every home (but the frame's stack entries) into the slot array after a call.
fn reload(vm: &Vm, state: &RunState) -> bool {
    // SAFETY: as in `flush`.
    let (homes, slots, entry) = unsafe {
        (
            std::slice::from_raw_parts(state.homes, state.nhomes),
            std::slice::from_raw_parts_mut(state.slots, state.nhomes),
            std::slice::from_raw_parts_mut(state.entry_words, state.nhomes),
        )
    };
    let Some(frame) = vm.frames.get(state.frame) else {
        return false;
    };
    let (base, nlocals) = (frame.base, frame.nlocalsplus);
    for (k, home) in homes.iter().enumerate() {
        if matches!(home, Home::Frame(i) if *i >= nlocals) || matches!(home, Home::Virtual { .. }) {
            continue;
        }
        let Some(word) = crate::jit::exec::home_word(vm, base, home) else {
            return false;
        };
        slots[k] = word;
        entry[k] = word;
    }
    true
}

/// The `CALL`'s pc and the value-stack depth below its callable, as a residual call's
/// first argument carries them.
pub(crate) fn encode_call_site(pc: usize, below: usize) -> i64 {
    (pc as i64) | ((below as i64) << 32)
}

/// The residual call itself; `args` are the trace's argument words. Inlined into each
/// `residual_call_N` (and `lean::call` and `enter` into it): deep native recursion runs
/// through here once per Python level, and every return address counts.
#[inline(always)]
fn residual(site: i64, callee: u64, self_or_null: u64, args: &[u64]) -> u64 {
    let state_ptr = ACTIVE.with(Cell::get);
    if state_ptr.is_null() {
        return 0;
    }
    // SAFETY: as below.
    if unsafe { (*(*state_ptr).ctx).native_top } != 0 {
        return from_native_level(state_ptr, site, callee, self_or_null, args);
    }
    residual_in(state_ptr, site, callee, self_or_null, args)
}

/// A residual call made by a native level of a lean run (`lean_native`): run states for
/// the levels first, then the call as from the innermost one.
#[cold]
#[inline(never)]
fn from_native_level(
    base: *mut RunState,
    site: i64,
    callee: u64,
    self_or_null: u64,
    args: &[u64],
) -> u64 {
    crate::jit::lean_native::with_levels(base, None, |state| {
        residual_in(state, site, callee, self_or_null, args)
    })
}

/// The residual call made by the run `state_ptr`.
#[inline(always)]
fn residual_in(
    state_ptr: *mut RunState,
    site: i64,
    callee: u64,
    self_or_null: u64,
    args: &[u64],
) -> u64 {
    // SAFETY: ACTIVE is the state of the run whose native code called this helper; the
    // VM behind it is not otherwise borrowed while native code runs (`exec::run` holds no
    // reference into it across the call).
    let (state, vm) = unsafe { (&mut *state_ptr, &mut *(*state_ptr).vm) };
    let Ok(pc) = usize::try_from(site & 0xFFFF_FFFF) else {
        return 0;
    };
    let below = (site >> 32) as usize;
    state.call_pc = pc;
    state.call_below = below;
    let version = vm.tracing.version.get();
    // The callee reads globals from their dicts.
    let stored = state.has_globals && flush_globals(state);
    let forced = match crate::jit::lean::call(vm, state_ptr, callee, self_or_null, args, stored) {
        Lean::Returned(word) => return word,
        Lean::Forced => true,
        Lean::Declined => false,
    };
    if state.lean.is_some() {
        // No frame to run the call from: give the lean activations frames and let the
        // interpreter make it (unless a lean call below already finished everything).
        if !forced {
            let mut operands = vec![callee, self_or_null];
            operands.extend_from_slice(args);
            crate::jit::lean::materialize(vm, state_ptr, Some(&operands));
            let outcome = crate::jit::lean::run_materialized(vm);
            vm.jit.lean_forced = Some(outcome);
        }
        // SAFETY: the context lives on `lean::call`'s stack for the whole native call.
        unsafe {
            (*state.ctx).error = 1;
        }
        return 0;
    }
    let callee = clone_trace_word(callee);
    let outcome = match vm.jit.lean_forced.take().filter(|_| forced) {
        Some(outcome) => outcome,
        None => {
            // Count the operands first: the flush may release the old value of a home
            // that one of them is borrowed from.
            let mut values = Vec::with_capacity(args.len() + 1);
            if self_or_null != 0 {
                values.push(clone_trace_word(self_or_null));
            }
            values.extend(args.iter().map(|&w| clone_trace_word(w)));
            flush(vm, state);
            crate::jit::glue::drain_releases();
            if let Some(frame) = vm.frames.get_mut(state.frame) {
                frame.lasti = pc;
            }
            let outcome = vm.call(&callee, &values);
            drop(values);
            outcome
        }
    };
    if let Ok(v) = &outcome
        && v.is_heap()
        && let Some(f) = callee.as_function()
    {
        let code = f.code.borrow().clone();
        if let Ok(mut set) = vm.jit.residual_objects.try_borrow_mut() {
            set.insert(code.bits(), code);
        }
        // SAFETY: the tree outlives its run (`exec::run`'s caller holds an `Rc`).
        let tree = unsafe { &*state.tree };
        vm.jit_give_up(tree, pyrite_profiler::AbortReason::ResidualObject);
    }
    drop(callee);
    // SAFETY: the tree outlives its run (`exec::run`'s caller holds an `Rc`).
    let tree = unsafe { &*state.tree };
    let valid = vm.tracing.version.get() == version
        && !vm.tracing.active()
        && crate::jit::exec::deps_hold(vm, &tree.deps.borrow())
        && vm.frames.len() == state.frame + 1;
    if let Ok(v) = &outcome
        && valid
        && !v.is_heap()
        && !v.is_null()
        && reload(vm, state)
    {
        return v.bits();
    }
    state.pending = Some(Pending {
        pc,
        argc: args.len(),
        outcome,
    });
    // SAFETY: the context lives on `exec::run`'s stack for the whole native call.
    unsafe {
        (*state.ctx).error = 1;
    }
    0
}

extern "C" fn residual_call_0(pc: i64, f: u64, s: u64) -> u64 {
    residual(pc, f, s, &[])
}

extern "C" fn residual_call_1(pc: i64, f: u64, s: u64, a: u64) -> u64 {
    residual(pc, f, s, &[a])
}

extern "C" fn residual_call_2(pc: i64, f: u64, s: u64, a: u64, b: u64) -> u64 {
    residual(pc, f, s, &[a, b])
}

extern "C" fn residual_call_3(pc: i64, f: u64, s: u64, a: u64, b: u64, c: u64) -> u64 {
    residual(pc, f, s, &[a, b, c])
}

extern "C" fn residual_call_4(pc: i64, f: u64, s: u64, a: u64, b: u64, c: u64, d: u64) -> u64 {
    residual(pc, f, s, &[a, b, c, d])
}

/// Adds the residual-call helpers to the backend's table.
pub(crate) fn register(table: &mut pyrite_jit::HelperTable) {
    let addresses = [
        residual_call_0 as *const () as u64,
        residual_call_1 as *const () as u64,
        residual_call_2 as *const () as u64,
        residual_call_3 as *const () as u64,
        residual_call_4 as *const () as u64,
    ];
    for (name, address) in NAMES.iter().zip(addresses) {
        table.add(name, address);
    }
}

/// Finishes a `CALL` whose call already ran: the trace left through the snapshot before
/// it, so the top frame is at the `CALL` with the callable, self or NULL and the arguments
/// on its stack. Pops them and pushes the result (continuing after the `CALL`), or hands
/// back the exception, to be raised at the `CALL`.
pub(crate) fn finish_call(vm: &mut Vm, pending: Pending) -> Result<(), PyErr> {
    let Some(frame) = vm.frames.last_mut() else {
        return pending.outcome.map(drop);
    };
    let code = frame.code.clone();
    let count = pending.argc + 2;
    let sp = frame
        .sp
        .saturating_sub(count)
        .max(frame.base + frame.nlocalsplus);
    let top = frame.sp;
    frame.sp = sp;
    frame.lasti = pending.pc;
    frame.ip = crate::jit::frames::after(&code, pending.pc);
    let mut released = Vec::with_capacity(count);
    for i in sp..top {
        if let Some(slot) = vm.stack.get_mut(i) {
            released.push(std::mem::take(slot));
        }
    }
    let value = pending.outcome?;
    if let Some(frame) = vm.frames.last_mut() {
        let at = frame.sp;
        frame.sp += 1;
        if let Some(slot) = vm.stack.get_mut(at) {
            released.push(std::mem::replace(slot, value));
        }
    }
    drop(released);
    Ok(())
}
