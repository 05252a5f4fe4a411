//! Native calls into function-entry trees without interpreter frames (PyPy's
//! `call_assembler`): a residual call whose callee has a lean-capable function tree runs
//! that tree straight from the helper, over a slot array of its own (a per-depth record,
//! `Records`), and gets the result back from the tree's return exit. No interpreter frame
//! exists for the callee (or for lean callers above the last real frame) while it runs.
//!
//! ```text
//! trace ─▶ residual_call_N ─▶ lean::call: slot array = the arguments, run the callee's root
//!     exit at a RETURN ─▶ the result word, back to the calling trace (no frame pushed)
//!     any other exit, or a call the callee cannot make leanly ─▶ *materialize*:
//!         flush the nearest real frame, push an interpreter frame for every lean
//!         activation (each at its CALL, from its slot array), the callee's frame from the
//!         exit's snapshot (`exec::deoptimize_lean`), and let the interpreter finish them;
//!         every lean activation on the native stack then leaves (`Lean::Forced`) and the
//!         nearest real frame's call gets the interpreter's outcome
//! ```
//!
//! Frames exist whenever Python code can look at them: a lean tree runs no Python code (its
//! helpers never call Python, checked per member), and everything else goes through the
//! materialization first, so tracebacks, `f_back`, `sys._getframe` and the recursion limit
//! (lean activations count as frames) are the interpreter's.
//!
//! Inside a lean run, the tree's calls of its own function do not come back here: they
//! call the root's code directly from native code (`lean_native`), within the budget
//! `call` sets in the context, and `finish` serves their other exits.
//!
//! JIT entry/exit glue reaching the running traces' states through raw pointers, hence
//! `unsafe` (see `residual`).

#![allow(unsafe_code)]

use std::cell::UnsafeCell;
use std::rc::Rc;

use pyrite_ir::{Effect, Op, SnapValue, Type};

use crate::bytecode::{Opcode, split_unit};
use crate::jit::glue::{clone_trace_word, with_word};
use crate::jit::recorder::{Dep, Home};
use crate::jit::residual::{self, RunState};
use crate::jit::{EXIT_MEMBER_SHIFT, LoopTrace, TreeMember, exec, frames};
use crate::object::Value;
use crate::runtime::errors::PyResult;
use crate::vm::Vm;

/// The most homes a lean tree may have (its slot array lives on the native stack).
const MAX_HOMES: usize = 24;

/// How deeply lean calls may nest on the native stack.
const MAX_NESTING: usize = 200;

/// A lean activation: the function whose tree runs without a frame, and its plan.
pub(crate) struct LeanFrame {
    pub func: Value,
    pub plan: Rc<LeanPlan>,
}

/// How a lean call went.
pub(crate) enum Lean {
    /// The callee returned this immediate word natively.
    Returned(u64),
    /// The interpreter finished the call after materializing frames: the outcome of the
    /// nearest real frame's call waits in `JitState::lean_forced` (lean callers leave).
    Forced,
    /// Not a lean call: the caller runs it some other way.
    Declined,
}

/// Everything a lean call of one function needs, worked out once per tree shape (again
/// when a side trace joins the tree), so a call does no lookup beyond finding it: the
/// caller's own plan for self-recursion, else one map lookup by code object.
pub(crate) struct LeanPlan {
    tree: Rc<LoopTrace>,
    root: Rc<TreeMember>,
    /// The code object and globals the tree was recorded with (a function whose
    /// `__code__` was replaced is another function).
    code: Value,
    globals: Value,
    /// The tree's member count when this plan was made.
    members: usize,
    returns: ReturnSlots,
    pub(crate) nargs: usize,
    /// The tree's home count, its globals homes, and what each home's slot starts with
    /// (an argument, a global's value, else NULL).
    nhomes: usize,
    global_homes: Vec<usize>,
    init: Vec<SlotInit>,
    /// Whether a member stores into a globals home (a call must store them first, a
    /// return that changed one leaves through the frame).
    has_globals: bool,
    /// The most frames the tree's `FrameRoom` dependencies want above the callee.
    room: usize,
    /// Whether the tree's self-call sites may call natively (`lean_native`).
    native_ok: bool,
}

/// What a lean run's slot starts with.
#[derive(Clone, Copy)]
enum SlotInit {
    Null,
    /// Argument `i`.
    Arg(usize),
    /// The global's current value.
    Global,
}

impl LeanPlan {
    /// Whether the plan still describes `tree`'s current shape.
    fn current(&self) -> bool {
        self.tree
            .members
            .try_borrow()
            .is_ok_and(|m| m.len() == self.members)
    }

    /// Whether `f` is the plan's function (same code and globals).
    fn serves(&self, f: &crate::types::function::FunctionData) -> bool {
        f.code.try_borrow().is_ok_and(|c| c.is(&self.code)) && f.globals.is(&self.globals)
    }
}

/// One lean run's native storage: its trace context, slot array and entry words. A
/// context carries a body-entry buffer of hundreds of bytes, too much to clear on every
/// call of a small function, and a slot array needs only its first `nhomes` words set.
pub(crate) struct LeanRecord {
    ctx: pyrite_jit::TraceContext,
    slots: [u64; MAX_HOMES],
    entry: [u64; MAX_HOMES],
}

/// The lean runs' records, one per run nesting depth: every run in progress is on the
/// `residual::active` chain at its own depth, so the run at depth `d` owns record `d`
/// until it returns (a lean run's exit is handled before anything can start another run
/// at its depth). Made at the first lean call, never resized: native code and the chain's
/// states hold addresses into it.
#[derive(Default)]
pub(crate) struct Records(Option<Box<[UnsafeCell<LeanRecord>]>>);

impl Records {
    /// The record of the run at nesting depth `depth`.
    #[inline(always)]
    fn at(&mut self, depth: usize) -> Option<*mut LeanRecord> {
        if self.0.is_none() {
            self.0 = Some(Self::table());
        }
        self.0.as_ref()?.get(depth).map(UnsafeCell::get)
    }

    /// A fresh table (only its contexts' body buffers are ever read before being set).
    #[cold]
    fn table() -> Box<[UnsafeCell<LeanRecord>]> {
        (0..=MAX_NESTING)
            .map(|_| {
                UnsafeCell::new(LeanRecord {
                    ctx: pyrite_jit::TraceContext::new(
                        std::ptr::null_mut(),
                        std::ptr::null(),
                        std::ptr::null_mut(),
                    ),
                    slots: [0; MAX_HOMES],
                    entry: [0; MAX_HOMES],
                })
            })
            .collect()
    }
}

/// Whether a function tree may run leanly: no member calls a helper that may run Python
/// (other than residual calls, which materialize first), and every home is a slot of its
/// frame or of an inlined one.
pub(crate) fn tree_is_lean(tree: &LoopTrace) -> bool {
    let homes_ok = tree.homes.try_borrow().is_ok_and(|h| {
        h.len() <= MAX_HOMES
            && h.iter().all(|h| {
                matches!(
                    h,
                    Home::Frame(_) | Home::Virtual { .. } | Home::Global { .. }
                )
            })
    });
    homes_ok
        && tree.members.borrow().iter().all(|m| {
            m.trace.insts.iter().all(|inst| {
                inst.op != Op::Call
                    || matches!(inst.imm, pyrite_ir::Imm::Helper(id) if m.trace.helper(id).is_some_and(|h| {
                        h.effect != Effect::MayCall || residual::NAMES.contains(&h.name.as_str())
                    }))
            })
        })
}

/// The plan for a lean call of the function word `callee` from `caller`, if it has one.
/// Self-recursion (the caller's own function) is looked up in `call`.
fn plan_for(vm: &mut Vm, caller: &RunState, callee: u64) -> Option<(Value, Rc<LeanPlan>)> {
    with_word(callee, |v| {
        let f = v.as_function()?;
        if let Some(lean) = &caller.lean
            && lean.plan.serves(f)
            && lean.plan.current()
        {
            return Some((v.clone(), lean.plan.clone()));
        }
        let code = f.code.try_borrow().ok()?.clone();
        let state = vm.jit.functions.get_mut(&code.bits())?;
        let (plan, fresh) = state.lean_plan(f, &code)?;
        if fresh && vm.jit.log_enabled() && vm.jit.lean_logged.insert(code.bits()) {
            let label = plan.tree.label.clone();
            let how = match plan.native_ok {
                true => ", self-calls direct",
                false => "",
            };
            vm.jit
                .log(format_args!("{label} called natively (lean{how})"));
        }
        Some((v.clone(), plan))
    })
}

/// Calls `callee` (a value word) with `self_or_null` and `args` leanly if it can;
/// `caller` is the state of the run making the call, which just stored globals into their
/// dicts if `globals_stored`.
#[inline(always)]
pub(crate) fn call(
    vm: &mut Vm,
    caller: *mut RunState,
    callee: u64,
    self_or_null: u64,
    args: &[u64],
    globals_stored: bool,
) -> Lean {
    // SAFETY: `caller` is the running state whose native code called the helper that
    // called this; it stays on the stack until that helper returns.
    let caller_ref = unsafe { &*caller };
    if caller_ref.depth >= MAX_NESTING {
        return Lean::Declined;
    }
    let self_call = caller_ref
        .lean
        .as_ref()
        .is_some_and(|l| l.func.bits() == callee);
    let found = match &caller_ref.lean {
        // Self-recursion: the caller's plan served this function when the caller started,
        // and no Python code (which alone could replace `__code__` or grow the tree) ran
        // since.
        Some(lean) if lean.func.bits() == callee => Some((lean.func.clone(), lean.plan.clone())),
        _ => plan_for(vm, caller_ref, callee),
    };
    let Some((mut func, mut plan)) = found else {
        return Lean::Declined;
    };
    let mut words = [0u64; 8];
    let mut nargs = usize::from(self_or_null != 0);
    words[0] = self_or_null;
    for &w in args {
        if let Some(slot) = words.get_mut(nargs) {
            *slot = w;
        }
        nargs += 1;
    }
    if nargs > words.len() || plan.nargs > words.len() {
        return Lean::Declined;
    }
    if nargs < plan.nargs {
        // The missing trailing parameters take the last defaults: words borrowed from the
        // defaults tuple, which only Python code could replace (materializing first, and
        // frames own their values).
        let filled = func.as_function().is_some_and(|f| {
            let defaults = f.defaults.borrow();
            let Some(items) = defaults.as_tuple() else {
                return false;
            };
            let missing = plan.nargs - nargs;
            let Some(first) = items.len().checked_sub(missing) else {
                return false;
            };
            for (slot, v) in words[nargs..plan.nargs].iter_mut().zip(&items[first..]) {
                *slot = v.bits();
            }
            true
        });
        if !filled {
            return Lean::Declined;
        }
        nargs = plan.nargs;
    }
    if nargs != plan.nargs {
        return Lean::Declined;
    }
    let lean_depth = caller_ref.lean_depth + 1;
    let frames_after = vm.frames.len() + lean_depth;
    if frames_after + plan.room >= vm.recursion_limit {
        return Lean::Declined;
    }
    // A caller running the same tree proved its dependencies at entry, and nothing but
    // native code (or its own stores, just written) ran since: self-recursion skips them.
    let same_tree = std::ptr::eq(caller_ref.tree, Rc::as_ptr(&plan.tree)) && !globals_stored;
    if !same_tree
        && !plan
            .tree
            .deps
            .try_borrow()
            .is_ok_and(|d| exec::deps_hold(vm, &d))
    {
        return Lean::Declined;
    }
    let Some(record) = vm.jit.lean_records.at(caller_ref.depth + 1) else {
        return Lean::Declined;
    };
    // SAFETY: the plan, kept for the whole call (in the run's state while it runs), keeps
    // its tree alive.
    let tree: &LoopTrace = unsafe { &*Rc::as_ptr(&plan.tree) };
    let mut homes_guard = None;
    let homes: &[Home] = if self_call {
        // SAFETY: the caller runs this very plan, over the same homes; the first lean
        // activation of this chain of self-calls (made through `plan_for`) holds them
        // borrowed in its own `lean::call` until after this call returns.
        unsafe { std::slice::from_raw_parts(caller_ref.homes, caller_ref.nhomes) }
    } else {
        match tree.homes.try_borrow() {
            Ok(h) => homes_guard.insert(h),
            Err(_) => return Lean::Declined,
        }
    };
    let nhomes = plan.nhomes;
    if homes.len() != nhomes || nhomes > MAX_HOMES {
        return Lean::Declined;
    }
    // SAFETY: the record belongs to the run this call starts (see `Records`); nothing else
    // refers to it until that run's exit is handled below.
    let (ctx, slots, entry_words) = unsafe {
        let r = &mut *record;
        (&mut r.ctx, &mut r.slots[..nhomes], &mut r.entry[..nhomes])
    };
    // With the same tree, the caller's slot array has the same homes (a global's slot
    // agrees with its dict: the caller just stored its globals).
    let caller_slots = match same_tree {
        // SAFETY: as above; the caller's slot array has `nhomes` words.
        true => unsafe { std::slice::from_raw_parts(caller_ref.slots, caller_ref.nhomes) },
        false => &[],
    };
    // One pass, no memset/memcpy calls: most functions have a handful of homes.
    for (k, (init, (slot, entry))) in plan
        .init
        .iter()
        .zip(slots.iter_mut().zip(entry_words.iter_mut()))
        .enumerate()
    {
        let word = match *init {
            SlotInit::Null => 0,
            SlotInit::Arg(i) => words.get(i).copied().unwrap_or(0),
            SlotInit::Global => match caller_slots.get(k) {
                Some(&w) => w,
                None => match homes.get(k).and_then(|h| exec::home_word(vm, 0, h)) {
                    Some(w) => w,
                    None => return Lean::Declined,
                },
            },
        };
        (*slot, *entry) = (word, word);
    }
    let Some(trampoline) = vm
        .jit
        .compiler
        .as_ref()
        .map(|c| c.trampoline() as *const pyrite_jit::code::Trampoline)
    else {
        return Lean::Declined;
    };
    // One buffer for every lean run: an exit's virtual fields are read right after it,
    // before any other trace runs.
    ctx.slots = slots.as_mut_ptr();
    ctx.interrupt = vm.interrupt.as_ptr() as *const u8;
    ctx.error = 0;
    ctx.virtuals = vm.jit.lean_virtuals.as_mut_ptr();
    ctx.body_entry = 0;
    // Native self-calls (`lean_native`): the levels `call` would allow above this one.
    ctx.native_top = 0;
    ctx.lean_func = func.bits();
    // Records are shared by every run at a depth: a return code another tree left here
    // could name one of this tree's other exits.
    ctx.ret_code = u64::MAX;
    ctx.native_budget = match plan.native_ok {
        true => (MAX_NESTING - (caller_ref.depth + 1).min(MAX_NESTING)).min(
            vm.recursion_limit
                .saturating_sub(frames_after + plan.room + 1),
        ) as i64,
        false => 0,
    };
    let stressed = vm.jit.params.fail_guard_every != 0;
    ctx.stress_countdown = match stressed {
        true => vm.jit.stress_countdown,
        false => i64::MAX,
    };
    // The plan (kept by the state below for the whole run) keeps the root alive.
    let root: *const TreeMember = Rc::as_ptr(&plan.root);
    let exit = {
        // Never dropped: a lean run's state keeps no pending call (`residual` hands a
        // lean caller's outcome over through `lean_forced`) once its frame is taken back.
        let mut state = std::mem::ManuallyDrop::new(RunState {
            vm,
            ctx: &mut *ctx,
            tree,
            homes: homes.as_ptr(),
            nhomes,
            slots: slots.as_mut_ptr(),
            entry_words: entry_words.as_mut_ptr(),
            frame: usize::MAX,
            pending: None,
            outer: std::ptr::null_mut(),
            depth: 0,
            has_globals: plan.has_globals,
            lean: Some(LeanFrame { func, plan }),
            lean_depth,
            call_pc: 0,
            call_below: 0,
        });
        let exit = residual::enter(
            &mut state,
            trampoline,
            // SAFETY: see `root` above.
            unsafe { &(*root).compiled },
            ctx,
        );
        if state.pending.is_some() {
            drop(state.pending.take());
        }
        let Some(LeanFrame { func: f, plan: p }) = state.lean.take() else {
            return Lean::Declined;
        };
        (func, plan) = (f, p);
        exit
    };
    if stressed {
        vm.jit.stress_countdown = if ctx.stress_countdown <= 0 {
            i64::from(vm.jit.params.fail_guard_every.max(1))
        } else {
            ctx.stress_countdown
        };
    }
    if vm.jit.lean_forced.is_some() {
        // A call below materialized this activation and the interpreter finished it.
        return Lean::Forced;
    }
    drop(homes_guard);
    finish(
        vm,
        caller,
        &func,
        &plan,
        &words[..nargs],
        exit,
        (slots, entry_words),
    )
}

/// What follows a lean run of `plan`'s tree (`func` called with `args`) that left through
/// exit `exit` with `slots` (started from `entry_words`): the result of a return, else
/// frames for every lean activation and the interpreter's outcome (`Lean::Forced`).
#[inline(always)]
pub(crate) fn finish(
    vm: &mut Vm,
    caller: *mut RunState,
    func: &Value,
    plan: &LeanPlan,
    args: &[u64],
    exit: u32,
    (slots, entry_words): (&mut [u64], &mut [u64]),
) -> Lean {
    let member = (exit >> EXIT_MEMBER_SHIFT) as usize;
    let exit = (exit & ((1 << EXIT_MEMBER_SHIFT) - 1)) as usize;
    // A return that stored a global leaves through the frame, which writes it back.
    let globals_clean = !plan.has_globals
        || plan
            .global_homes
            .iter()
            .all(|&k| slots.get(k) == entry_words.get(k));
    if globals_clean
        && let Some(Some(r)) = plan.returns.get(member).and_then(|m| m.get(exit))
        && let Some(word) = r.word(vm, slots)
    {
        return Lean::Returned(word);
    }
    leave_through_frames(
        vm,
        caller,
        &plan.tree,
        plan,
        func,
        args,
        (member, exit),
        (slots, entry_words),
    )
}

/// A lean run left through an exit other than a return: frames for every lean activation,
/// then the callee's (`func` called with `args`) from the exit, and the interpreter
/// finishes them. Out of line: the hot path recurses once per Python level.
#[cold]
#[inline(never)]
#[allow(clippy::too_many_arguments)]
fn leave_through_frames(
    vm: &mut Vm,
    caller: *mut RunState,
    tree: &Rc<LoopTrace>,
    plan: &LeanPlan,
    func: &Value,
    args: &[u64],
    (member, exit): (usize, usize),
    (slots, entry_words): (&[u64], &[u64]),
) -> Lean {
    let Some(exited) = tree.members.borrow().get(member).cloned() else {
        return Lean::Declined;
    };
    let Some(code_obj) = plan.code.as_code() else {
        return Lean::Declined;
    };
    // SAFETY: as in `call`.
    let caller_is_lean = unsafe { (*caller).lean.is_some() };
    materialize(vm, caller, None);
    let mut values: Vec<Value> = args.iter().map(|&w| clone_trace_word(w)).collect();
    values.resize(code_obj.localsplus_len(), Value::NULL);
    let values = values.into_iter().enumerate().collect();
    frames::push_function_frame(vm, func, values, 0, 0, 0, !caller_is_lean);
    {
        let homes = tree.homes.borrow();
        let nhomes = homes.len();
        let virtual_words = vm.jit.lean_virtuals.clone();
        exec::deoptimize_lean(
            vm,
            &exited,
            &homes,
            exit,
            &slots[..nhomes],
            &entry_words[..nhomes],
            &virtual_words[..],
        );
    }
    vm.jit_exit_taken(tree, member, exit);
    vm.jit_log_last_exit();
    let outcome = run_materialized(vm);
    vm.jit.lean_forced = Some(outcome);
    Lean::Forced
}

/// Per member and exit of a tree: where a return exit finds its result.
pub(crate) type ReturnSlots = Vec<Vec<Option<ReturnSlot>>>;

/// Where a return exit of a lean tree finds its result.
pub(crate) enum ReturnSlot {
    /// `RETURN_CONST`: this immediate.
    Const(u64),
    /// `RETURN_VALUE`: slot `k` holds the result, unboxed as `ty`.
    Slot { k: usize, ty: Type },
}

impl ReturnSlot {
    /// The result as an immediate word (a heap result leaves through the frame).
    #[inline(always)]
    fn word(&self, vm: &Vm, slots: &[u64]) -> Option<u64> {
        let (k, ty) = match self {
            ReturnSlot::Const(w) => return Some(*w),
            ReturnSlot::Slot { k, ty } => (*k, *ty),
        };
        let raw = *slots.get(k)?;
        let value = match ty {
            Type::I64 => vm.new_int(raw as i64),
            Type::F64 => vm.new_float(f64::from_bits(raw)),
            Type::Bool => Value::from_bool(raw != 0),
            _ => {
                let v = clone_trace_word(raw);
                return (!v.is_heap() && !v.is_null()).then(|| v.bits());
            }
        };
        (!value.is_heap()).then(|| value.bits())
    }
}

/// For every exit of every member of `tree`: where its result is, if the exit is a return
/// of the function's own frame.
fn return_slots(tree: &LoopTrace, code: &crate::types::code::CodeObject) -> ReturnSlots {
    let homes = tree.homes.borrow();
    let members = tree.members.borrow();
    members
        .iter()
        .map(|m| return_points(&m.trace, &homes, code))
        .collect()
}

/// For every exit of `trace` (a member of a function tree over `homes`): where its result
/// is, if the exit is a return of the function's own frame.
pub(crate) fn return_points(
    trace: &pyrite_ir::Trace,
    homes: &[Home],
    code: &crate::types::code::CodeObject,
) -> Vec<Option<ReturnSlot>> {
    let top = code.localsplus_len();
    let top_home = homes
        .iter()
        .position(|h| matches!(h, Home::Frame(i) if *i == top));
    trace
        .snapshots
        .iter()
        .map(|snapshot| {
            if snapshot.frames.len() != 1 || !snapshot.virtuals.is_empty() {
                return None;
            }
            let frame = snapshot.frames.first()?;
            let (byte, arg) = split_unit(code.units.get(frame.pc as usize)?.get());
            match Opcode::from_u8(byte)?.generic() {
                Opcode::RETURN_CONST if frame.stack_depth == 0 => {
                    let c = code.consts.get(arg as usize)?;
                    (!c.is_heap() && !c.is_null()).then(|| ReturnSlot::Const(c.bits()))
                }
                Opcode::RETURN_VALUE if frame.stack_depth == 1 => {
                    let k = top_home?;
                    let &(_, SnapValue::Ref(r)) =
                        frame.slots.iter().find(|(s, _)| *s as usize == k)?
                    else {
                        return None;
                    };
                    Some(ReturnSlot::Slot {
                        k,
                        ty: trace.type_of(r),
                    })
                }
                _ => None,
            }
        })
        .collect()
}

/// Gives every lean activation from `innermost` out to the nearest real frame an
/// interpreter frame, each suspended in its `CALL` (the outermost is the interpreter's
/// entry frame, returning to the real frame's call); the real frame is flushed first.
/// With `reexecute` (the callee, self or NULL, the arguments), the innermost frame stands
/// *at* its `CALL` with those operands, for the interpreter to make the call.
pub(crate) fn materialize(vm: &mut Vm, innermost: *mut RunState, reexecute: Option<&[u64]>) {
    let mut chain = Vec::new();
    let mut p = innermost;
    // SAFETY: the ACTIVE chain's states all live on the native stack below this call.
    unsafe {
        while !p.is_null() && (*p).lean.is_some() {
            chain.push(p);
            p = (*p).outer;
        }
        if !p.is_null() {
            residual::flush(vm, &*p);
            if let Some(frame) = vm.frames.get_mut((*p).frame) {
                frame.lasti = (*p).call_pc;
            }
        }
    }
    let count = chain.len();
    for (n, &s) in chain.iter().rev().enumerate() {
        // SAFETY: as above; the homes and slot array belong to that state's run.
        let (func, values, depth, pc) = unsafe {
            let s = &*s;
            let Some(lean) = &s.lean else { continue };
            let homes = std::slice::from_raw_parts(s.homes, s.nhomes);
            let slots = std::slice::from_raw_parts(s.slots, s.nhomes);
            let Some(code) = lean.func.as_function().map(|f| f.code.borrow().clone()) else {
                continue;
            };
            let Some(code_obj) = code.as_code() else {
                continue;
            };
            let nlocals = code_obj.localsplus_len();
            let depth = nlocals + s.call_below;
            let entry = std::slice::from_raw_parts(s.entry_words, s.nhomes);
            write_globals(homes, slots, entry);
            let mut values = vec![Value::NULL; code_obj.frame_size()];
            for (k, home) in homes.iter().enumerate() {
                if let Home::Frame(i) = home
                    && *i < depth
                    && let Some(v) = values.get_mut(*i)
                {
                    *v = clone_trace_word(slots[k]);
                }
            }
            let mut depth = s.call_below;
            if n + 1 == count
                && let Some(operands) = reexecute
            {
                for &w in operands {
                    if let Some(v) = values.get_mut(nlocals + depth) {
                        *v = clone_trace_word(w);
                    }
                    depth += 1;
                }
            }
            (lean.func.clone(), values, depth, s.call_pc)
        };
        let reexecuted = n + 1 == count && reexecute.is_some();
        let code = func
            .as_function()
            .map(|f| f.code.borrow().clone())
            .unwrap_or_default();
        let ip = match reexecuted {
            true => pc,
            false => frames::after(&code, pc),
        };
        let values = values.into_iter().enumerate().collect();
        frames::push_function_frame(vm, &func, values, depth, ip, pc, n == 0);
    }
}

/// Stores the globals homes a lean activation changed into their dicts (a residual call
/// stored them boxed into its slot array first).
fn write_globals(homes: &[Home], slots: &[u64], entry: &[u64]) {
    let mut released = Vec::new();
    for (k, home) in homes.iter().enumerate() {
        if let Home::Global { dict, index } = home
            && slots.get(k) != entry.get(k)
            && let Some(d) = dict.as_dict()
            && let Ok(mut table) = d.try_borrow_mut()
            && let Some(old) = table.set_value_at(*index, clone_trace_word(slots[k]))
        {
            released.push(old);
        }
    }
    drop(released);
}

/// Runs the materialized frames in the interpreter until the entry frame returns.
pub(crate) fn run_materialized(vm: &mut Vm) -> PyResult<Value> {
    vm.enter_native()?;
    let outcome = vm.eval();
    vm.leave_native();
    outcome
}

impl crate::jit::entry::FunctionState {
    /// The plan for a lean call of `f` (whose code object is `code`), if lean calls may
    /// run its tree; `true` with a plan made just now.
    pub(crate) fn lean_plan(
        &mut self,
        f: &crate::types::function::FunctionData,
        code: &Value,
    ) -> Option<(Rc<LeanPlan>, bool)> {
        let tree = self.tree.as_ref()?;
        if !self.globals.is(&f.globals) || !self.simple_signature {
            return None;
        }
        let shape = (
            Rc::as_ptr(tree) as usize,
            tree.members.try_borrow().ok()?.len(),
        );
        if shape == self.lean_checked {
            return self.lean_plan.clone().map(|p| (p, false));
        }
        self.lean_checked = shape;
        self.lean_plan = make_plan(tree, code, &self.globals).map(Rc::new);
        self.lean_plan.clone().map(|p| (p, true))
    }
}

/// Whether a member of the tree stores into one of `globals` (a `store_slot`, or an exit
/// leaving a value there). A lean activation never resumes after its tree changed (Python
/// code, which records side traces, only runs once every lean activation is leaving), so
/// the plan's verdict holds for its whole run.
fn stores_globals(members: &[Rc<TreeMember>], globals: &[usize]) -> bool {
    let is_global = |slot: u32| globals.contains(&(slot as usize));
    members.iter().any(|m| {
        m.trace.insts.iter().any(|i| {
            i.op == Op::StoreSlot && matches!(i.imm, pyrite_ir::Imm::Slot(s) if is_global(s))
        }) || m.trace.snapshots.iter().any(|s| {
            s.frames
                .iter()
                .any(|f| f.slots.iter().any(|&(slot, _)| is_global(slot)))
        })
    })
}

/// Works out a lean call's plan for `tree`, recorded for `code` over `globals`.
fn make_plan(tree: &Rc<LoopTrace>, code: &Value, globals: &Value) -> Option<LeanPlan> {
    if !tree_is_lean(tree) {
        return None;
    }
    let code_obj = code.as_code()?;
    let nargs = code_obj.data.arg_count as usize;
    let homes = tree.homes.try_borrow().ok()?;
    let global_homes: Vec<usize> = homes
        .iter()
        .enumerate()
        .filter_map(|(k, h)| matches!(h, Home::Global { .. }).then_some(k))
        .collect();
    let nhomes = homes.len();
    let init = homes
        .iter()
        .map(|h| match h {
            Home::Frame(i) if *i < nargs => SlotInit::Arg(*i),
            Home::Global { .. } => SlotInit::Global,
            _ => SlotInit::Null,
        })
        .collect();
    drop(homes);
    let room = tree
        .deps
        .try_borrow()
        .ok()?
        .iter()
        .filter_map(|d| match d {
            Dep::FrameRoom(n) => Some(*n),
            _ => None,
        })
        .max()
        .unwrap_or(0);
    let members = tree.members.try_borrow().ok()?;
    let has_globals = stores_globals(&members, &global_homes);
    let native_ok = tree
        .native
        .allows(&tree.homes.try_borrow().ok()?, nargs, has_globals);
    Some(LeanPlan {
        tree: tree.clone(),
        root: members.first()?.clone(),
        code: code.clone(),
        globals: globals.clone(),
        members: members.len(),
        returns: return_slots(tree, code_obj),
        nargs,
        nhomes,
        has_globals,
        global_homes,
        init,
        room,
        native_ok,
    })
}
