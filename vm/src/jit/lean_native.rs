//! Native self-calls of lean function trees: the VM's side of `pyrite_jit::native_call`.
//!
//! A lean run of a function tree (`jit::lean`) lets the tree's self-call sites call the
//! root's code directly, with a record per level on the native stack (parent, call site,
//! arguments, slot array), instead of going through `residual_call_N` and `lean::call`
//! once per Python level:
//!
//! ```text
//! lean::call (the base, a RunState)  ctx.lean_func = f, ctx.native_budget = levels allowed
//!   root code ─▶ site: callee is f ─▶ record 1 ─▶ root code ─▶ site ─▶ record 2 ─▶ …
//!   a return exit hands back its word through the context; anything else
//!   ─▶ exit_helper(code, record): run states for every native level (`with_levels`),
//!      then what `lean::call` does after a run (a return, or materialize every level)
//! a residual call from a native level ─▶ `residual` sees ctx.native_top and gives the
//!   levels run states first, so materialization, nested lean calls and tracebacks find
//!   every activation, exactly as if each level had come through `lean::call`
//! ```
//!
//! What makes skipping `lean::call` exact: the callee is the base's own function (the
//! site compares it with `ctx.lean_func`), whose plan was current when the base started
//! and cannot change before Python code runs, which only happens after materializing; the
//! budget counts nesting depth and the recursion limit as `lean::call` would; the plan
//! allows native calls only when no member stores a global (so a return never leaves a
//! changed global behind, and every level's globals homes equal the dicts) and when every
//! home the compiled sites do not initialize starts as NULL.
//!
//! Raw pointers to the records and the run states, hence `unsafe` (JIT glue, see
//! `residual`).

#![allow(unsafe_code)]

use std::cell::Cell;

use pyrite_jit::native_call::{
    RECORD_ARGS, RECORD_MAX_ARGS, RECORD_PARENT, RECORD_SITE, RECORD_SLOTS, RECORD_SLOTS_WORDS,
};
use pyrite_jit::{NativeCall, ReturnAt, SlotStart};

use crate::jit::lean::{self, Lean, LeanFrame};
use crate::jit::recorder::Home;
use crate::jit::residual::{self, RunState};
use crate::object::Value;

/// Per function tree: where native calls find the root's code, and what the compiled
/// sites initialize (the plan checks the tree's homes against it).
pub(crate) struct NativeCell {
    /// The root's code address (the word the sites load). Boxed with the tree.
    entry: Cell<u64>,
    /// The function's code object (its parameter count and return instructions).
    code: Value,
    /// Over every compiled site: the fewest homes its initialization knew, and the fewest
    /// slots it initializes.
    known: Cell<usize>,
    init_len: Cell<usize>,
}

impl Default for NativeCell {
    fn default() -> Self {
        NativeCell {
            entry: Cell::new(0),
            code: Value::NULL,
            known: Cell::new(usize::MAX),
            init_len: Cell::new(usize::MAX),
        }
    }
}

impl NativeCell {
    /// The cell of a function tree recorded for `code`.
    pub(crate) fn new(code: &Value) -> Box<NativeCell> {
        Box::new(NativeCell {
            code: code.clone(),
            ..NativeCell::default()
        })
    }

    /// Records the root's code address once it is compiled.
    pub(crate) fn set_entry(&self, address: u64) {
        self.entry.set(address);
    }

    /// How a member with `homes` (over `trace`) calls natively: `None` when it may not.
    pub(crate) fn call_for(&self, homes: &[Home], trace: &pyrite_ir::Trace) -> Option<NativeCall> {
        let code = self.code.as_code()?;
        let nargs = code.data.arg_count as usize;
        let helper = residual::NAMES.get(nargs)?;
        if nargs > RECORD_MAX_ARGS || homes.len() > RECORD_SLOTS_WORDS {
            return None;
        }
        let init_len = (homes.len() + 2).min(RECORD_SLOTS_WORDS);
        let init = (0..init_len)
            .map(|k| match homes.get(k) {
                Some(Home::Frame(i)) if *i < nargs => SlotStart::Arg(*i as u32),
                Some(Home::Global { .. }) => SlotStart::Caller,
                _ => SlotStart::Null,
            })
            .collect();
        self.known.set(self.known.get().min(homes.len()));
        self.init_len.set(self.init_len.get().min(init_len));
        let returns = lean::return_points(trace, homes, code)
            .into_iter()
            .map(|r| {
                r.map(|r| match r {
                    lean::ReturnSlot::Const(w) => ReturnAt::Const(w),
                    lean::ReturnSlot::Slot { k, .. } => ReturnAt::Slot(k as u32),
                })
            })
            .collect();
        Some(NativeCall {
            helper: (*helper).to_string(),
            entry_cell: self.entry.as_ptr() as u64,
            init,
            exit_helper: exit_helper as *const () as u64,
            returns,
        })
    }

    /// Whether native calls may run a tree with these homes (its plan's verdict): the
    /// compiled sites start every home they did not know as NULL, which must be right.
    pub(crate) fn allows(&self, homes: &[Home], nargs: usize, stores_globals: bool) -> bool {
        let known = self.known.get().min(homes.len());
        self.entry.get() != 0
            && !stores_globals
            && nargs <= RECORD_MAX_ARGS
            && homes.len() <= self.init_len.get()
            && homes[known..].iter().all(|h| {
                matches!(h, Home::Frame(i) if *i >= nargs) || matches!(h, Home::Virtual { .. })
            })
    }
}

/// The words of a native level's record.
struct Record(*const u64);

impl Record {
    fn word(&self, offset: i32) -> u64 {
        // SAFETY: the record is a live stack slot of a calling level (see `with_levels`),
        // `offset` one of its word offsets.
        unsafe { *self.0.add(offset as usize / 8) }
    }

    fn parent(&self) -> *const u64 {
        self.word(RECORD_PARENT) as *const u64
    }

    fn site(&self) -> (usize, usize) {
        let site = self.word(RECORD_SITE) as i64;
        ((site & 0xFFFF_FFFF) as usize, (site >> 32) as usize)
    }

    fn slots(&self) -> *mut u64 {
        // SAFETY: as in `word`.
        unsafe { self.0.add(RECORD_SLOTS as usize / 8) as *mut u64 }
    }

    fn arg(&self, i: usize) -> u64 {
        self.word(RECORD_ARGS + 8 * i as i32)
    }

    /// What the level's slots started with (the entry words of its run state): its
    /// arguments, the globals (no level stores one), else NULL.
    fn entry_words(&self, homes: &[Home], nargs: usize) -> [u64; RECORD_SLOTS_WORDS] {
        let mut entry = [0u64; RECORD_SLOTS_WORDS];
        let slots = self.slots();
        for (k, (home, e)) in homes.iter().zip(entry.iter_mut()).enumerate() {
            *e = match home {
                Home::Frame(i) if *i < nargs => self.arg(*i),
                // SAFETY: `k` is below the tree's home count, at most the slot array's.
                Home::Global { .. } => unsafe { *slots.add(k) },
                _ => 0,
            };
        }
        entry
    }
}

/// Gives every native level above the lean run `base` (the chain from its context's
/// `native_top`) a run state, as `lean::call` would have, and calls `f` with the
/// innermost one (`base` itself when there is none) published as the active run. The
/// innermost level's call site is `site` (a residual call sets its own). The states live
/// until `f` returns.
pub(crate) fn with_levels<R>(
    base: *mut RunState,
    site: Option<(usize, usize)>,
    f: impl FnOnce(*mut RunState) -> R,
) -> R {
    // SAFETY: `base` is the active run (its native code called the helper that called
    // this), so its state, context, homes and plan are alive; the records on the chain
    // are stack slots of the native levels below that helper.
    unsafe {
        let ctx = (*base).ctx;
        let top = (*ctx).native_top;
        let mut records = Vec::new();
        let mut p = top as *const u64;
        while !p.is_null() {
            let record = Record(p);
            p = record.parent();
            records.push(record);
        }
        records.reverse();
        let set_site = |s: &mut RunState, at: Option<(usize, usize)>| {
            if let Some((pc, below)) = at {
                s.call_pc = pc;
                s.call_below = below;
            }
        };
        let site_after = |i: usize| records.get(i).map(Record::site).or(site);
        set_site(&mut *base, site_after(0));
        let Some(LeanFrame { func, plan }) = (*base).lean.as_ref() else {
            return f(base);
        };
        let homes = std::slice::from_raw_parts((*base).homes, (*base).nhomes);
        let nargs = plan.nargs;
        let mut entries: Vec<[u64; RECORD_SLOTS_WORDS]> = records
            .iter()
            .map(|r| r.entry_words(homes, nargs))
            .collect();
        // Never grown once states point into it.
        let mut states: Vec<RunState> = Vec::with_capacity(records.len());
        let mut outer = base;
        for (i, (record, entry)) in records.iter().zip(entries.iter_mut()).enumerate() {
            let mut state = RunState {
                vm: (*base).vm,
                ctx,
                tree: (*base).tree,
                homes: (*base).homes,
                nhomes: (*base).nhomes,
                slots: record.slots(),
                entry_words: entry.as_mut_ptr(),
                frame: usize::MAX,
                pending: None,
                outer,
                depth: (*base).depth + i + 1,
                lean: Some(LeanFrame {
                    func: func.clone(),
                    plan: plan.clone(),
                }),
                lean_depth: (*base).lean_depth + i + 1,
                call_pc: 0,
                call_below: 0,
                has_globals: (*base).has_globals,
            };
            set_site(&mut state, site_after(i + 1));
            states.push(state);
            outer = states.as_mut_ptr().add(i);
        }
        let innermost = outer;
        (*ctx).native_top = 0;
        residual::set_active(innermost);
        let result = f(innermost);
        residual::set_active(base);
        (*ctx).native_top = top;
        drop(states);
        drop(entries);
        result
    }
}

/// Called by a native call site when the callee left through anything but a return
/// carrying an immediate: finishes that exit as `lean::call` would (a return's result, or
/// frames for every level and the interpreter's outcome), with the residual calls'
/// protocol: a result word, or the context's error word set.
extern "C" fn exit_helper(code: u64, record: u64) -> u64 {
    let base = residual::active();
    if base.is_null() || record == 0 {
        return 0;
    }
    let record = Record(record as *const u64);
    with_levels(base, Some(record.site()), |caller| {
        // SAFETY: `with_levels` hands over a live state, and its VM is reached only
        // through it while native code runs.
        let (state, vm) = unsafe { (&mut *caller, &mut *(*caller).vm) };
        let outcome = match (vm.jit.lean_forced.is_some(), &state.lean) {
            (true, _) | (_, None) => Lean::Forced,
            (false, Some(LeanFrame { func, plan })) => {
                let (func, plan) = (func.clone(), plan.clone());
                // SAFETY: as in `with_levels`: the base's homes are alive.
                let homes = unsafe { std::slice::from_raw_parts(state.homes, state.nhomes) };
                let nargs = plan.nargs.min(RECORD_MAX_ARGS);
                let args: Vec<u64> = (0..nargs).map(|i| record.arg(i)).collect();
                let mut entry = record.entry_words(homes, nargs);
                // SAFETY: the record's slot array holds `nhomes` (at most its size) words.
                let slots = unsafe { std::slice::from_raw_parts_mut(record.slots(), state.nhomes) };
                lean::finish(
                    vm,
                    caller,
                    &func,
                    &plan,
                    &args,
                    code as u32,
                    (slots, &mut entry[..state.nhomes]),
                )
            }
        };
        let (word, error) = match outcome {
            Lean::Returned(word) => (word, 0),
            Lean::Forced => (0, 1),
            Lean::Declined => {
                // Only for a tree that changed shape under the run (never expected): let
                // the interpreter redo the call, as a residual call declined leanly does.
                let mut operands = vec![state.lean.as_ref().map_or(0, |l| l.func.bits()), 0];
                let nargs = state.lean.as_ref().map_or(0, |l| l.plan.nargs);
                operands.extend((0..nargs.min(RECORD_MAX_ARGS)).map(|i| record.arg(i)));
                lean::materialize(vm, caller, Some(&operands));
                let outcome = lean::run_materialized(vm);
                vm.jit.lean_forced = Some(outcome);
                (0, 1)
            }
        };
        // SAFETY: the context is the base run's, alive for its whole run.
        unsafe {
            (*state.ctx).error = error;
        }
        word
    })
}
