//! Running a compiled loop and deoptimizing out of it.
//!
//! Entry: check the trace's dependencies (dict key sets, folded builtins), copy the words
//! of its homes into a slot array, and call the native code. Exit `k`: the slot array then
//! holds, for each slot of snapshot `k`, the raw value (boxed here with the IR type:
//! `i64` → int, which may now be a big int; `f64` → float, a heap float for NaN; `bool`),
//! and for other homes the boxed word the last back-edge stored (or the entry word). The
//! write-back takes a counted reference to every new value *before* replacing any old one,
//! so a word borrowed from a home that is being overwritten stays alive. Then the frame
//! resumes at the snapshot's pc with its stack depth, and the interpreter executes that
//! instruction — so an exception raised there gets exactly the interpreter's traceback.

use pyrite_ir::{SnapValue, Type};

use crate::jit::glue::clone_trace_word;
use crate::jit::recorder::{Dep, Home, RangeField, dict_version, iter, range_state};
use crate::jit::{EXIT_MEMBER_SHIFT, LoopTrace};
use crate::jit::{frames, residual, virtuals};
use crate::object::{Payload, Value};
use crate::types::iter::IterState;
use crate::vm::Vm;

/// How an attempt to run a trace went.
pub(crate) enum Outcome {
    /// The trace ran and left through exit `exit` of tree member `member`; the frame was
    /// updated.
    Ran { member: usize, exit: usize },
    /// A dependency failed: the trace did not run.
    Refused,
    /// Too many trace runs are nested (through residual calls): the trace did not run.
    Busy,
    /// A residual call finished the trace's `CALL` (its exit is not counted); `Err` when it
    /// raised: the exception is to be raised at that `CALL`.
    Called(Result<(), crate::runtime::errors::PyErr>),
}

pub(crate) fn deps_hold(vm: &Vm, deps: &[Dep]) -> bool {
    deps.iter().all(|dep| match dep {
        Dep::DictVersion { dict, version } => dict_version(dict) == Some(*version),
        Dep::DictValue { dict, index, value } => dict
            .as_dict()
            .and_then(|d| {
                d.try_borrow()
                    .ok()
                    .and_then(|t| t.entry(*index).map(|e| e.value.is(value)))
            })
            .unwrap_or(false),
        Dep::Function {
            func,
            code,
            defaults,
        } => func
            .as_function()
            .is_some_and(|f| f.code.borrow().is(code) && f.defaults.borrow().is(defaults)),
        Dep::TypeVersion { ty, version } => {
            ty.as_type_data().is_some_and(|t| t.version() == *version)
        }
        Dep::Alive(_) => true,
        Dep::FrameRoom(n) => vm.frames.len() + n < vm.recursion_limit,
    }) && vm.frames.last().is_some()
}

/// Adds a new member's dependencies to its tree's, leaving out those the tree already has
/// (every side trace of a method-calling loop depends on the same class), so entries and
/// nest transfers check each one once.
pub(crate) fn merge_deps(deps: &mut Vec<Dep>, new: Vec<Dep>) {
    for dep in new {
        if let Dep::FrameRoom(n) = dep {
            match deps.iter_mut().find(|d| matches!(d, Dep::FrameRoom(_))) {
                Some(Dep::FrameRoom(m)) => *m = (*m).max(n),
                _ => deps.push(dep),
            }
            continue;
        }
        if !deps.iter().any(|d| same_dep(d, &dep)) {
            deps.push(dep);
        }
    }
}

/// Whether two dependencies check the same thing.
fn same_dep(a: &Dep, b: &Dep) -> bool {
    match (a, b) {
        (
            Dep::DictVersion { dict, version },
            Dep::DictVersion {
                dict: d,
                version: v,
            },
        ) => dict.is(d) && version == v,
        (
            Dep::DictValue { dict, index, value },
            Dep::DictValue {
                dict: d,
                index: i,
                value: v,
            },
        ) => dict.is(d) && index == i && value.is(v),
        (
            Dep::Function {
                func,
                code,
                defaults,
            },
            Dep::Function {
                func: f,
                code: c,
                defaults: d,
            },
        ) => func.is(f) && code.is(c) && defaults.is(d),
        (Dep::TypeVersion { ty, version }, Dep::TypeVersion { ty: t, version: v }) => {
            ty.is(t) && version == v
        }
        (Dep::Alive(x), Dep::Alive(y)) => x.is(y),
        _ => false,
    }
}

/// The current word of a home.
pub(crate) fn home_word(vm: &Vm, base: usize, home: &Home) -> Option<u64> {
    match home {
        Home::Virtual { .. } => Some(0),
        Home::Frame(i) => vm.stack.get(base + i).map(Value::bits),
        Home::Range { slot, field } => {
            let (next, stop, step) = range_state(vm.stack.get(base + slot)?)?;
            Some(match field {
                RangeField::Next => next,
                RangeField::Stop => stop,
                RangeField::Step => step,
            } as u64)
        }
        Home::Global { dict, index } => dict.as_dict().and_then(|d| {
            d.try_borrow()
                .ok()
                .and_then(|t| t.entry(*index).map(|e| e.value.bits()))
        }),
        Home::Iter(h) => iter::read_home(vm, base, h),
    }
}

/// Buffers reused by every entry and exit (a transfer between trees must not cost
/// allocations).
#[derive(Default)]
pub(crate) struct Scratch {
    entry_words: Vec<u64>,
    slots: Vec<u64>,
    updates: Vec<(usize, Value)>,
    range_updates: Vec<(usize, i64)>,
    iter_updates: Vec<(iter::IterHome, u64, Option<u64>)>,
    released: Vec<Value>,
}

/// Enters member `entry` of `trace` (0: the root, at its loop header; or a continuation,
/// at its pc) in the top frame and deoptimizes at its exit.
pub(crate) fn run(vm: &mut Vm, trace: &LoopTrace, entry: usize) -> Outcome {
    let mut scratch = std::mem::take(&mut vm.jit.scratch);
    let outcome = run_with(vm, trace, entry, &mut scratch);
    vm.jit.scratch = scratch;
    outcome
}

fn run_with(vm: &mut Vm, trace: &LoopTrace, entry: usize, scratch: &mut Scratch) -> Outcome {
    if residual::nesting() >= residual::MAX_NESTING {
        return Outcome::Busy;
    }
    if !deps_hold(vm, &trace.deps.borrow()) {
        return Outcome::Refused;
    }
    let homes = trace.homes.borrow();
    let Some(root) = trace.members.borrow().get(entry).cloned() else {
        return Outcome::Refused;
    };
    let Some(frame) = vm.frames.last() else {
        return Outcome::Refused;
    };
    let base = frame.base;
    // Globals homes belong to the dict the trace was recorded with.
    let globals = frame.globals.clone();
    let entry_words = &mut scratch.entry_words;
    entry_words.clear();
    for home in homes.iter() {
        if let Home::Global { dict, .. } = home
            && !dict.is(&globals)
        {
            return Outcome::Refused;
        }
        match home_word(vm, base, home) {
            Some(w) => entry_words.push(w),
            None => return Outcome::Refused,
        }
    }
    let slots = &mut scratch.slots;
    slots.clear();
    slots.extend_from_slice(entry_words);
    let mut virtual_words = [0u64; pyrite_jit::VIRTUAL_WORDS];
    let interrupt = vm.interrupt.as_ptr() as *const u8;
    let mut ctx =
        pyrite_jit::TraceContext::new(slots.as_mut_ptr(), interrupt, virtual_words.as_mut_ptr());
    let stressed = vm.jit.params.fail_guard_every != 0;
    if stressed {
        ctx.stress_countdown = vm.jit.stress_countdown;
    }
    let Some(trampoline) = vm
        .jit
        .compiler
        .as_ref()
        .map(|c| c.trampoline() as *const pyrite_jit::code::Trampoline)
    else {
        return Outcome::Refused;
    };
    let mut state = residual::RunState::top_level(
        std::ptr::null_mut(),
        &mut ctx,
        trace,
        &homes,
        slots.as_mut_ptr(),
        entry_words.as_mut_ptr(),
        vm.frames.len() - 1,
    );
    // Residual calls reach the VM through this pointer while native code runs; nothing
    // here touches `vm` until the trace has returned.
    state.vm = vm;
    // The root's tree function, when it has one, is the root's code.
    let tree_code = match entry {
        0 => trace.tree_code.borrow().current(),
        _ => None,
    };
    let code = tree_code.as_deref().unwrap_or(&root.compiled);
    let exit = residual::enter(&mut state, trampoline, code, &mut ctx);
    let pending = state.pending.take();
    if stressed {
        vm.jit.stress_countdown = if ctx.stress_countdown <= 0 {
            i64::from(vm.jit.params.fail_guard_every.max(1))
        } else {
            ctx.stress_countdown
        };
    }
    let member = (exit >> EXIT_MEMBER_SHIFT) as usize;
    let exit = (exit & ((1 << EXIT_MEMBER_SHIFT) - 1)) as usize;
    let Some(exited) = trace.members.borrow().get(member).cloned() else {
        // Cannot happen (exit numbers come from the tree's own members); keep the frame.
        return Outcome::Refused;
    };
    let exiting = Exiting {
        trace: &exited.trace,
        id: exited.compiled.id,
        label: &exited.label,
        homes: &homes,
        entry_depth: trace.entry_depth,
    };
    deoptimize(vm, &exiting, exit, scratch, &virtual_words);
    crate::jit::glue::drain_releases();
    match pending {
        Some(pending) => Outcome::Called(residual::finish_call(vm, pending)),
        None => Outcome::Ran { member, exit },
    }
}

/// Writes back the exit an inner tree's run from a nest bridge left (`stash`), in the top
/// frame, which the outer exit and the loop's setup have brought to the state that run
/// started from; as `run` after the native code returned.
pub(crate) fn resume(vm: &mut Vm, stash: &crate::jit::nest_link::NestStash) -> Outcome {
    let tree = &stash.inner;
    let member = (stash.exit >> EXIT_MEMBER_SHIFT) as usize;
    let exit = (stash.exit & ((1 << EXIT_MEMBER_SHIFT) - 1)) as usize;
    let Some(exited) = tree.members.borrow().get(member).cloned() else {
        return Outcome::Refused;
    };
    let homes = tree.homes.borrow();
    let mut scratch = std::mem::take(&mut vm.jit.scratch);
    scratch.entry_words.clear();
    scratch.entry_words.extend_from_slice(&stash.entry);
    scratch.slots.clear();
    scratch.slots.extend_from_slice(&stash.slots);
    let exiting = Exiting {
        trace: &exited.trace,
        id: exited.compiled.id,
        label: &exited.label,
        homes: &homes[..stash.slots.len().min(homes.len())],
        entry_depth: tree.entry_depth,
    };
    deoptimize(vm, &exiting, exit, &mut scratch, &stash.virtuals);
    vm.jit.scratch = scratch;
    crate::jit::glue::drain_releases();
    Outcome::Ran { member, exit }
}

/// The trace whose exit is being taken, and the tree's homes.
struct Exiting<'a> {
    trace: &'a pyrite_ir::Trace,
    id: u32,
    label: &'a str,
    homes: &'a [Home],
    entry_depth: usize,
}

/// Writes exit `exit`'s state back into the frame and the globals.
/// `virtual_words` holds the fields of virtual objects the exit left behind.
fn deoptimize(
    vm: &mut Vm,
    trace: &Exiting,
    exit: usize,
    scratch: &mut Scratch,
    virtual_words: &[u64],
) {
    let Scratch {
        entry_words,
        slots,
        updates,
        range_updates,
        iter_updates,
        released,
    } = scratch;
    let (slots, entry_words) = (&slots[..], &entry_words[..]);
    let Some(snapshot) = trace.trace.snapshots.get(exit) else {
        return;
    };
    // The removed allocations the snapshot refers to, rebuilt first.
    let built = virtuals::materialize(vm, trace.trace, snapshot, virtual_words);
    let Some(frame_snap) = snapshot.frames.first() else {
        return;
    };
    if vm.jit.log_enabled() {
        let line = vm
            .frames
            .last()
            .and_then(|f| f.code.as_code().map(|c| c.line_of(frame_snap.pc as usize)))
            .unwrap_or(0);
        vm.jit.last_exit = Some(format!(
            "trace#{} {} exit {exit} -> line {line} (pc {})",
            trace.id, trace.label, frame_snap.pc
        ));
    }
    // Phase 1: a counted value for every home that changed. Stack slots above the exit's
    // depth are dead (a side trace may have left raw numbers there).
    let Some(live_end) = vm
        .frames
        .last()
        .map(|f| f.nlocalsplus + frame_snap.stack_depth as usize)
    else {
        return;
    };
    updates.clear();
    range_updates.clear();
    iter_updates.clear();
    released.clear();
    for (k, home_word) in slots.iter().enumerate() {
        if matches!(trace.homes.get(k), Some(Home::Frame(i)) if *i >= live_end) {
            continue;
        }
        if matches!(trace.homes.get(k), Some(Home::Virtual { .. })) {
            continue;
        }
        if let Some(Home::Iter(h)) = trace.homes.get(k) {
            iter_updates.push((*h, *home_word, entry_words.get(k).copied()));
            continue;
        }
        if let Some(Home::Range { slot, field }) = trace.homes.get(k) {
            // Raw positions: only `next` is ever written, straight into the iterator.
            if *field == RangeField::Next && entry_words.get(k) != Some(home_word) {
                range_updates.push((*slot, *home_word as i64));
            }
            continue;
        }
        let in_snapshot = frame_snap
            .slots
            .iter()
            .find(|(slot, _)| *slot as usize == k)
            .map(|(_, v)| *v);
        let value = match in_snapshot {
            Some(SnapValue::Ref(r)) => match trace.trace.type_of(r) {
                Type::I64 => vm.new_int(*home_word as i64),
                Type::F64 => vm.new_float(f64::from_bits(*home_word)),
                Type::Bool => Value::from_bool(*home_word != 0),
                _ => clone_trace_word(*home_word),
            },
            Some(SnapValue::Virtual(i)) => match built.get(i as usize) {
                Some(v) => v.clone(),
                None => continue,
            },
            None if entry_words.get(k) != Some(home_word) => clone_trace_word(*home_word),
            None => continue,
        };
        updates.push((k, value));
    }
    // Phase 2: store them; old values are released only now.
    let Some(base) = vm.frames.last().map(|f| f.base) else {
        return;
    };
    for (k, value) in updates.drain(..) {
        match trace.homes.get(k) {
            Some(Home::Frame(i)) => {
                if let Some(slot) = vm.stack.get_mut(base + i) {
                    released.push(std::mem::replace(slot, value));
                }
            }
            Some(Home::Global { dict, index }) => {
                if let Some(d) = dict.as_dict()
                    && let Ok(mut table) = d.try_borrow_mut()
                    && let Some(old) = table.set_value_at(*index, value)
                {
                    released.push(old);
                }
            }
            Some(Home::Range { .. } | Home::Iter(_) | Home::Virtual { .. }) | None => {}
        }
    }
    for &(slot, position) in range_updates.iter() {
        if let Some(Payload::Iterator(state)) = vm.stack.get(base + slot).and_then(Value::payload)
            && let Ok(mut state) = state.try_borrow_mut()
            && let IterState::Range { next, .. } = &mut *state
        {
            *next = position;
        }
    }
    for &(home, raw, entry) in iter_updates.iter() {
        iter::write_home(vm, base, &home, raw, entry);
    }
    let Some(frame) = vm.frames.last_mut() else {
        return;
    };
    let stack_base = frame.base + frame.nlocalsplus;
    let depth = frame_snap.stack_depth as usize;
    for i in depth..trace.entry_depth {
        if let Some(slot) = vm.stack.get_mut(stack_base + i) {
            released.push(std::mem::take(slot));
        }
    }
    frame.sp = stack_base + depth;
    frame.ip = frame_snap.pc as usize;
    frame.lasti = frame_snap.pc as usize;
    released.clear();
    if snapshot.frames.len() > 1 {
        frames::rebuild(vm, trace.trace, snapshot, trace.homes, slots, &built);
    }
    drop(built);
}

/// Writes exit `exit` of `member`, left by a lean run (`jit::lean`) over `slots`, into the
/// top frame, which holds what that run started from (`entry_words`).
pub(crate) fn deoptimize_lean(
    vm: &mut Vm,
    member: &crate::jit::TreeMember,
    homes: &[Home],
    exit: usize,
    slots: &[u64],
    entry_words: &[u64],
    virtual_words: &[u64],
) {
    let mut scratch = Scratch {
        entry_words: entry_words.to_vec(),
        slots: slots.to_vec(),
        ..Scratch::default()
    };
    let exiting = Exiting {
        trace: &member.trace,
        id: member.compiled.id,
        label: &member.label,
        homes,
        entry_depth: 0,
    };
    deoptimize(vm, &exiting, exit, &mut scratch, virtual_words);
}
