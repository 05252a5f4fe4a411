//! Tree functions: a root trace compiled together with hot side traces that link into its
//! loop body, as one Cranelift function (LuaJIT and PyPy keep them apart; this removes
//! the exit-slot tail call, the store/reload of the exit's values and the body-entry
//! protocol from the hot side path).
//!
//! ```text
//! root body:  ... guard ok, next, side_in(snapshot values)        (not a cold block)
//! side_in:    store the values the side trace does not take as SSA values;
//!             the side trace's code, its `load_slot [h]` of a home the exit names
//!             being that value; its own exits through ITS exit slots, numbered
//!             `exit_base + k` (a deeper side trace attaches there, or is inlined too)
//! link:       box what the body does not carry; range checks (fail: write back,
//!             jump to the pre-roll); jump body(phi values, saved pre-roll values P)
//! ```
//!
//! Only side traces whose link enters the body ([`BodyLink`]) from exits inside the
//! body are inlined, so the body block's parameters (the phis and `P`) dominate them.
//! A side trace's value of a `PhiFrom::Stored` home is read from the slot array and a
//! `PhiFrom::Attr` one from the object, exactly as the root's body entry does.
//!
//! An exit value is left out of the slot array only when the side trace takes it as an
//! SSA value (or never reads the home before writing it) and every snapshot of the side trace names the home (so whoever reads the
//! slot array next finds what the side trace put there) or the home is an inlined frame's
//! (a snapshot names all live slots of its inlined frames, so one that leaves it out never
//! reads it), the home is not one the body keeps in the slot array itself and the body
//! does not load it. The old root and side
//! trace functions stay valid: their exit slots are the ones this function uses.
//!
//! Two things the side trace would redo alone are taken from the root instead: the
//! eval-breaker poll, when every branch to the side trace comes after this iteration's
//! poll (the link goes back to the body, which polls again), and, outside stress mode, the
//! type guard and unboxing of a *pinned* home (one the pre-roll read and nothing writes
//! while the body and its body-linking side traces run, like a loop bound `n`): its word
//! is still the one the pre-roll checked, and the body has it unboxed as a pre-roll value.

use cranelift_codegen::ir::{Block, BlockArg, InstBuilder, Value};
use pyrite_ir::passes::range::{self, Range};
use pyrite_ir::{Imm, Op, Ref, SnapshotId, Trace, Type, TypeTag};

use crate::body_entry::{BodyEntry, BodyLink, PhiFrom};
use crate::compiler::CompileError;
use crate::lower::{ExitDest, LowerParams, Lowering, flags, side_lowering};

/// A side trace to compile into its root's function, with the side traces of its own
/// exits that are compiled in too.
#[derive(Clone, Debug)]
pub struct InlinedSide<'a> {
    /// The side trace's optimized IR.
    pub trace: &'a Trace,
    /// The exit (snapshot) of its parent (the root or the enclosing side trace) it starts at.
    pub parent_exit: u32,
    /// Its exit numbers' base (`member << 16`), as when it is compiled alone.
    pub exit_base: u32,
    /// The address of its own exit-slot array (its exits keep going through it).
    pub exit_slots: u64,
    /// Its link into the root's loop body.
    pub link: &'a BodyLink,
    /// Side traces of its exits compiled in too.
    pub children: Vec<InlinedSide<'a>>,
}

impl InlinedSide<'_> {
    /// How many side traces this one brings, itself included.
    pub fn count(&self) -> usize {
        1 + self.children.iter().map(InlinedSide::count).sum::<usize>()
    }
}

/// Where an inlined side trace's link jumps: the root's loop body block.
#[derive(Clone)]
pub(crate) struct BodyTarget {
    block: Block,
    /// Per phi: where a body entry takes its value from, and its type.
    phis: Vec<(PhiFrom, Type)>,
    /// Per phi with `PhiFrom::Attr`: the object's word, as the body has it.
    bases: Vec<Option<Value>>,
    /// The body's pre-roll values `P` (its block parameters after the phis).
    saved: Vec<Value>,
    /// Homes an exit into an inlined side trace must store even when the side trace takes
    /// the value directly: `PhiFrom::Stored` homes and homes the body loads.
    keep: Vec<u32>,
    /// Homes that hold, all through the body and the inlined side traces, the word the
    /// pre-roll read (read by the pre-roll, carried by no phi, written by neither the body
    /// nor a side trace with a body link), with the unboxing op whose result the body has
    /// as a pre-roll value, and that value: a side trace's type guard and unboxing of such
    /// a home, when no exit on the way named it, are the pre-roll's.
    pinned: Vec<(u32, Pinned)>,
    /// Per phi (empty: none): the value a body entry would read back for a
    /// `PhiFrom::Stored`/`PhiFrom::Attr` phi, when the root already has it as an SSA value
    /// at the exit this chain of side traces started from ([`Lowering::known_phis`]).
    known: Vec<Option<Value>>,
    /// The pre-roll's guards on words of pinned homes and the object headers under them
    /// (empty when the root writes the heap, or for side traces below the first).
    guards: Vec<GuardFact>,
    /// For the root's own side traces: the intervals of the root's integer values the exit
    /// hands over, per home, as they hold at the exit (a link need not check a value the
    /// root's ranges already put inside the phi's interval).
    exit_ranges: Vec<(u32, Range)>,
}

/// A value computed from pinned homes' words, constants and header loads under them
/// (`load word, +offset`), identified by how it is computed, so the root's pre-roll and a
/// side trace can be compared.
#[derive(Clone, Debug, PartialEq)]
enum Term {
    Home(u32),
    Const(pyrite_ir::Const),
    Load(Box<Term>, i32, Type),
    Pure(Op, Imm, Vec<Term>),
}

/// A pre-roll guard that passed: its op and its operands' terms.
#[derive(Clone, Debug, PartialEq)]
struct GuardFact {
    op: Op,
    args: Vec<Term>,
}

/// The term of `r` in `trace`, `home_of` naming the pinned words.
fn term(trace: &Trace, r: Ref, home_of: &dyn Fn(Ref) -> Option<u32>, depth: u32) -> Option<Term> {
    if let Some(c) = trace.const_value(r) {
        return Some(Term::Const(c));
    }
    if let Some(k) = home_of(r) {
        return Some(Term::Home(k));
    }
    let inst = trace.inst(r)?;
    if depth == 0 {
        return None;
    }
    let args = || -> Option<Vec<Term>> {
        inst.args
            .iter()
            .map(|&a| term(trace, a, home_of, depth - 1))
            .collect()
    };
    match inst.op {
        Op::Load => {
            let Imm::Offset(offset) = inst.imm else {
                return None;
            };
            let base = term(trace, *inst.args.first()?, home_of, depth - 1)?;
            Some(Term::Load(Box::new(base), offset, inst.ty))
        }
        _ if trace.is_pure(inst) && inst.op.flags().contains(pyrite_ir::OpFlags::PURE) => {
            Some(Term::Pure(inst.op, inst.imm, args()?))
        }
        _ => None,
    }
}

/// Whether `inst` may write an object's header words (what `load` reads): the heap's
/// other kinds (slot arrays of attributes, the trace's homes) are apart (the builder's
/// alias rule).
fn writes_headers(trace: &Trace, inst: &pyrite_ir::Inst) -> bool {
    match inst.op {
        Op::StoreSlot | Op::StoreAttr => false,
        Op::Store | Op::StoreElem | Op::IncRef | Op::DecRef => true,
        _ => trace.writes_memory(inst),
    }
}

/// Whether the guard `inst` of `trace` (`op` with operand terms `args`) is implied by a
/// fact: the same guard, or `x > a` (`x >= a`) for a known `x > b` with `b >= a`.
fn implied(facts: &[GuardFact], op: Op, args: &[Term]) -> bool {
    facts.iter().any(|f| {
        if f.op == op && f.args == args {
            return true;
        }
        // guard_true (gt_int x, b) implies guard_true (gt_int x, a) for a <= b, and
        // (ge_int x, a) for a <= b + 1.
        let cmp = |t: &[Term]| match t {
            [Term::Pure(o @ (Op::GtInt | Op::GeInt), _, xs)] => match &xs[..] {
                [x, Term::Const(pyrite_ir::Const::Int(c))] => Some((*o, x.clone(), *c)),
                _ => None,
            },
            _ => None,
        };
        if op != Op::GuardTrue || f.op != Op::GuardTrue {
            return false;
        }
        let (Some((fo, fx, fb)), Some((o, x, a))) = (cmp(&f.args), cmp(args)) else {
            return false;
        };
        // Both as `x >= lower bound`.
        let known = if fo == Op::GtInt {
            fb.checked_add(1)
        } else {
            Some(fb)
        };
        let want = if o == Op::GtInt {
            a.checked_add(1)
        } else {
            Some(a)
        };
        fx == x && matches!((known, want), (Some(k), Some(w)) if k >= w)
    })
}

/// The pre-roll's guards on pinned words and their headers (see [`BodyTarget::guards`]).
fn pre_roll_guards(trace: &Trace, entry: &BodyEntry, stable: &[(Ref, u32)]) -> Vec<GuardFact> {
    if trace.insts.iter().any(|i| writes_headers(trace, i)) {
        return Vec::new();
    }
    let home_of = |r: Ref| stable.iter().find(|&&(w, _)| w == r).map(|&(_, k)| k);
    let mut out = Vec::new();
    for inst in &trace.insts[..entry.loop_at] {
        if !matches!(
            inst.op,
            Op::GuardTrue | Op::GuardFalse | Op::GuardEq | Op::GuardNe
        ) {
            continue;
        }
        let args: Option<Vec<Term>> = inst
            .args
            .iter()
            .map(|&a| term(trace, a, &home_of, TERM_DEPTH))
            .collect();
        // A guard on constants alone says nothing about the homes.
        if let Some(args) = args.filter(|a| a.iter().any(|t| !matches!(t, Term::Const(_)))) {
            out.push(GuardFact { op: inst.op, args });
        }
    }
    out
}

/// How deep a term may nest (header loads under a word, an op or two on them).
const TERM_DEPTH: u32 = 4;

/// The inlining state of one trace's lowering.
pub(crate) struct InlineState<'a> {
    /// Side traces of this trace's exits to compile in.
    sides: &'a [InlinedSide<'a>],
    /// This lowering is itself of an inlined side trace.
    side: bool,
    /// The root's body block (set once the root's `loop` is lowered).
    target: Option<BodyTarget>,
    /// Entry blocks made for inlined side traces: (exit, block, index into `sides`, whether
    /// every branch there comes after this iteration's eval-breaker poll).
    entries: Vec<(SnapshotId, Block, usize, bool)>,
    /// Homes whose value the parent's exit hands over: (home, value, IR type).
    substitutes: Vec<(u32, Value, Type)>,
    /// Homes this trace has stored to so far (a later load reads memory again).
    stored: Vec<u32>,
    /// Homes the exit this side trace starts at names (their word may have changed since
    /// the pre-roll).
    named: Vec<u32>,
    /// Value-word loads of pinned homes: (instruction, home).
    pinned_loads: Vec<(usize, u32)>,
    /// Per instruction of an inlined side trace: left out (see [`Self::plan_known`]).
    skip: Vec<bool>,
    /// Guards may be left out (not in stress mode, which counts every guard).
    may_skip: bool,
    /// What was compiled in (this trace's side traces and deeper ones).
    pub(crate) stats: TreeStats,
}

/// What a tree function holds.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct TreeStats {
    /// The exit bases of the side traces compiled in.
    pub inlined: Vec<u32>,
    /// The exit numbers that branch to a side trace compiled in.
    pub inlined_exits: Vec<u32>,
    /// The exit numbers whose exit block tail-calls through an exit slot.
    pub slot_exits: Vec<u32>,
}

impl<'a> InlineState<'a> {
    /// The state of a root with `sides` at its exits.
    pub(crate) fn root(sides: &'a [InlinedSide<'a>]) -> InlineState<'a> {
        InlineState {
            sides,
            side: false,
            target: None,
            entries: Vec::new(),
            substitutes: Vec::new(),
            stored: Vec::new(),
            named: Vec::new(),
            pinned_loads: Vec::new(),
            skip: Vec::new(),
            may_skip: false,
            stats: TreeStats::default(),
        }
    }

    /// Notes a `load_slot [slot]` of type `ty` at instruction `at`.
    pub(crate) fn loaded(&mut self, at: usize, slot: u32, ty: Type) {
        let pinned = self
            .target
            .as_ref()
            .is_some_and(|t| t.pinned.iter().any(|&(h, _)| h == slot));
        if self.side
            && self.may_skip
            && ty == Type::Value
            && pinned
            && !self.named.contains(&slot)
            && !self.stored.contains(&slot)
            && !self.pinned_loads.iter().any(|&(a, _)| a == at)
        {
            self.pinned_loads.push((at, slot));
        }
    }

    /// Before lowering the inlined side trace `trace`: finds its pinned loads (as lowering
    /// will, in order), the guards the pre-roll already passed ([`Self::known_guard`]) and
    /// the header loads and pure values only those guards use, which are not lowered.
    fn plan_known(&mut self, trace: &Trace) {
        for (at, inst) in trace.insts.iter().enumerate() {
            match (inst.op, inst.imm) {
                (Op::LoadSlot, Imm::Slot(k)) => self.loaded(at, k, inst.ty),
                (Op::StoreSlot, Imm::Slot(k)) => self.stored(k),
                _ => {}
            }
        }
        self.stored.clear();
        let n = trace.insts.len();
        let mut skip = vec![false; n];
        for (at, inst) in trace.insts.iter().enumerate() {
            if matches!(
                inst.op,
                Op::GuardTrue | Op::GuardFalse | Op::GuardEq | Op::GuardNe
            ) && self.known_guard(trace, at)
            {
                skip[at] = true;
            }
        }
        if !skip.contains(&true) {
            return;
        }
        let mut users: Vec<Vec<usize>> = vec![Vec::new(); n];
        for (at, inst) in trace.insts.iter().enumerate() {
            for a in inst.args.iter().filter(|a| !a.is_const()) {
                if let Some(u) = users.get_mut(a.index()) {
                    u.push(at);
                }
            }
        }
        let mut in_snapshot = vec![false; n];
        for snap in &trace.snapshots {
            for r in snap.refs().filter(|r| !r.is_const()) {
                if let Some(flag) = in_snapshot.get_mut(r.index()) {
                    *flag = true;
                }
            }
        }
        for at in (0..n).rev() {
            let inst = &trace.insts[at];
            let removable = inst.op == Op::Load
                || (trace.is_pure(inst) && inst.op.flags().contains(pyrite_ir::OpFlags::PURE));
            if removable
                && !in_snapshot[at]
                && !users[at].is_empty()
                && users[at].iter().all(|&u| skip[u])
            {
                skip[at] = true;
            }
        }
        self.skip = skip;
    }

    /// Whether instruction `at` of this inlined side trace is left out: a guard the
    /// pre-roll passed, or a value only such guards use.
    pub(crate) fn skipped(&self, at: usize) -> bool {
        self.skip.get(at).copied().unwrap_or(false)
    }

    /// The home of `r` if it is a load of a pinned home (whose word never changes).
    pub(crate) fn pinned_home(&self, r: Ref) -> Option<u32> {
        if r.is_const() {
            return None;
        }
        self.pinned_loads
            .iter()
            .find(|&&(at, _)| at == r.index())
            .map(|&(_, h)| h)
    }

    /// What the pre-roll knows about the word `r` (a pinned home's load).
    fn pinned_of(&self, r: Ref) -> impl Iterator<Item = Pinned> + '_ {
        let home = self.pinned_home(r);
        self.target
            .iter()
            .flat_map(|t| &t.pinned)
            .filter(move |&&(h, _)| Some(h) == home)
            .map(|&(_, p)| p)
    }

    /// Whether a type guard of `r` for `tag` is the pre-roll's (and so passes).
    pub(crate) fn known_type(&self, r: Ref, tag: TypeTag) -> bool {
        self.pinned_of(r).any(|p| match p {
            Pinned::Tag(t) => t == tag,
            Pinned::Unboxed(op, _) => {
                matches!(
                    (op, tag),
                    (Op::UnboxInt, TypeTag::Int)
                        | (Op::UnboxFloat, TypeTag::Float)
                        | (Op::UnboxBool, TypeTag::Bool)
                )
            }
        })
    }

    /// Whether the guard at instruction `at` of `trace` (this inlined side trace) is one
    /// the pre-roll passed on the same pinned words and headers, with nothing since that
    /// could have changed them: the root writes no header (else there are no facts), side
    /// traces that link into the body write none (`body_entry::link_plan`), and this one
    /// has written none before the guard.
    fn known_guard(&self, trace: &Trace, at: usize) -> bool {
        let Some(target) = self.target.as_ref().filter(|_| self.side && self.may_skip) else {
            return false;
        };
        if target.guards.is_empty() {
            return false;
        }
        let Some(inst) = trace.insts.get(at) else {
            return false;
        };
        if trace.insts[..at].iter().any(|i| writes_headers(trace, i)) {
            return false;
        }
        let home_of = |r: Ref| self.pinned_home(r);
        let args: Option<Vec<Term>> = inst
            .args
            .iter()
            .map(|&a| term(trace, a, &home_of, TERM_DEPTH))
            .collect();
        args.is_some_and(|args| {
            args.iter().any(|t| !matches!(t, Term::Const(_)))
                && implied(&target.guards, inst.op, &args)
        })
    }

    /// The pre-roll's value for unboxing `r` with `op`, if `r` is a pinned home's word.
    pub(crate) fn known_unbox(&self, r: Ref, op: Op) -> Option<Value> {
        self.pinned_of(r).find_map(|p| match p {
            Pinned::Unboxed(o, v) if o == op => Some(v),
            _ => None,
        })
    }

    /// Notes an exit block that tail-calls through the exit slot of exit `number`.
    pub(crate) fn slot_exit(&mut self, number: u32) {
        self.stats.slot_exits.push(number);
    }

    /// Whether this is the lowering of an inlined side trace.
    pub(crate) fn is_side(&self) -> bool {
        self.side
    }

    /// The value handed over for a `load_slot [slot]` of type `ty`, if any.
    pub(crate) fn substitute(&self, slot: u32, ty: Type) -> Option<Value> {
        if self.stored.contains(&slot) {
            return None;
        }
        self.substitutes
            .iter()
            .find(|&&(h, _, t)| h == slot && t == ty)
            .map(|&(_, v, _)| v)
    }

    /// Notes a `store_slot` to `slot`.
    pub(crate) fn stored(&mut self, slot: u32) {
        if !self.stored.contains(&slot) {
            self.stored.push(slot);
        }
    }
}

/// Per home a side trace loads before storing it: the one type all those loads have
/// (`None` when they disagree).
fn first_loads(trace: &Trace) -> Vec<(u32, Option<Type>)> {
    let mut stored: Vec<u32> = Vec::new();
    let mut loads: Vec<(u32, Option<Type>)> = Vec::new();
    for inst in &trace.insts {
        let Imm::Slot(k) = inst.imm else {
            continue;
        };
        match inst.op {
            Op::StoreSlot => stored.push(k),
            Op::LoadSlot if !stored.contains(&k) => match loads.iter_mut().find(|(h, _)| *h == k) {
                Some((_, ty)) if *ty != Some(inst.ty) => *ty = None,
                Some(_) => {}
                None => loads.push((k, Some(inst.ty))),
            },
            _ => {}
        }
    }
    loads
}

/// What a side trace may take from the pre-roll about a pinned home (see
/// [`BodyTarget::pinned`]).
#[derive(Clone, Copy, Debug, PartialEq)]
enum Pinned {
    /// The pre-roll checked the word for this type.
    Tag(TypeTag),
    /// The body has the word unboxed with this op as this pre-roll value.
    Unboxed(Op, Value),
}

/// The pinned homes of a root (see [`BodyTarget::pinned`]), `saved` being the body's
/// values of `entry.saved`.
#[allow(clippy::type_complexity)]
fn pinned_homes(
    trace: &Trace,
    entry: &BodyEntry,
    saved: &[Value],
) -> (Vec<(u32, Pinned)>, Vec<(Ref, u32)>) {
    let header = trace
        .insts
        .last()
        .filter(|i| i.op == Op::Jump)
        .and_then(|jump| trace.snapshot(jump.snapshot?));
    let Some(header) = header else {
        return (Vec::new(), Vec::new());
    };
    let carried = |k: u32| {
        header
            .frames
            .iter()
            .any(|f| f.slots.iter().any(|&(h, _)| h == k))
    };
    let body_stores = |k: u32| {
        trace.insts[entry.loop_at..]
            .iter()
            .any(|i| i.op == Op::StoreSlot && i.imm == Imm::Slot(k))
    };
    // The home whose word `w` is, if it keeps the word the pre-roll read all along: read
    // by the pre-roll, carried by no phi, never written, and every exit of the root leaves
    // it as read (or not at all).
    let stable = |w: Ref| -> Option<u32> {
        let load = trace
            .inst(w)
            .filter(|l| l.op == Op::LoadSlot && l.ty == Type::Value)?;
        let Imm::Slot(k) = load.imm else {
            return None;
        };
        let as_read = trace.snapshots.iter().all(|snap| {
            snap.frames
                .iter()
                .flat_map(|f| &f.slots)
                .all(|&(h, v)| h != k || v == pyrite_ir::SnapValue::Ref(w))
        });
        (w.index() < entry.loop_at
            && as_read
            && entry.pinned.binary_search(&k).is_ok()
            && !carried(k)
            && !body_stores(k))
        .then_some(k)
    };
    let mut out = Vec::new();
    let mut words = Vec::new();
    for (i, inst) in trace.insts[..entry.loop_at].iter().enumerate() {
        if let Some(k) = stable(Ref::inst(i)) {
            words.push((Ref::inst(i), k));
        }
        if inst.op == Op::GuardType
            && let Imm::Tag(tag) = inst.imm
            && let Some(k) = inst.args.first().and_then(|&w| stable(w))
        {
            out.push((k, Pinned::Tag(tag)));
        }
    }
    for (&r, &value) in entry.saved.iter().zip(saved) {
        let Some(unbox) = trace.inst(r) else {
            continue;
        };
        if !matches!(unbox.op, Op::UnboxInt | Op::UnboxFloat | Op::UnboxBool) {
            continue;
        }
        if let Some(k) = unbox.args.first().and_then(|&w| stable(w)) {
            out.push((k, Pinned::Unboxed(unbox.op, value)));
        }
    }
    // Only words whose type the pre-roll checked (a pinned home) stand for their home.
    words.retain(|&(_, k)| out.iter().any(|&(h, _)| h == k));
    (out, words)
}

/// Whether every snapshot of `trace` names home `k`.
fn named_everywhere(trace: &Trace, k: u32) -> bool {
    trace.snapshots.iter().all(|s| {
        s.frames
            .iter()
            .any(|f| f.slots.iter().any(|&(h, _)| h == k))
    })
}

impl<'a> Lowering<'a, '_, '_> {
    /// At the root's loop body (`body`, whose parameters are the phis then `P`): what an
    /// inlined side trace's link needs to jump there.
    pub(crate) fn inline_target(
        &mut self,
        body: Block,
        phis: &[usize],
    ) -> Result<(), CompileError> {
        if self.inline.sides.is_empty() || self.inline.side {
            return Ok(());
        }
        let Some(entry) = self.params.body_entry else {
            return Ok(());
        };
        if entry.phis.len() != phis.len() {
            return Err(CompileError(
                "backend: body entry does not match the phis".into(),
            ));
        }
        let mut saved = Vec::new();
        for &r in &entry.saved {
            saved.push(self.operand(r)?);
        }
        let (pinned, words) = pinned_homes(self.trace, entry, &saved);
        let guards = pre_roll_guards(self.trace, entry, &words);
        let mut bases = Vec::new();
        let mut keep = Vec::new();
        for &(from, _) in &entry.phis {
            bases.push(match from {
                PhiFrom::Attr { base, .. } => Some(self.operand(base)?),
                PhiFrom::Stored(k) => {
                    keep.push(k);
                    None
                }
                PhiFrom::Handed(_) => None,
            });
        }
        for inst in &self.trace.insts[entry.loop_at..] {
            if inst.op == Op::LoadSlot
                && let Imm::Slot(k) = inst.imm
            {
                keep.push(k);
            }
        }
        self.inline.target = Some(BodyTarget {
            block: body,
            phis: entry.phis.clone(),
            bases,
            saved,
            keep,
            pinned,
            known: Vec::new(),
            guards,
            exit_ranges: Vec::new(),
        });
        Ok(())
    }

    /// The intervals, as they hold at the root's exit `snap`, of the integer values it hands
    /// over, per home.
    fn exit_ranges(&self, snap: SnapshotId) -> Vec<(u32, Range)> {
        range::exit_ranges(self.trace, snap.index())
            .into_iter()
            .map(|(h, lo, hi)| (h, Range { lo, hi }))
            .collect()
    }

    /// For a side trace compiled in at the root's exit `snap`: per phi, the value its link
    /// would read back from the slot array (`PhiFrom::Stored`) or the object
    /// (`PhiFrom::Attr`), if the root has it in a register already. A side trace with a
    /// body link never writes such a home or attribute and calls nothing that could (see
    /// `body_entry::link_plan`), so the word there is still the root's at the exit: the
    /// value of the body's last store to it before the snapshot, or, if the body has not
    /// stored it yet this iteration, the phi itself. Anything less clear is read back.
    fn known_phis(&mut self, snap: SnapshotId) -> Result<Vec<Option<Value>>, CompileError> {
        let trace = self.trace;
        let (Some(entry), Some(snapshot)) = (self.params.body_entry, trace.snapshot(snap)) else {
            return Ok(Vec::new());
        };
        let position = snapshot.position as usize;
        // Stores between the snapshot and the last guard leaving through it are not
        // known to have happened (or not) at the exit.
        let last_use = trace
            .insts
            .iter()
            .rposition(|i| i.snapshot == Some(snap))
            .unwrap_or(position);
        if position <= entry.loop_at || last_use < position {
            return Ok(Vec::new());
        }
        let named = |k: u32| {
            snapshot
                .frames
                .iter()
                .any(|f| f.slots.iter().any(|&(h, _)| h == k))
        };
        let mut known = Vec::with_capacity(entry.phis.len());
        for (j, &(from, ty)) in entry.phis.iter().enumerate() {
            let phi = Ref::inst(entry.loop_at + 1 + j);
            let is_store = |i: &pyrite_ir::Inst| match from {
                PhiFrom::Stored(k) => i.op == Op::StoreSlot && i.imm == Imm::Slot(k),
                PhiFrom::Attr { offset, .. } => {
                    i.op == Op::StoreAttr && i.imm == Imm::Offset(offset)
                }
                PhiFrom::Handed(_) => false,
            };
            let unsettled = matches!(from, PhiFrom::Handed(_))
                || matches!(from, PhiFrom::Stored(k) if named(k))
                || trace.insts[position..=last_use].iter().any(is_store)
                || trace
                    .inst(phi)
                    .is_none_or(|p| p.op != Op::Phi || p.ty != ty);
            if unsettled {
                known.push(None);
                continue;
            }
            let last = trace.insts[entry.loop_at + 1..position]
                .iter()
                .rev()
                .find(|&i| is_store(i));
            let value = match (from, last) {
                (_, None) => Some(phi),
                (PhiFrom::Stored(_), Some(store)) => store.args.first().copied(),
                (_, Some(store)) => store
                    .args
                    .get(1)
                    .and_then(|&b| trace.inst(b))
                    .filter(|b| matches!(b.op, Op::BoxInt | Op::BoxFloat | Op::BoxBool))
                    .and_then(|b| b.args.first().copied()),
            };
            known.push(match value {
                Some(r) if trace.type_of(r) == ty => Some(self.operand(r)?),
                _ => None,
            });
        }
        Ok(known)
    }

    /// The entry block of the side trace compiled in at exit `snap`, if there is one and
    /// the exit is inside the loop body (it takes the snapshot's values as parameters,
    /// like an exit block).
    pub(crate) fn inline_entry(&mut self, snap: SnapshotId) -> Result<Option<Block>, CompileError> {
        if self.inline.target.is_none() {
            return Ok(None);
        }
        let Some(index) = self
            .inline
            .sides
            .iter()
            .position(|s| s.parent_exit == snap.0)
        else {
            return Ok(None);
        };
        let polled = !self.poll_pending;
        if let Some(entry) = self.inline.entries.iter_mut().find(|e| e.0 == snap) {
            entry.3 &= polled;
            return Ok(Some(entry.1));
        }
        let values = self.exit_values(snap)?;
        let block = self.b.create_block();
        self.append_exit_params(block, &values)?;
        self.inline.entries.push((snap, block, index, polled));
        Ok(Some(block))
    }

    /// Lowers every side trace an exit of this trace branched to, into its entry block.
    pub(crate) fn lower_inlined(&mut self) -> Result<(), CompileError> {
        let entries = std::mem::take(&mut self.inline.entries);
        let sides = self.inline.sides;
        for (snap, block, index, polled) in entries {
            let side = sides
                .get(index)
                .ok_or_else(|| CompileError("backend: no such side trace".into()))?;
            let mut target = self
                .inline
                .target
                .clone()
                .ok_or_else(|| CompileError("backend: side trace before the body".into()))?;
            self.b.switch_to_block(block);
            if self.inline.side {
                // The pre-roll's header facts are only trusted for the root's own side
                // traces (one trace to check for header writes), and the exit's values
                // are this side trace's.
                target.guards.clear();
                target.exit_ranges.clear();
            } else {
                // Deeper side traces keep what the root knew at the first exit: nothing
                // on the way writes those homes or attributes.
                target.known = self.known_phis(snap)?;
                target.exit_ranges = self.exit_ranges(snap);
            }
            let values = self.exit_values(snap)?;
            let params: Vec<Value> = self.exit_params(block, &values)?;
            let loads = first_loads(side.trace);
            let mut substitutes = Vec::new();
            let mut skip = Vec::new();
            // Every home the exit names (virtual objects' homes too).
            let named: Vec<u32> = self
                .trace
                .snapshot(snap)
                .map(|s| {
                    s.frames
                        .iter()
                        .flat_map(|f| &f.slots)
                        .map(|&(h, _)| h)
                        .collect()
                })
                .unwrap_or_default();
            // Homes of the exit's inlined frames: a later snapshot that leaves one out
            // either no longer has the frame or has the slot dead (an inlined frame's
            // snapshot names all its live slots), so its word is never read again.
            let inlined_frames: Vec<u32> = self
                .trace
                .snapshot(snap)
                .map(|s| {
                    s.frames
                        .iter()
                        .skip(1)
                        .flat_map(|f| &f.slots)
                        .map(|&(h, _)| h)
                        .collect()
                })
                .unwrap_or_default();
            for (&(dest, r), &v) in values.iter().zip(&params) {
                let ExitDest::Slot(h) = dest else {
                    continue;
                };
                let ty = self.trace.type_of(r);
                let unread = !loads.iter().any(|&(k, _)| k == h);
                if !loads.contains(&(h, Some(ty))) && !unread {
                    continue;
                }
                if !unread {
                    substitutes.push((h, v, ty));
                }
                if !target.keep.contains(&h)
                    && (inlined_frames.contains(&h) || named_everywhere(side.trace, h))
                {
                    skip.push(h);
                }
            }
            self.store_exit_values(&values, &params, &skip);
            let params = LowerParams {
                helpers: self.params.helpers,
                exit_slots: side.exit_slots,
                stress: self.params.stress,
                helper_call_conv: self.params.helper_call_conv,
                frontend: self.params.frontend,
                exit_base: side.exit_base,
                link_to: None,
                entered_by_vm: false,
                body_entry: None,
                body_link: Some(side.link),
                native: None,
            };
            let mut state = InlineState {
                sides: &side.children,
                side: true,
                target: Some(target),
                entries: Vec::new(),
                substitutes,
                stored: Vec::new(),
                named,
                pinned_loads: Vec::new(),
                skip: Vec::new(),
                may_skip: !self.params.stress,
                stats: TreeStats::default(),
            };
            state.plan_known(side.trace);
            let header = self.header;
            let shared = (self.ctx, self.slots, self.interrupt);
            let mut lowering = side_lowering(side.trace, &params, self.b, shared, header, state);
            // The eval breaker was polled this iteration already (the link goes back to
            // the body, whose first guard polls again).
            lowering.poll_pending = !polled;
            lowering.body(header)?;
            lowering.exit_blocks()?;
            let deeper = std::mem::take(&mut lowering.inline.stats);
            let stats = &mut self.inline.stats;
            stats.inlined.push(side.exit_base);
            stats.inlined_exits.push(self.params.exit_base + snap.0);
            stats.inlined.extend(deeper.inlined);
            stats.inlined_exits.extend(deeper.inlined_exits);
            stats.slot_exits.extend(deeper.slot_exits);
        }
        Ok(())
    }

    /// An inlined side trace's link into the root's body: box what the body does not
    /// carry, check the handed-over values' intervals (outside: write back and run the
    /// pre-roll) and jump to the body block with the phi values and `P`.
    pub(crate) fn inline_link(&mut self, snap: SnapshotId) -> Result<(), CompileError> {
        let link = self
            .params
            .body_link
            .ok_or_else(|| self.unsupported("an inlined side trace without a body link"))?;
        let target = self
            .inline
            .target
            .clone()
            .ok_or_else(|| self.unsupported("an inlined side trace without its body"))?;
        self.box_into_slots(snap, &link.boxed)?;
        // A value the side trace took straight from the root's exit and never changed
        // needs no check when the root's ranges at the exit already put it inside.
        let trace = self.trace;
        let mut link = link.clone();
        link.checks.retain(|&(r, lo, hi)| {
            let home = trace.inst(r).and_then(|i| match (i.op, i.imm) {
                (Op::LoadSlot, Imm::Slot(h)) if i.ty == Type::I64 => Some(h),
                _ => None,
            });
            let inside = home.is_some_and(|h| {
                self.inline.substitute(h, Type::I64).is_some()
                    && target
                        .exit_ranges
                        .iter()
                        .any(|&(k, range)| k == h && lo <= range.lo && range.hi <= hi)
            });
            !inside
        });
        let link = &link;
        self.check_link(snap, link, |l| {
            l.b.ins().jump(l.header, &[]);
        })?;
        let params: Vec<Value> = self.b.block_params(target.block).to_vec();
        if params.len() != target.phis.len() + target.saved.len() {
            return Err(self.unsupported("a body block of another shape"));
        }
        let mut args = Vec::new();
        for (j, &(from, ty)) in target.phis.iter().enumerate() {
            let known = target.known.get(j).copied().flatten();
            let value = match from {
                PhiFrom::Stored(_) | PhiFrom::Attr { .. } if let Some(v) = known => v,
                PhiFrom::Handed(_) => {
                    let r = link
                        .transfer
                        .get(j)
                        .copied()
                        .flatten()
                        .ok_or_else(|| self.unsupported("a phi the link does not hand over"))?;
                    self.operand(r)?
                }
                PhiFrom::Stored(k) => {
                    let word = self.b.ins().load(
                        cranelift_codegen::ir::types::I64,
                        flags(),
                        self.slots,
                        k as i32 * 8,
                    );
                    self.value_of_word(word, ty)
                }
                PhiFrom::Attr { offset, .. } => {
                    let base =
                        target.bases.get(j).copied().flatten().ok_or_else(|| {
                            self.unsupported("an attribute phi without its object")
                        })?;
                    let word =
                        self.b
                            .ins()
                            .load(cranelift_codegen::ir::types::I64, flags(), base, offset);
                    self.unbox_word(word, ty)
                }
            };
            let want = self.b.func.dfg.value_type(params[j]);
            if self.b.func.dfg.value_type(value) != want {
                return Err(self.unsupported("a handed-over value of another type"));
            }
            args.push(BlockArg::Value(value));
        }
        args.extend(target.saved.iter().map(|&v| BlockArg::Value(v)));
        self.b.ins().jump(target.block, &args);
        Ok(())
    }
}
