//! Native nest transfers: a trace's loop-call exit runs the inner loop's tree from native
//! code and, when that tree leaves through its loop's end, goes on in the outer tree's
//! continuation natively (LuaJIT links the outer side trace to the inner trace; PyPy's
//! loops call inner loops through `call_assembler`).
//!
//! ```text
//! outer trace ─ exit k (loop call) ─▶ exit_slots[k] = nest bridge stub ─▶ nest_bridge():
//!   box the exit's values (immediates only) │ inner slot array from them + the setup
//!   run the inner root (its side traces too)│ loop-end exit: results into the outer
//!   slot array, locals only the inner loop wrote into the frame ─▶ tail-call continuation
//!   any other inner exit: stash it, leave through exit k ─▶ VM: outer write-back, setup,
//!   the stashed inner exit's write-back, as if the driver had run the inner tree itself
//! ```
//!
//! Nothing is written before the bridge knows which way it goes: the outer slot array is
//! only updated (and locals only the inner loop wrote are stored into the frame) once the
//! inner tree ended at its loop's end (a `for` loop's exhausted `FOR_ITER`; for a `while`
//! loop, an exit to a pc the outer tree continues at) and every result boxed without allocating; otherwise
//! the outer exit is taken as usual and the driver replays the inner run from the stash
//! (`Vm::jit_apply_stash`). The inner tree must call no helper that may run Python code,
//! so nothing can look at the frame while the two trees' states are only in slot arrays.

#![allow(unsafe_code)]

use std::cell::RefCell;
use std::rc::{Rc, Weak};

use pyrite_ir::{Effect, Op, SnapValue, Type};

use crate::builtins::iterators::new_iterator;
use crate::jit::exec::{deps_hold, home_word};
use crate::jit::glue::{clone_trace_word, with_word};
use crate::jit::nest::{Continuation, LoopCall, Setup, may_continue};
use crate::jit::recorder::iter::IterField;
use crate::jit::recorder::{Home, RangeField};
use crate::jit::residual::{self, RunState};
use crate::jit::{EXIT_MEMBER_SHIFT, LoopTrace, TreeMember};
use crate::object::{Payload, Value};
use crate::types::iter::IterState;
use crate::vm::Vm;

/// An inner tree's run that a bridge started but did not finish natively: its exit, to be
/// written back once the outer tree's exit and the loop's setup are.
pub(crate) struct NestStash {
    pub inner: Rc<LoopTrace>,
    pub exit: u32,
    pub slots: Vec<u64>,
    pub entry: Vec<u64>,
    pub virtuals: Vec<u64>,
    /// The iterator object the inner tree ran with, which the setup puts in the frame.
    pub iterator: Option<Value>,
}

/// Whether an inner tree may run from a bridge, as last checked (per loop call).
#[derive(Clone, Debug, Default)]
pub(crate) struct NativeCheck {
    tree: Weak<LoopTrace>,
    members: usize,
    globals: u64,
    ok: bool,
    /// `--jit-log` reported the first native run.
    logged: bool,
    /// How to move values between the two trees' slot arrays (`None`: not made yet).
    plan: Option<Rc<Plan>>,
    /// An iterator object no one else holds, reused by the next bridge (the type of the
    /// sequence it was made for, and the object, exhausted while cached).
    iterator: Option<(u64, Value)>,
    /// What the last transfers found (see [`Fast`]).
    fast: Option<Rc<Fast>>,
}

/// The cache of a loop call's [`NativeCheck`].
pub(crate) type NativeCache = Rc<RefCell<Option<NativeCheck>>>;

/// The word of `raw` (an exit's unboxed value of type `ty`) as an immediate value word;
/// `None` if boxing it would allocate (a big int, a NaN).
fn box_word(ty: Type, raw: u64) -> Option<u64> {
    match ty {
        Type::I64 => Value::try_small_int(raw as i64).map(|v| v.bits()),
        Type::F64 => Value::try_float(f64::from_bits(raw)).map(|v| v.bits()),
        Type::Bool => Some(Value::from_bool(raw != 0).bits()),
        Type::Value | Type::Ptr => Some(raw),
        Type::Void => None,
    }
}

/// Whether two homes are the same place.
fn same_home(a: &Home, b: &Home) -> bool {
    match (a, b) {
        (Home::Frame(x), Home::Frame(y)) => x == y,
        (Home::Global { dict: d, index: i }, Home::Global { dict: e, index: j }) => {
            d.is(e) && i == j
        }
        (Home::Range { slot: s, field: f }, Home::Range { slot: t, field: g }) => s == t && f == g,
        (Home::Iter(x), Home::Iter(y)) => x == y,
        (Home::Virtual { depth: d, slot: s }, Home::Virtual { depth: e, slot: t }) => {
            d == e && s == t
        }
        _ => false,
    }
}

/// Whether `tree` may run from a bridge: a loop tree none of whose members calls a helper
/// that may run Python code, with no globals homes outside `globals`.
fn runs_natively(tree: &LoopTrace, globals: &Value) -> bool {
    !tree.function_entry
        && tree.homes.try_borrow().is_ok_and(|homes| {
            homes
                .iter()
                .all(|h| !matches!(h, Home::Global { dict, .. } if !dict.is(globals)))
        })
        && tree.members.try_borrow().is_ok_and(|members| {
            members.iter().all(|m| {
                m.trace.insts.iter().all(|inst| {
                    inst.op != Op::Call
                        || matches!(inst.imm, pyrite_ir::Imm::Helper(id)
                            if m.trace.helper(id).is_some_and(|h| h.effect != Effect::MayCall))
                })
            })
        })
}

/// [`runs_natively`], cached in the loop call until the tree or its members change.
fn cached_runs_natively(cache: &NativeCache, tree: &Rc<LoopTrace>, globals: &Value) -> bool {
    let members = tree.members.try_borrow().map_or(0, |m| m.len());
    if let Ok(known) = cache.try_borrow()
        && let Some(c) = known.as_ref()
        && c.members == members
        && c.globals == globals.bits()
        && std::ptr::eq(c.tree.as_ptr(), Rc::as_ptr(tree))
    {
        return c.ok;
    }
    let ok = runs_natively(tree, globals);
    let Ok(mut known) = cache.try_borrow_mut() else {
        return false;
    };
    *known = Some(NativeCheck {
        tree: Rc::downgrade(tree),
        members,
        globals: globals.bits(),
        ok,
        logged: false,
        plan: None,
        iterator: None,
        fast: None,
    });
    ok
}

/// How the inner loop's iterator starts (what the setup would make).
#[derive(Clone, Copy)]
enum Start {
    /// A list or tuple iterator over `seq` (a value word) at position 0.
    Seq { seq: u64 },
    /// A range iterator.
    Range { next: i64, stop: i64, step: i64 },
    /// A `while` loop: no iterator, the inner tree starts from the outer state as it is.
    While,
}

/// Where a result of the inner loop goes once it ended natively.
#[derive(Clone, Copy)]
enum Update {
    /// The outer slot array's home `h`.
    Outer(usize, u64),
    /// Frame slot `i` (a local only the inner loop uses).
    Frame(usize, u64),
    /// A global only the inner loop uses: inner home `h`.
    Global(usize, u64),
}

/// Where the word of one inner home comes from at a bridge.
#[derive(Clone, Copy, Debug)]
enum Source {
    /// The outer slot array's home (a value word there: not in the exit's snapshot).
    Outer(usize),
    /// The outer exit's unboxed value of `Plan::outer_boxing[.0]`, boxed.
    Boxed(usize),
    /// The frame's slot (no outer home has it, so the frame is current).
    Stack(usize),
    /// Read like an entry would (`home_word`): a global or an enclosing iterator the outer
    /// tree does not keep.
    Read,
    /// A dead stack entry or a virtual frame's slot.
    Null,
    Seq,
    Index,
    Next,
    Stop,
    Step,
    /// The iterator object.
    Iterator,
}

/// Where an inner home's result goes once its loop ended natively (if it changed).
#[derive(Clone, Copy, Debug)]
enum Sink {
    Outer(usize),
    Frame(usize),
    Global,
    /// Dies with the loop (its iterator, its stack, virtual frames).
    Dead,
    /// Cannot change in a loop that ends normally; if it did, the driver takes over.
    Fail,
    /// A `while` loop's value-stack entry above its entry depth (frame slot `.0`): dead at
    /// entry, and at the exit the outer home `.1` if the exit's stack holds it.
    Stack(usize, Option<usize>),
}

/// How a loop call's bridge maps the two trees' homes, made once per pair of home lists.
#[derive(Debug)]
pub(crate) struct Plan {
    outer_nhomes: usize,
    inner_nhomes: usize,
    /// The frame slots the setup reads (`seq`, or `range`, NULL and the arguments).
    setup: Vec<Source>,
    sources: Vec<Source>,
    sinks: Vec<Sink>,
    /// The inner homes of the iterator's position, stop and step.
    position: usize,
    stop: Option<usize>,
    step: Option<usize>,
    needs_iterator: bool,
    /// Whether every member only checks that the iterator's word is an object (and no
    /// exit writes it back): then the inner tree gets a placeholder object's word instead
    /// of a new iterator, and only an inner run the driver finishes makes one.
    iterator_unread: bool,
    /// The outer exit's snapshot values of frame and globals homes: unboxed in the slot
    /// array, boxed for the inner tree and, when the inner loop ended, for the continuation.
    outer_boxing: Vec<(usize, Type)>,
    /// The inner homes whose source is not NULL (the rest start as NULL words), and those
    /// whose sink is not dead and which some member of the inner tree may write (a tree
    /// with inlined calls has many homes, of which a loop's end changes a few).
    filled: Vec<usize>,
    live: Vec<usize>,
}

impl Plan {
    /// Fills [`Plan::filled`] and [`Plan::live`] from the sources and sinks, and from the
    /// homes `inner`'s members write: their exits' snapshot values (side traces' links
    /// box theirs too) and their `store_slot`s. The plan is remade when a member joins.
    fn index(mut self, inner: &LoopTrace) -> Option<Plan> {
        let mut written = vec![false; self.inner_nhomes];
        let mut mark = |h: u32| {
            if let Some(w) = written.get_mut(h as usize) {
                *w = true;
            }
        };
        for member in inner.members.try_borrow().ok()?.iter() {
            let trace = &member.trace;
            for snapshot in &trace.snapshots {
                for frame in &snapshot.frames {
                    frame.slots.iter().for_each(|&(h, _)| mark(h));
                }
            }
            for inst in &trace.insts {
                if let (Op::StoreSlot, pyrite_ir::Imm::Slot(h)) = (inst.op, inst.imm) {
                    mark(h);
                }
            }
        }
        let iterator_home = self
            .sources
            .iter()
            .position(|s| matches!(s, Source::Iterator));
        self.iterator_unread = match iterator_home {
            Some(h) => inner
                .members
                .try_borrow()
                .ok()?
                .iter()
                .all(|m| only_type_checked(&m.trace, h as u32)),
            None => false,
        };
        self.filled = (0..self.sources.len())
            .filter(|&h| !matches!(self.sources[h], Source::Null))
            .collect();
        self.live = (0..self.sinks.len())
            .filter(|&h| !matches!(self.sinks[h], Sink::Dead) && written[h])
            .collect();
        Some(self)
    }
}

/// Whether `trace` uses the word of home `h` only to check that it is an object: every
/// use of its `load_slot`s is a `guard_type object`, nothing stores to it, and no snapshot
/// names the home or the loaded value (so an exit never writes it back).
fn only_type_checked(trace: &pyrite_ir::Trace, h: u32) -> bool {
    let loads: Vec<pyrite_ir::Ref> = trace
        .insts
        .iter()
        .enumerate()
        .filter(|(_, inst)| inst.op == Op::LoadSlot && inst.imm == pyrite_ir::Imm::Slot(h))
        .map(|(i, _)| pyrite_ir::Ref::inst(i))
        .collect();
    let loaded = |r: &pyrite_ir::Ref| loads.contains(r);
    let uses_ok = trace.insts.iter().all(|inst| match inst.op {
        Op::StoreSlot if inst.imm == pyrite_ir::Imm::Slot(h) => false,
        Op::GuardType if inst.imm == pyrite_ir::Imm::Tag(pyrite_ir::TypeTag::Object) => true,
        _ => !inst.args.iter().any(loaded),
    });
    let named = |v: &SnapValue| matches!(v, SnapValue::Ref(r) if loaded(r));
    uses_ok
        && trace.snapshots.iter().all(|snap| {
            snap.frames.iter().all(|f| {
                f.slots.iter().all(|(s, v)| *s != h && !named(v))
                    && f.function.as_ref().is_none_or(|r| !loaded(r))
            }) && snap.virtuals.iter().all(|v| !v.fields.iter().any(named))
        })
}

/// Which values of the outer exit's snapshot `snap` (of `trace`) must be boxed (see
/// [`Plan::outer_boxing`]), and `sources` re-pointed at them; `None` if one is virtual.
fn bind_outer_exit(
    plan: &mut Plan,
    homes: &[Home],
    trace: &pyrite_ir::Trace,
    snap: &pyrite_ir::SnapFrame,
) -> Option<()> {
    for &(h, value) in &snap.slots {
        let h = h as usize;
        if !matches!(homes.get(h), Some(Home::Frame(_) | Home::Global { .. })) {
            continue;
        }
        let SnapValue::Ref(r) = value else {
            return None;
        };
        plan.outer_boxing.push((h, trace.type_of(r)));
    }
    for source in plan.setup.iter_mut().chain(plan.sources.iter_mut()) {
        if let Source::Outer(h) = *source
            && let Some(j) = plan.outer_boxing.iter().position(|&(b, _)| b == h)
        {
            *source = Source::Boxed(j);
        }
    }
    Some(())
}

/// Makes the plan for `call`'s exit (stack depth `depth`) between `outer` and `inner`.
fn make_plan(
    outer: &[Home],
    inner: &[Home],
    nlocals: usize,
    depth: usize,
    setup: &Setup,
    inner_depth: usize,
) -> Option<Plan> {
    let find = |home: &Home| outer.iter().position(|h| same_home(h, home));
    let frame_source = |i: usize| match find(&Home::Frame(i)) {
        Some(h) => Source::Outer(h),
        None => Source::Stack(i),
    };
    if matches!(setup, Setup::None) {
        return make_while_plan(outer, inner, nlocals, depth, inner_depth);
    }
    let (iter_slot, nsetup, range) = match setup {
        Setup::GetIter => ((nlocals + depth).checked_sub(1)?, 1, false),
        Setup::Range { argc, .. } => ((nlocals + depth).checked_sub(argc + 2)?, argc + 2, true),
        Setup::None => return None,
    };
    if inner_depth + nlocals != iter_slot + 1 {
        return None;
    }
    let setup = (iter_slot..iter_slot + nsetup).map(frame_source).collect();
    let mut sources = Vec::with_capacity(inner.len());
    let mut sinks = Vec::with_capacity(inner.len());
    let (mut position, mut stop, mut step) = (None, None, None);
    let mut needs_iterator = false;
    for (k, home) in inner.iter().enumerate() {
        let (source, sink) = match home {
            Home::Iter(h) if h.slot == iter_slot => {
                let source = match (h.nested, h.field, range) {
                    (0, IterField::SeqObject, false) => Source::Seq,
                    (0, IterField::SeqIndex, false) => Source::Index,
                    (0, IterField::RangeNext, true) => Source::Next,
                    (0, IterField::RangeStop, true) => Source::Stop,
                    (0, IterField::RangeStep, true) => Source::Step,
                    _ => return None,
                };
                (source, Sink::Dead)
            }
            Home::Range { slot, field } if *slot == iter_slot && range => {
                let source = match field {
                    RangeField::Next => Source::Next,
                    RangeField::Stop => Source::Stop,
                    RangeField::Step => Source::Step,
                };
                (source, Sink::Dead)
            }
            Home::Frame(i) if *i > iter_slot => (Source::Null, Sink::Dead),
            Home::Frame(i) if *i == iter_slot => {
                needs_iterator = true;
                (Source::Iterator, Sink::Fail)
            }
            Home::Iter(h) if h.slot >= iter_slot => return None,
            Home::Range { slot, .. } if *slot >= iter_slot => return None,
            Home::Virtual { .. } => (Source::Null, Sink::Dead),
            Home::Frame(i) => {
                let sink = match (find(home), *i < nlocals) {
                    (Some(h), true) => Sink::Outer(h),
                    (None, true) => Sink::Frame(*i),
                    (_, false) => Sink::Fail,
                };
                (frame_source(*i), sink)
            }
            Home::Global { .. } => match find(home) {
                Some(h) => (Source::Outer(h), Sink::Outer(h)),
                None => (Source::Read, Sink::Global),
            },
            Home::Iter(_) | Home::Range { .. } => match find(home) {
                Some(h) => (Source::Outer(h), Sink::Fail),
                None => (Source::Read, Sink::Fail),
            },
        };
        match source {
            Source::Index | Source::Next => position = Some(k),
            Source::Stop => stop = Some(k),
            Source::Step => step = Some(k),
            _ => {}
        }
        sources.push(source);
        sinks.push(sink);
    }
    if range && (stop.is_none() || step.is_none()) {
        return None;
    }
    Some(Plan {
        outer_nhomes: outer.len(),
        inner_nhomes: inner.len(),
        setup,
        sources,
        sinks,
        position: position?,
        stop,
        step,
        needs_iterator,
        iterator_unread: false,
        outer_boxing: Vec::new(),
        filled: Vec::new(),
        live: Vec::new(),
    })
}

/// [`make_plan`] for a `while` inner loop: no setup and no iterator; the inner tree starts
/// at the depth the outer exit left, and the stack entries it pushes go to the outer tree's
/// homes of the same slots when its exit leaves them live.
fn make_while_plan(
    outer: &[Home],
    inner: &[Home],
    nlocals: usize,
    depth: usize,
    inner_depth: usize,
) -> Option<Plan> {
    if inner_depth != depth {
        return None;
    }
    let find = |home: &Home| outer.iter().position(|h| same_home(h, home));
    let stack_base = nlocals + depth;
    let mut sources = Vec::with_capacity(inner.len());
    let mut sinks = Vec::with_capacity(inner.len());
    for home in inner {
        let (source, sink) = match home {
            Home::Frame(i) if *i >= stack_base => (Source::Null, Sink::Stack(*i, find(home))),
            Home::Iter(h) if h.slot >= stack_base => return None,
            Home::Range { slot, .. } if *slot >= stack_base => return None,
            Home::Virtual { .. } => (Source::Null, Sink::Dead),
            Home::Frame(i) => {
                let source = match find(home) {
                    Some(h) => Source::Outer(h),
                    None => Source::Stack(*i),
                };
                let sink = match (find(home), *i < nlocals) {
                    (Some(h), true) => Sink::Outer(h),
                    (None, true) => Sink::Frame(*i),
                    (_, false) => Sink::Fail,
                };
                (source, sink)
            }
            Home::Global { .. } => match find(home) {
                Some(h) => (Source::Outer(h), Sink::Outer(h)),
                None => (Source::Read, Sink::Global),
            },
            Home::Iter(_) | Home::Range { .. } => match find(home) {
                Some(h) => (Source::Outer(h), Sink::Fail),
                None => (Source::Read, Sink::Fail),
            },
        };
        sources.push(source);
        sinks.push(sink);
    }
    Some(Plan {
        outer_nhomes: outer.len(),
        inner_nhomes: inner.len(),
        setup: Vec::new(),
        sources,
        sinks,
        position: usize::MAX,
        stop: None,
        step: None,
        needs_iterator: false,
        iterator_unread: false,
        outer_boxing: Vec::new(),
        filled: Vec::new(),
        live: Vec::new(),
    })
}

/// Buffers one bridge call uses (bridges nest with loops, so each takes its own).
#[derive(Default)]
pub(crate) struct Buffers {
    /// The boxed words of `Plan::outer_boxing`.
    boxed: Vec<u64>,
    slots: Vec<u64>,
    entry: Vec<u64>,
    updates: Vec<Update>,
    /// New values for frame slots (`None`) or globals entries, counted.
    stores: Vec<(usize, Option<Value>, Value)>,
    /// The inner run's context and the words its exit leaves virtual objects' fields in.
    ctx: Option<Box<pyrite_jit::TraceContext>>,
    virtuals: Vec<u64>,
}

/// The helper behind the nest bridge stub (`pyrite_jit::bridge`): exit `exit` of the
/// running trace was taken; answers the exit number to leave with, or the continuation's
/// address with `TAIL_CALL_FLAG`.
pub(crate) extern "C" fn nest_bridge(ctx: *mut pyrite_jit::TraceContext, exit: u32) -> u64 {
    let leave = u64::from(exit);
    let state = residual::active();
    if state.is_null() {
        return leave;
    }
    // SAFETY: a non-null ACTIVE is the `RunState` of the run whose native code called
    // this stub (`residual::enter` publishes it for the duration of the run); its `vm`,
    // tree, homes and slot array stay alive and untouched by anything else meanwhile.
    let state = unsafe { &mut *state };
    if state.lean.is_some() || state.ctx != ctx || state.vm.is_null() {
        return leave;
    }
    // SAFETY: as above: the VM is only reached through this pointer while native code runs.
    let vm = unsafe { &mut *state.vm };
    // One level only (see `transfer`): the buffers are free unless a bridge is running
    // an inner tree, whose own bridges then leave.
    if vm.jit.nest_active > 0 {
        return leave;
    }
    let Some(mut buffers) = vm.jit.nest_buffers.take() else {
        return leave;
    };
    let answer = transfer(vm, state, exit, &mut buffers);
    vm.jit.nest_buffers = Some(buffers);
    match answer {
        Some(address) => address | pyrite_jit::bridge::TAIL_CALL_FLAG,
        None => leave,
    }
}

/// What a loop call's bridge worked out on its first transfer — the inner tree, the code
/// to enter, the plan, the continuation — so later transfers only check that it still
/// holds (the loop's tree, its members and tree function, the globals) instead of finding
/// it all again.
pub(crate) struct Fast {
    /// Weak: a tree its loop dropped must not stay alive (with what its dependencies and
    /// constants hold) because a loop call once ran it.
    inner: Weak<LoopTrace>,
    /// The inner tree's member count and tree function address when this was made (a
    /// member joining changes the plan; a recompiled tree function the code to enter).
    members: usize,
    tree_address: Option<u64>,
    code: InnerCode,
    globals: u64,
    plan: Rc<Plan>,
    /// A `for` loop's continuation (member index, code address); `None` for a `while`
    /// loop, whose continuation depends on where its tree leaves.
    cont: Option<(usize, u64)>,
    setup: SetupKind,
    header: usize,
    /// Whether the inner tree has globals homes (for its run state).
    has_globals: bool,
    /// The inner slot array before the words that change per transfer are filled in:
    /// NULL words, the iterator's position 0, the placeholder iterator (see
    /// [`Plan::iterator_unread`]); and where the others come from, by inner home.
    template: Box<[u64]>,
    fill: Fill,
    /// Per inner exit seen so far: how its values read as a `for` loop's end (each live
    /// home with the type to box it from, `None` when stored raw), `None` when the exit
    /// can never be one.
    ends: RefCell<Vec<(u32, Option<EndWords>)>>,
}

/// Where the inner slot array's per-transfer words come from, by kind (tight copy loops
/// for the common ones): `(inner home, outer home)`, `(inner home, index into the boxed
/// outer exit values)`, `(inner home, frame slot)`, and the rest.
#[derive(Default)]
struct Fill {
    outer: Box<[(usize, usize)]>,
    boxed: Box<[(usize, usize)]>,
    stack: Box<[(usize, usize)]>,
    other: Box<[(usize, Source)]>,
}

/// The live homes of a `for` loop's end exit and how to box each one's value.
type EndWords = Rc<[(usize, Option<Type>, Sink)]>;

impl std::fmt::Debug for Fast {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "Fast {{ header: {}, members: {} }}",
            self.header, self.members
        )
    }
}

/// The code a bridge enters the inner tree at.
enum InnerCode {
    /// The tree function (`tree_fn`).
    Tree(Rc<pyrite_jit::CompiledTrace>),
    /// The root's own code.
    Root(Rc<TreeMember>),
}

impl InnerCode {
    fn compiled(&self) -> &pyrite_jit::CompiledTrace {
        match self {
            InnerCode::Tree(c) => c,
            InnerCode::Root(m) => &m.compiled,
        }
    }
}

/// [`Setup`] without counted references (the `range` builtin by address).
#[derive(Clone, Copy)]
enum SetupKind {
    While,
    GetIter,
    Range { argc: usize, range: u64 },
}

/// The transfer itself; `None`: leave through the exit (a stash may have been pushed).
fn transfer(vm: &mut Vm, state: &mut RunState, exit: u32, buf: &mut Buffers) -> Option<u64> {
    // SAFETY: the run's tree outlives the run.
    let tree = unsafe { &*state.tree };
    let member = (exit >> EXIT_MEMBER_SHIFT) as usize;
    let k = (exit & ((1 << EXIT_MEMBER_SHIFT) - 1)) as usize;
    let native = tree
        .calls
        .try_borrow()
        .ok()?
        .get(&(member, k))?
        .native
        .clone();
    // One level only: a tree running from a bridge may hold, in registers, newer values
    // of frame slots than the frame and its own slot array (the enclosing tree's), so a
    // bridge inside it could not build its inner tree's entry from them.
    if vm.jit.nest_active > 0
        || !may_continue(vm)
        || residual::nesting() + 1 >= residual::MAX_NESTING
        || vm.frames.len() != state.frame + 1
        || tree.homes.try_borrow().ok()?.len() != state.nhomes
    {
        return None;
    }
    let (fast, inner) = match valid_fast(vm, state, &native) {
        Some(found) => found,
        None => make_fast(vm, state, tree, member, k, &native)?,
    };
    run_inner(vm, state, tree, exit, &fast, &inner, &native, buf)
}

/// The loop call's [`Fast`], if it still describes this transfer.
fn valid_fast(
    vm: &Vm,
    state: &RunState,
    native: &NativeCache,
) -> Option<(Rc<Fast>, Rc<LoopTrace>)> {
    let fast = native.try_borrow().ok()?.as_ref()?.fast.clone()?;
    let inner = fast.inner.upgrade()?;
    let frame = vm.frames.get(state.frame)?;
    // Still the loop's tree: it is only ever dropped from its loop state through
    // `LoopState::retire_trace`.
    (!inner.retired.get()
        && frame.globals.bits() == fast.globals
        && fast.plan.outer_nhomes == state.nhomes
        && inner.members.try_borrow().ok()?.len() == fast.members
        && inner.tree_code.try_borrow().ok()?.root_address() == fast.tree_address)
        .then_some((fast, inner))
}

/// Finds what a transfer through exit `k` of `member` needs and keeps it in the loop
/// call's cache; `None` if the inner tree cannot run from the bridge.
fn make_fast(
    vm: &Vm,
    state: &RunState,
    tree: &LoopTrace,
    member: usize,
    k: usize,
    native: &NativeCache,
) -> Option<(Rc<Fast>, Rc<LoopTrace>)> {
    let call: LoopCall = tree.calls.try_borrow().ok()?.get(&(member, k)).cloned()?;
    let frame = vm.frames.get(state.frame)?;
    let nlocals = frame.nlocalsplus;
    // A `for` loop goes on at one known pc; a `while` loop wherever its exit leaves.
    let cont = match (&call.setup, call.end) {
        (Setup::None, _) => None,
        (_, Some(pc)) => {
            let m = compiled_continuation(tree, pc)?;
            Some((
                m,
                tree.members.try_borrow().ok()?.get(m)?.compiled.address(),
            ))
        }
        (_, None) => return None,
    };
    let inner = vm
        .jit
        .loops
        .get(&(frame.code.bits(), call.header))?
        .trace
        .clone()?;
    if !cached_runs_natively(native, &inner, &frame.globals) {
        return None;
    }
    let outer_member = tree.members.try_borrow().ok()?.get(member)?.clone();
    let snapshot = outer_member.trace.snapshots.get(k)?;
    let [snap] = snapshot.frames.as_slice() else {
        return None;
    };
    if !snapshot.virtuals.is_empty() {
        return None;
    }
    // SAFETY: `exec::run` keeps the homes (`nhomes` of them) alive while the trace runs.
    let homes = unsafe { std::slice::from_raw_parts(state.homes, state.nhomes) };
    let inner_homes = inner.homes.try_borrow().ok()?;
    let depth = snap.stack_depth as usize;
    let mut check = native.try_borrow_mut().ok()?;
    let check = check.as_mut()?;
    let plan = match &check.plan {
        Some(p) if p.outer_nhomes == homes.len() && p.inner_nhomes == inner_homes.len() => {
            p.clone()
        }
        _ => {
            let mut plan = make_plan(
                homes,
                &inner_homes,
                nlocals,
                depth,
                &call.setup,
                inner.entry_depth,
            )?;
            bind_outer_exit(&mut plan, homes, &outer_member.trace, snap)?;
            let plan = Rc::new(plan.index(&inner)?);
            check.plan = Some(plan.clone());
            plan
        }
    };
    let mut template = vec![Value::NULL.bits(); plan.inner_nhomes].into_boxed_slice();
    let (mut outer, mut boxed, mut stack, mut other) = (vec![], vec![], vec![], vec![]);
    for &h in &plan.filled {
        match *plan.sources.get(h)? {
            Source::Null => {}
            Source::Index => *template.get_mut(h)? = 0,
            Source::Iterator if plan.iterator_unread => {
                *template.get_mut(h)? = placeholder_iterator(vm);
            }
            Source::Outer(o) => outer.push((h, o)),
            Source::Boxed(j) => boxed.push((h, j)),
            Source::Stack(i) => stack.push((h, i)),
            source => other.push((h, source)),
        }
    }
    let fill = Fill {
        outer: outer.into(),
        boxed: boxed.into(),
        stack: stack.into(),
        other: other.into(),
    };
    let members = inner.members.try_borrow().ok()?;
    let tree_code = inner.tree_code.try_borrow().ok()?;
    let code = match tree_code.current() {
        Some(c) => InnerCode::Tree(c),
        None => InnerCode::Root(members.first()?.clone()),
    };
    let fast = Rc::new(Fast {
        inner: Rc::downgrade(&inner),
        members: members.len(),
        tree_address: tree_code.root_address(),
        code,
        globals: frame.globals.bits(),
        plan,
        cont,
        setup: match &call.setup {
            Setup::None => SetupKind::While,
            Setup::GetIter => SetupKind::GetIter,
            Setup::Range { argc, range } => SetupKind::Range {
                argc: *argc,
                range: range.bits(),
            },
        },
        header: call.header,
        has_globals: inner_homes.iter().any(|h| matches!(h, Home::Global { .. })),
        template,
        fill,
        ends: RefCell::new(Vec::new()),
    });
    check.fast = Some(fast.clone());
    drop((members, tree_code, inner_homes));
    Some((fast, inner))
}

/// Runs the inner tree of `fast` for the outer exit of `member`: the setup on words, the
/// inner slot array, the run, and, when the loop ended, the outer slot array's update.
#[allow(clippy::too_many_arguments)]
fn run_inner(
    vm: &mut Vm,
    state: &mut RunState,
    tree: &LoopTrace,
    exit: u32,
    fast: &Fast,
    inner: &Rc<LoopTrace>,
    native: &NativeCache,
    buf: &mut Buffers,
) -> Option<u64> {
    let plan = &*fast.plan;
    if !deps_hold(vm, &inner.deps.try_borrow().ok()?) {
        return None;
    }
    let frame = vm.frames.get(state.frame)?;
    let (base, nlocals) = (frame.base, frame.nlocalsplus);
    // SAFETY: `exec::run` keeps the slot array (`nhomes` words) alive and touched only by
    // the running code, which waits for this helper.
    let slots = unsafe { std::slice::from_raw_parts_mut(state.slots, state.nhomes) };
    let inner_homes = inner.homes.try_borrow().ok()?;
    // The outer state at the exit: its snapshot's frame and globals values as value words.
    buf.boxed.resize(plan.outer_boxing.len(), 0);
    for (b, &(h, ty)) in buf.boxed.iter_mut().zip(&plan.outer_boxing) {
        *b = box_word(ty, *slots.get(h)?)?;
    }
    let boxed = &buf.boxed;
    let word = |source: Source| -> Option<u64> {
        match source {
            Source::Outer(h) => slots.get(h).copied(),
            Source::Boxed(j) => boxed.get(j).copied(),
            Source::Stack(i) => vm.stack.get(base + i).map(Value::bits),
            _ => None,
        }
    };
    // The setup the driver would carry out, on words.
    let start = match fast.setup {
        SetupKind::GetIter => {
            let seq = word(*plan.setup.first()?)?;
            let exact = with_word(seq, |v| match v.payload() {
                Some(Payload::List(_)) => {
                    v.as_object().map(|o| o.type_bits()) == Some(vm.types.list.bits())
                }
                Some(Payload::Tuple(_)) => {
                    v.as_object().map(|o| o.type_bits()) == Some(vm.types.tuple.bits())
                }
                _ => false,
            });
            if !exact {
                return None;
            }
            Start::Seq { seq }
        }
        SetupKind::Range { argc, range } => {
            if word(*plan.setup.first()?)? != range
                || word(*plan.setup.get(1)?)? != Value::NULL.bits()
            {
                return None;
            }
            let mut args = [0i64; 3];
            for (n, arg) in args.iter_mut().enumerate().take(argc) {
                *arg =
                    Value::from_immediate_word(word(*plan.setup.get(2 + n)?)?)?.as_small_int()?;
            }
            let (next, stop, step) = match argc {
                1 => (0, args[0], 1),
                2 => (args[0], args[1], 1),
                3 => (args[0], args[1], args[2]),
                _ => return None,
            };
            if step == 0 {
                return None;
            }
            Start::Range { next, stop, step }
        }
        SetupKind::While => Start::While,
    };
    // A tree that reads the iterator object itself (to check its type) gets a real one.
    let iterator = match plan.needs_iterator && !plan.iterator_unread {
        true => Some(iterator_for(vm, native, start)?),
        false => None,
    };
    // The inner slot array, as the inner tree's entry would read it after the setup.
    buf.slots.clear();
    buf.slots.extend_from_slice(&fast.template);
    let inner_slots = &mut buf.slots[..];
    for &(h, o) in fast.fill.outer.iter() {
        *inner_slots.get_mut(h)? = *slots.get(o)?;
    }
    for &(h, j) in fast.fill.boxed.iter() {
        *inner_slots.get_mut(h)? = *boxed.get(j)?;
    }
    let frame_slots = vm.stack.get(base..)?;
    for &(h, i) in fast.fill.stack.iter() {
        *inner_slots.get_mut(h)? = frame_slots.get(i)?.bits();
    }
    for &(h, source) in fast.fill.other.iter() {
        *inner_slots.get_mut(h)? = match (source, start) {
            (Source::Outer(_) | Source::Boxed(_) | Source::Stack(_), _) => word(source)?,
            (Source::Read, _) => home_word(vm, base, inner_homes.get(h)?)?,
            (Source::Seq, Start::Seq { seq }) => seq,
            (Source::Next, Start::Range { next, .. }) => next as u64,
            (Source::Stop, Start::Range { stop, .. }) => stop as u64,
            (Source::Step, Start::Range { step, .. }) => step as u64,
            (Source::Iterator, _) => iterator.as_ref()?.bits(),
            _ => return None,
        };
    }
    buf.entry.clear();
    buf.entry.extend_from_slice(&buf.slots);
    // Run the inner tree.
    let trampoline = vm.jit.compiler.as_ref()?.trampoline() as *const pyrite_jit::code::Trampoline;
    if buf.virtuals.len() != pyrite_jit::VIRTUAL_WORDS {
        buf.virtuals = vec![0; pyrite_jit::VIRTUAL_WORDS];
    }
    let interrupt = vm.interrupt.as_ptr() as *const u8;
    // The context and exit buffers are reused: a fresh run needs only these fields set
    // (the body words are written by the pre-roll before anything reads them).
    let virtual_words = &mut buf.virtuals;
    let ictx = buf.ctx.get_or_insert_with(|| {
        Box::new(pyrite_jit::TraceContext::new(
            std::ptr::null_mut(),
            interrupt,
            std::ptr::null_mut(),
        ))
    });
    ictx.slots = buf.slots.as_mut_ptr();
    ictx.interrupt = interrupt;
    ictx.error = 0;
    ictx.virtuals = virtual_words.as_mut_ptr();
    ictx.body_entry = 0;
    let ictx: &mut pyrite_jit::TraceContext = ictx;
    // SAFETY: `state.ctx` is the running outer trace's context (checked by the caller).
    let outer_ctx = unsafe { &mut *state.ctx };
    ictx.stress_countdown = outer_ctx.stress_countdown;
    let stashed = vm.jit.nest_stash.len();
    let mut inner_state = RunState::with_globals(
        state.vm,
        ictx,
        Rc::as_ptr(inner),
        &inner_homes,
        buf.slots.as_mut_ptr(),
        buf.entry.as_mut_ptr(),
        state.frame,
        fast.has_globals,
    );
    vm.jit.nest_active += 1;
    let inner_exit = residual::enter(&mut inner_state, trampoline, fast.code.compiled(), ictx);
    outer_ctx.stress_countdown = ictx.stress_countdown;
    // SAFETY: as in `nest_bridge`: the VM again belongs to this helper.
    let vm = unsafe { &mut *state.vm };
    vm.jit.nest_active -= 1;
    let ended = match (vm.jit.nest_stash.len() == stashed, fast.cont) {
        (false, _) => None,
        (true, Some(cont)) => loop_ended(vm, fast, inner, inner_exit, start, buf).map(|()| cont),
        (true, None) => while_ended(vm, tree, inner, plan, inner_exit, fast.header, nlocals, buf)
            .and_then(|m| {
                Some((
                    m,
                    tree.members.try_borrow().ok()?.get(m)?.compiled.address(),
                ))
            }),
    };
    let Some((cont, cont_address)) = ended else {
        vm.jit.nest_stash.push(NestStash {
            inner: inner.clone(),
            exit: inner_exit,
            slots: buf.slots.clone(),
            entry: buf.entry.clone(),
            virtuals: buf.virtuals.to_vec(),
            iterator,
        });
        return None;
    };
    // Commit: the outer slot array, then what only the inner loop touched.
    if let Some(it) = iterator {
        recycle_iterator(native, it);
    }
    for (&(h, _), &word) in plan.outer_boxing.iter().zip(&buf.boxed) {
        *slots.get_mut(h)? = word;
    }
    // Two phases, as an exit's write-back: a counted reference to every new value before
    // any old one is released.
    buf.stores.clear();
    for &update in &buf.updates {
        match update {
            Update::Outer(h, word) => {
                if let Some(s) = slots.get_mut(h) {
                    *s = word;
                }
            }
            Update::Frame(i, word) => buf.stores.push((i, None, clone_trace_word(word))),
            Update::Global(h, word) => {
                if let Some(Home::Global { dict, index }) = inner_homes.get(h) {
                    buf.stores
                        .push((*index, Some(dict.clone()), clone_trace_word(word)));
                }
            }
        }
    }
    for (i, dict, value) in buf.stores.drain(..) {
        let old = match dict {
            None => vm
                .stack
                .get_mut(base + i)
                .map(|s| std::mem::replace(s, value)),
            Some(dict) => dict
                .as_dict()
                .and_then(|d| d.try_borrow_mut().ok())
                .and_then(|mut t| t.set_value_at(i, value)),
        };
        // The last reference waits until the outer run is over (no object is freed
        // while native code runs); any other is just one count less.
        if let Some(old) = old
            && old.is_heap()
            && old.ref_count() == 1
        {
            crate::jit::glue::defer_release(old);
        }
    }
    if vm.jit.log_enabled() {
        log_first_native(vm, tree, exit, inner, cont, native);
    }
    Some(cont_address)
}

/// `--jit-log`: reports a loop call's first transfer that ended natively.
fn log_first_native(
    vm: &mut Vm,
    tree: &LoopTrace,
    exit: u32,
    inner: &LoopTrace,
    cont: usize,
    native: &NativeCache,
) {
    let Ok(mut check) = native.try_borrow_mut() else {
        return;
    };
    let Some(check) = check.as_mut().filter(|c| !c.logged) else {
        return;
    };
    check.logged = true;
    let Ok(members) = tree.members.try_borrow() else {
        return;
    };
    let id = |m: usize| members.get(m).map_or(0, |m| m.compiled.id);
    let root = inner
        .members
        .try_borrow()
        .ok()
        .and_then(|m| m.first().map(|m| m.compiled.id))
        .unwrap_or(0);
    let member = (exit >> EXIT_MEMBER_SHIFT) as usize;
    let k = exit & ((1 << EXIT_MEMBER_SHIFT) - 1);
    vm.jit.log(format_args!(
        "trace#{} exit {k} runs inner loop trace#{root} natively, continues in trace#{}",
        id(member),
        id(cont)
    ));
}

/// What an inner tree that only checks its iterator's word to be an object (see
/// [`Plan::iterator_unread`]) gets instead: a heap object that lives as long as the VM.
fn placeholder_iterator(vm: &Vm) -> u64 {
    vm.types.range_iterator.bits()
}

/// The iterator object the setup would make for `start`: the loop call's cached one,
/// reset, when no one else holds it.
fn iterator_for(vm: &Vm, native: &NativeCache, start: Start) -> Option<Value> {
    let (kind, state) = match start {
        Start::Seq { seq } => (
            with_word(seq, |v| v.as_object().map(|o| o.type_bits()))?,
            IterState::Seq {
                seq: clone_trace_word(seq),
                index: 0,
            },
        ),
        Start::Range { next, stop, step } => (0, IterState::Range { next, stop, step }),
        Start::While => return None,
    };
    let cached = native
        .try_borrow_mut()
        .ok()
        .and_then(|mut c| c.as_mut().and_then(|c| c.iterator.take()));
    let mut state = Some(state);
    if let Some((k, it)) = cached
        && k == kind
        && it.ref_count() == 1
    {
        if let Some(Payload::Iterator(cell)) = it.payload()
            && let Ok(mut current) = cell.try_borrow_mut()
            && let Some(fresh) = state.take()
        {
            *current = fresh;
        }
        if state.is_none() {
            return Some(it);
        }
    }
    let state = state?;
    // `iter(seq)` of an exact list or tuple, `iter(range(...))`: the same objects.
    let ty = match &state {
        IterState::Seq { seq, .. } => match seq.payload() {
            Some(Payload::List(_)) => &vm.types.list_iterator,
            Some(Payload::Tuple(_)) => &vm.types.tuple_iterator,
            _ => return None,
        },
        _ => &vm.types.range_iterator,
    };
    Some(new_iterator(ty, state))
}

/// Keeps `it` (exhausted, so it holds nothing alive) for the loop call's next bridge.
fn recycle_iterator(native: &NativeCache, it: Value) {
    let kind = match it.payload() {
        Some(Payload::Iterator(cell)) => match cell.try_borrow_mut() {
            Ok(mut state) => {
                let kind = match &*state {
                    IterState::Seq { seq, .. } => seq.as_object().map(|o| o.type_bits()),
                    IterState::Range { .. } => Some(0),
                    _ => None,
                };
                *state = IterState::Exhausted;
                kind
            }
            Err(_) => None,
        },
        _ => None,
    };
    if let (Some(kind), Ok(mut check)) = (kind, native.try_borrow_mut())
        && let Some(check) = check.as_mut()
    {
        check.iterator = Some((kind, it));
    }
}

/// Whether the inner tree left through the end of its loop (its `FOR_ITER` at the header
/// finds the iterator exhausted) with results that box without allocating; fills
/// `buf.updates` with where they go.
fn loop_ended(
    vm: &Vm,
    fast: &Fast,
    inner: &LoopTrace,
    exit: u32,
    start: Start,
    buf: &mut Buffers,
) -> Option<()> {
    if !may_continue(vm) {
        return None;
    }
    let words = end_words(fast, inner, exit)?;
    let plan = &*fast.plan;
    buf.updates.clear();
    let position = *buf.slots.get(plan.position)? as i64;
    let exhausted = match start {
        Start::Seq { seq } => {
            let len = with_word(seq, |v| match v.payload() {
                Some(Payload::List(l)) => l.try_borrow().ok().map(|l| l.len()),
                Some(Payload::Tuple(t)) => Some(t.len()),
                _ => None,
            })?;
            position >= 0 && position as usize >= len
        }
        Start::Range { .. } => {
            let stop = *buf.slots.get(plan.stop?)? as i64;
            let step = *buf.slots.get(plan.step?)? as i64;
            if step > 0 {
                position >= stop
            } else {
                position <= stop
            }
        }
        Start::While => false,
    };
    if !exhausted {
        return None;
    }
    for &(h, ty, sink) in words.iter() {
        let raw = *buf.slots.get(h)?;
        let word = match ty {
            Some(ty) => box_word(ty, raw)?,
            None => raw,
        };
        if word == *buf.entry.get(h)? {
            continue;
        }
        let update = match sink {
            Sink::Outer(o) => Update::Outer(o, word),
            Sink::Frame(i) => Update::Frame(i, word),
            Sink::Global => Update::Global(h, word),
            Sink::Dead => continue,
            Sink::Fail | Sink::Stack(..) => return None,
        };
        buf.updates.push(update);
    }
    Some(())
}

/// How inner exit `exit` reads as the end of `fast`'s `for` loop (see [`Fast::ends`]),
/// worked out once per exit.
fn end_words(fast: &Fast, inner: &LoopTrace, exit: u32) -> Option<EndWords> {
    if let Some((_, known)) = fast
        .ends
        .try_borrow()
        .ok()?
        .iter()
        .find(|(e, _)| *e == exit)
    {
        return known.clone();
    }
    let made = make_end_words(fast, inner, exit);
    fast.ends.try_borrow_mut().ok()?.push((exit, made.clone()));
    made
}

/// [`end_words`]: the exit must be one frame with no virtual objects at the loop's
/// header and entry depth, and no live home may be virtual there.
fn make_end_words(fast: &Fast, inner: &LoopTrace, exit: u32) -> Option<EndWords> {
    let member = (exit >> EXIT_MEMBER_SHIFT) as usize;
    let k = (exit & ((1 << EXIT_MEMBER_SHIFT) - 1)) as usize;
    let exited = inner.members.try_borrow().ok()?.get(member)?.clone();
    let snapshot = exited.trace.snapshots.get(k)?;
    let [snap] = snapshot.frames.as_slice() else {
        return None;
    };
    if !snapshot.virtuals.is_empty()
        || snap.pc as usize != fast.header
        || snap.stack_depth as usize != inner.entry_depth
    {
        return None;
    }
    let mut words = Vec::with_capacity(fast.plan.live.len());
    for &h in &fast.plan.live {
        let ty = match snap.slots.iter().find(|&&(s, _)| s as usize == h) {
            Some(&(_, SnapValue::Ref(r))) => Some(exited.trace.type_of(r)),
            Some(&(_, SnapValue::Virtual(_))) => return None,
            None => None,
        };
        words.push((h, ty, *fast.plan.sinks.get(h)?));
    }
    Some(words.into())
}

/// The member of `inner` that left through `exit` and the exit's snapshot index, if the
/// driver may go on and the snapshot is one frame with no virtual objects (what a loop's
/// end written back by a bridge needs).
fn plain_exit(vm: &Vm, inner: &LoopTrace, exit: u32) -> Option<(Rc<TreeMember>, usize)> {
    if !may_continue(vm) {
        return None;
    }
    let member = (exit >> EXIT_MEMBER_SHIFT) as usize;
    let k = (exit & ((1 << EXIT_MEMBER_SHIFT) - 1)) as usize;
    let exited = inner.members.try_borrow().ok()?.get(member)?.clone();
    let snapshot = exited.trace.snapshots.get(k)?;
    (snapshot.frames.len() == 1 && snapshot.virtuals.is_empty()).then_some((exited, k))
}

/// The member of `tree` compiled to continue at `pc` after an inner loop.
fn compiled_continuation(tree: &LoopTrace, pc: usize) -> Option<usize> {
    match tree.continuations.try_borrow().ok()?.get(&pc) {
        Some(Continuation::Compiled(m)) => Some(*m),
        _ => None,
    }
}

/// Whether a `while` inner tree left its loop through `exit` for a pc where the outer tree
/// (`outer`) has a compiled continuation, with results that box without allocating; fills
/// `buf.updates` and answers that continuation. An exit at the loop's own header is not an
/// end (the driver hands that iteration to the interpreter), and every stack entry the
/// exit leaves live must have an outer home, since the continuation reads its stack from
/// the slot array.
#[allow(clippy::too_many_arguments)]
fn while_ended(
    vm: &Vm,
    outer: &LoopTrace,
    inner: &LoopTrace,
    plan: &Plan,
    exit: u32,
    header: usize,
    nlocals: usize,
    buf: &mut Buffers,
) -> Option<usize> {
    let (exited, k) = plain_exit(vm, inner, exit)?;
    let snap = exited.trace.snapshots.get(k)?.frames.first()?;
    let (pc, depth) = (snap.pc as usize, snap.stack_depth as usize);
    if pc == header || depth < inner.entry_depth {
        return None;
    }
    let cont = compiled_continuation(outer, pc)?;
    let live_top = nlocals + depth;
    let mut live_stack = 0;
    buf.updates.clear();
    for &h in &plan.live {
        let sink = plan.sinks.get(h)?;
        let word = match sink {
            Sink::Dead => continue,
            Sink::Stack(i, _) if *i >= live_top => continue,
            _ => exit_word(&exited.trace, snap, buf, h)?,
        };
        let update = match sink {
            Sink::Stack(_, home) => {
                // Live at the exit: it must be the exit's own value, kept by the outer tree.
                if !snap.slots.iter().any(|&(s, _)| s as usize == h) {
                    return None;
                }
                live_stack += 1;
                Update::Outer((*home)?, word)
            }
            _ if word == *buf.entry.get(h)? => continue,
            Sink::Outer(o) => Update::Outer(*o, word),
            Sink::Frame(i) => Update::Frame(*i, word),
            Sink::Global => Update::Global(h, word),
            Sink::Dead | Sink::Fail => return None,
        };
        buf.updates.push(update);
    }
    (live_stack == depth - inner.entry_depth).then_some(cont)
}

/// The value word of inner home `h` after the exit of `snap` stored its values into the
/// inner slot array (`None`: a virtual, or boxing would allocate).
fn exit_word(
    trace: &pyrite_ir::Trace,
    snap: &pyrite_ir::SnapFrame,
    buf: &Buffers,
    h: usize,
) -> Option<u64> {
    let raw = *buf.slots.get(h)?;
    match snap.slots.iter().find(|&&(s, _)| s as usize == h) {
        Some(&(_, SnapValue::Ref(r))) => box_word(trace.type_of(r), raw),
        Some(&(_, SnapValue::Virtual(_))) => None,
        None => Some(raw),
    }
}

impl Vm {
    /// Sets exit `k` of `compiled` (a loop call's exit) to the nest bridge, so the inner
    /// loop runs natively once the continuation after it exists.
    pub(crate) fn jit_bridge_loop_call(&mut self, compiled: &pyrite_jit::CompiledTrace, k: usize) {
        if self.jit.params.native_nest == 0 {
            return;
        }
        let helper = nest_bridge as extern "C" fn(*mut pyrite_jit::TraceContext, u32) -> u64;
        if let Some(address) = self
            .jit
            .compiler
            .as_mut()
            .and_then(|c| c.nest_bridge(helper as usize as u64).ok())
        {
            compiled.set_exit_target(k, address);
        }
    }

    /// Finishes an inner tree's run a bridge started (`stash`), now that the outer exit
    /// and the loop's setup are written back: its exit's write-back, as `exec::run` does.
    pub(crate) fn jit_apply_stash(&mut self, stash: NestStash) -> crate::jit::exec::Outcome {
        crate::jit::exec::resume(self, &stash)
    }
}
