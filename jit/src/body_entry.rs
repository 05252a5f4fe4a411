//! Body entry: side traces that jump into their root's loop body with unboxed values
//! (PyPy's short preamble, LuaJIT's side traces linking to the root's `LOOP`).
//!
//! A peeled root runs its pre-roll once per entry (type guards, unboxing, hoisted loads),
//! then loops in its body block, whose parameters are the phis. A side trace normally
//! ends by boxing its state into the slot array and tail-calling the root, which re-runs
//! the whole pre-roll. With a [`BodyEntry`], the root instead has a second way in:
//!
//! ```text
//! root entry:  flag = ctx.body_entry ── 0 ──▶ pre-roll ─▶ save P ─▶ body(phis, P)
//!                                    └─ 1 ──▶ body_in: flag = 0; phis = ctx.transfer[..];
//!                                             P = ctx.saved[..] ─▶ body(phis, P)
//! side trace:  ... ─▶ box the homes the body does not carry ─▶ transfer[j] = value of
//!              phi j's home ─▶ ctx.body_entry = 1 ─▶ return_call root
//! ```
//!
//! `P` are the pre-roll values the body uses (hoisted invariants, unboxed invariant homes):
//! the root saves them into the context at the end of each pre-roll (so each run, and each
//! nested run, has its own) and the body block takes them as parameters, so both ways in
//! define them. They stay right only if nothing since the pre-roll changed what they were
//! computed from, which is checked statically ([`ChainState`]): the root calls no Python
//! code (no nested run of the same tree between the pre-roll and the body entry), and the
//! side traces on the way from a body exit (or a pre-roll exit after which the pre-roll
//! did nothing the body relies on: `pre_roll_clean_from`) to the link call no helper that runs Python
//! code, write no home the pre-roll read (other than a loop-carried one), leave the homes
//! the body writes with one value each iteration ("fixed") as they were and, when the
//! pre-roll read the heap, store nothing to it (an attribute store only at offsets nobody
//! read). Every loop-carried home must be an unboxed number of the phi's type at the link,
//! inside the interval the range pass assumed for the phi (checked at the link when the
//! side trace's own ranges do not prove it). A root whose body stores to the heap has no
//! body entry: peeling may answer a body load with the previous iteration's store, which
//! a side path that skips the store would leave stale (the one exception: an attribute
//! carried by a phi, re-read from the object). Anything else links to the pre-roll as
//! before.
//!
//! The eval-breaker poll and the stress countdown are per iteration (the body's first
//! guard) and per context, so they hold on the new path; the body's exits write every
//! loop-carried home (checked), so the slot array needs no word for them.

use pyrite_ir::passes::range::{self, Range};
use pyrite_ir::{Const, Effect, Imm, Op, Ref, SnapValue, Snapshot, Trace, Type};

use crate::context::{BODY_WORDS, TRANSFER_WORDS};

/// Where a body entry takes a phi's value from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PhiFrom {
    /// The side trace hands over its value of this home (its header value).
    Handed(u32),
    /// The body keeps the phi's next value in this home of the slot array itself
    /// (`store_slot`, e.g. a `range` position): read it from there.
    Stored(u32),
    /// The body stores the phi's next value, boxed, into this attribute slot of an
    /// object the pre-roll found (`store_attr base, box(v), +offset`, an attribute updated
    /// each iteration that load forwarding keeps in a register): read and unbox it there.
    Attr { base: Ref, offset: i32 },
}

impl PhiFrom {
    /// The home, for phis that have one.
    pub fn home(self) -> Option<u32> {
        match self {
            PhiFrom::Handed(k) | PhiFrom::Stored(k) => Some(k),
            PhiFrom::Attr { .. } => None,
        }
    }
}

/// How a peeled root can be entered at its loop body.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BodyEntry {
    /// Per phi, in order: where its value comes from, and its type.
    pub phis: Vec<(PhiFrom, Type)>,
    /// Per phi: the interval the range pass assumed for it (`None`: any value), which
    /// the body's dropped overflow checks rely on: a handed-over value must lie in it.
    pub bounds: Vec<Option<(i64, i64)>>,
    /// The pre-roll values the body uses, in the order they are saved.
    pub saved: Vec<Ref>,
    /// Other homes the back-edge writes a phi's value to (`best = i`: the phi stands for
    /// both): a side trace must hand over the same value for them, else the body would
    /// go on with one of them wrong.
    pub aliases: Vec<(usize, u32)>,
    /// Homes the pre-roll reads that no phi carries: a side trace must leave them alone.
    pub pinned: Vec<u32>,
    /// Homes the body writes with the same value every iteration (a pre-roll value or a
    /// constant): a side trace must leave them as a body exit left them (or write the
    /// same constant).
    pub fixed: Vec<(u32, Ref, Option<Const>)>,
    /// The pre-roll reads object memory other than attribute slots (or calls a helper): a
    /// side trace must not store to the heap.
    pub reads_heap: bool,
    /// The attribute offsets the pre-roll (or a body entry) reads: a side trace must not
    /// store an attribute at one of them.
    pub attr_offsets: Vec<i32>,
    /// The pre-roll calls a helper (which may read anything).
    pub calls: bool,
    /// The index of the root's `loop` instruction.
    pub loop_at: usize,
    /// Root exits before this instruction are not clean: the body has not yet stored
    /// every [`PhiFrom::Stored`] home.
    pub stored_by: usize,
    /// The pre-roll saves the values in [`BodyEntry::saved`] just before this instruction
    /// (right after the last of them is defined, so pre-roll exits after it find them).
    pub save_at: usize,
    /// Pre-roll exits at or after this instruction (and before the loop) start clean too
    /// (see `pre_roll_clean_from`); `loop_at` when none does.
    pub pre_clean_from: usize,
}

/// What a side trace's link does instead of boxing everything: the values to transfer
/// (one per phi of the root) and the homes to box into the slot array.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BodyLink {
    /// Per phi of the root: the side trace's value of its home (`None` for a phi the root
    /// reads back from where its body stored it).
    pub transfer: Vec<Option<Ref>>,
    /// Homes the side trace changed that the root's body does not carry: boxed as before.
    pub boxed: Vec<(u32, Ref)>,
    /// Handed-over values that must lie in `[lo, hi]` (the phi's assumed interval); when
    /// one does not, the link goes to the pre-roll after all.
    pub checks: Vec<(Ref, i64, i64)>,
}

/// Whether the way from the root's body to a trace's entry left the pre-roll's values
/// valid (see the module doc): `Clean` for a side trace of a body exit whose ancestors
/// only did what a body entry allows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ChainState {
    Clean,
    Dirty,
}

fn is_unboxed(ty: Type) -> bool {
    matches!(ty, Type::I64 | Type::F64 | Type::Bool)
}

/// The root frame's homes of `snap` with their values (inlined frames share the slot
/// array's numbering, so they are included).
fn homes(snap: &Snapshot) -> impl Iterator<Item = (u32, SnapValue)> + '_ {
    snap.frames.iter().flat_map(|f| f.slots.iter().copied())
}

/// The body entry of a peeled root loop, or why it cannot have one.
pub fn root_entry(trace: &Trace) -> Result<BodyEntry, &'static str> {
    let loop_at = trace.loop_index().ok_or("not peeled")?;
    let header = trace
        .insts
        .last()
        .filter(|i| i.op == Op::Jump)
        .and_then(|jump| trace.snapshot(jump.snapshot?))
        .ok_or("no header snapshot")?;
    if header.frames.len() != 1 || !header.virtuals.is_empty() {
        return Err("objects carried around the loop");
    }
    let carried: Vec<(u32, Ref)> = header.frames[0]
        .slots
        .iter()
        .map(|&(k, v)| v.as_ref().map(|r| (k, r)))
        .collect::<Option<_>>()
        .ok_or("objects carried around the loop")?;
    // Each phi's home: the one whose back-edge value is the phi's (or a box of it).
    let mut phis = Vec::new();
    let mut phi_homes = Vec::new();
    let mut aliases = Vec::new();
    let mut stored_by = loop_at + 1;
    let body_stores = |k: u32| {
        trace.insts[loop_at + 1..]
            .iter()
            .enumerate()
            .filter(move |(_, i)| i.op == Op::StoreSlot && i.imm == Imm::Slot(k))
            .map(move |(at, i)| (loop_at + 1 + at, i.args[0]))
    };
    for (index, inst) in trace.insts.iter().enumerate().skip(loop_at + 1) {
        if inst.op != Op::Phi {
            break;
        }
        if !is_unboxed(inst.ty) {
            return Err("a phi of value words");
        }
        let back = inst.args[1];
        let carries = |v: Ref| {
            v == back
                || trace.inst(v).is_some_and(|b| {
                    matches!(b.op, Op::BoxInt | Op::BoxFloat | Op::BoxBool) && b.args[0] == back
                })
        };
        let home = carried.iter().find(|&&(_, v)| carries(v));
        for &(k, v) in &carried {
            if carries(v) && home.is_some_and(|&(h, _)| h != k) {
                aliases.push((phis.len(), k));
            }
        }
        let from = match home {
            Some(&(k, _)) => PhiFrom::Handed(k),
            // Stores are never delayed past a guard, so at every exit the attribute holds
            // its current value: any body exit may start a side trace.
            None if let Some((base, offset)) = stored_attr(trace, loop_at, back, inst.ty) => {
                PhiFrom::Attr { base, offset }
            }
            None => {
                // The body stores the next value into a home itself, once per iteration.
                let unknown = "a phi with no home";
                let store = trace.insts[loop_at + 1..]
                    .iter()
                    .find(|i| i.op == Op::StoreSlot && i.args[0] == back)
                    .ok_or(unknown)?;
                let Imm::Slot(k) = store.imm else {
                    return Err(unknown);
                };
                let mut stores = body_stores(k);
                let (at, _) = stores.next().ok_or(unknown)?;
                if stores.next().is_some() {
                    return Err("a home stored twice");
                }
                stored_by = stored_by.max(at + 1);
                PhiFrom::Stored(k)
            }
        };
        phis.push((from, inst.ty));
        if let Some(k) = from.home() {
            phi_homes.push((k, Ref::inst(index)));
        }
    }
    if phis.is_empty() || phis.len() > TRANSFER_WORDS {
        return Err("no phis or too many");
    }
    // A carried home that no phi feeds holds a value of this iteration (the body's exits
    // write it) or the same value every iteration (fixed: checked along the chain).
    let mut fixed = Vec::new();
    for &(k, v) in &carried {
        let is_phi_home = phi_homes.iter().any(|&(h, _)| h == k);
        let variant = !v.is_const() && v.index() > loop_at;
        if !is_phi_home && !variant {
            fixed.push((k, v, trace.const_value(v)));
        }
    }
    // Every body exit writes every carried home: the slot array's word for one is never
    // read after a body entry.
    for snap in &trace.snapshots {
        if (snap.position as usize) <= loop_at {
            continue;
        }
        let has_all = carried
            .iter()
            .all(|&(k, _)| snap.frames[0].slots.iter().any(|&(s, _)| s == k));
        if !has_all {
            return Err("a body exit without a carried home");
        }
    }
    let mut reads_heap = false;
    let calls = trace.insts[..loop_at].iter().any(|i| i.op == Op::Call);
    let mut attr_offsets: Vec<i32> = phis
        .iter()
        .filter_map(|&(f, _)| match f {
            PhiFrom::Attr { offset, .. } => Some(offset),
            _ => None,
        })
        .collect();
    // Loop peeling answers a body load with what the previous iteration stored there: a
    // side path that skips the store would leave the body with a stale value. Only the
    // attribute stores that feed a phi (read back at a body entry) are understood.
    for inst in &trace.insts[loop_at + 1..] {
        let understood = match (inst.op, inst.imm) {
            (Op::Store | Op::StoreElem, _) => false,
            (Op::StoreAttr, Imm::Offset(offset)) => phis.iter().any(|&(f, ty)| match f {
                PhiFrom::Attr { base, offset: o } => {
                    base == inst.args[0]
                        && o == offset
                        && trace.inst(inst.args[1]).is_some_and(|b| {
                            matches!(b.op, Op::BoxInt | Op::BoxFloat | Op::BoxBool)
                                && trace.type_of(b.args[0]) == ty
                        })
                }
                _ => false,
            }),
            (Op::StoreAttr, _) => false,
            _ => true,
        };
        if !understood {
            return Err("the body stores to the heap");
        }
    }
    let mut pinned = Vec::new();
    for inst in &trace.insts[..loop_at] {
        match inst.op {
            Op::IncRef | Op::DecRef => return Err("reference counting in the pre-roll"),
            // A pre-roll store may answer a body load too.
            Op::Load | Op::LoadElem | Op::Call | Op::Store | Op::StoreElem => reads_heap = true,
            Op::LoadAttr | Op::StoreAttr => {
                if let Imm::Offset(offset) = inst.imm {
                    attr_offsets.push(offset);
                }
            }
            Op::LoadSlot => {
                if let Imm::Slot(k) = inst.imm
                    && !phis
                        .iter()
                        .any(|&(f, _): &(PhiFrom, Type)| f.home() == Some(k))
                    && !pinned.contains(&k)
                {
                    pinned.push(k);
                }
            }
            _ => {}
        }
    }
    // A nested run of this tree (through Python code the root calls) would overwrite the
    // values the pre-roll saved in between.
    if trace
        .insts
        .iter()
        .any(|inst| trace.effect_of(inst) == Some(Effect::MayCall))
    {
        return Err("calls Python code");
    }
    let mut saved: Vec<Ref> = Vec::new();
    let mut note = |r: Ref| {
        if !r.is_const() && r.index() < loop_at && !saved.contains(&r) {
            saved.push(r);
        }
    };
    for inst in &trace.insts[loop_at + 1..] {
        match inst.op {
            Op::Phi => note(inst.args[1]),
            _ => inst.args.iter().copied().for_each(&mut note),
        }
    }
    for snap in trace
        .snapshots
        .iter()
        .filter(|s| s.position as usize > loop_at)
    {
        snap.refs().for_each(&mut note);
    }
    if saved.len() > BODY_WORDS - TRANSFER_WORDS
        || saved.iter().any(|&r| trace.type_of(r) == Type::Void)
    {
        return Err("too many invariants");
    }
    pinned.sort_unstable();
    let save_at = saved.iter().map(|r| r.index() + 1).max().unwrap_or(0);
    let pre_clean_from = pre_roll_clean_from(trace, loop_at, &phis, save_at);
    let ranges = range::ranges(trace);
    let bounds = (loop_at + 1..loop_at + 1 + phis.len())
        .map(|i| {
            let r = ranges.get(i).copied().unwrap_or(Range::FULL);
            (trace.insts[i].ty == Type::I64 && r != Range::FULL).then_some((r.lo, r.hi))
        })
        .collect();
    Ok(BodyEntry {
        phis,
        bounds,
        saved,
        aliases,
        pinned,
        fixed,
        reads_heap,
        attr_offsets,
        calls,
        loop_at,
        stored_by,
        save_at,
        pre_clean_from,
    })
}

/// The first pre-roll instruction from which a failing guard may still start a clean
/// chain (a side trace of it may enter the body), `loop_at` when there is none.
///
/// At a pre-roll exit at `p`, the instructions before `p` ran and the rest of the pre-roll
/// did not. The body may rely on the pre-roll's values (saved before `save_at`, so `p`
/// must not come earlier), on its stores (none may follow `p`), and on what the guards
/// taught the passes about loop-invariant values (the range pass narrows an invariant
/// `n` at `guard_true (lt_int i0, n)`): every instruction that may leave from `p` on,
/// including `p` itself, may only look at values of this iteration (computed from what
/// a loop-carried home held at entry) and constants. Facts about values of this iteration reach the body
/// only through its phis, whose types and assumed intervals the link checks. A
/// [`PhiFrom::Stored`] home must have been stored before `p`.
fn pre_roll_clean_from(
    trace: &Trace,
    loop_at: usize,
    phis: &[(PhiFrom, Type)],
    save_at: usize,
) -> usize {
    let mut variant = vec![false; loop_at];
    let mut from = save_at;
    let mut stored: Vec<(u32, usize)> = Vec::new();
    for (index, inst) in trace.insts[..loop_at].iter().enumerate() {
        let is_variant = |r: &Ref| !r.is_const() && variant.get(r.index()).copied() == Some(true);
        let carried_load = inst.op == Op::LoadSlot
            && matches!(inst.imm, Imm::Slot(k) if phis.iter().any(|&(f, _)| f.home() == Some(k)));
        let this = carried_load || inst.args.iter().any(is_variant);
        let blocks = match inst.op {
            Op::Store | Op::StoreElem | Op::StoreAttr | Op::Call | Op::IncRef | Op::DecRef => true,
            Op::StoreSlot => {
                if let Imm::Slot(k) = inst.imm {
                    stored.push((k, index));
                }
                true
            }
            _ => trace.is_guard(inst) && !inst.args.iter().all(|r| r.is_const() || is_variant(r)),
        };
        variant[index] = this;
        if blocks {
            from = from.max(index + 1);
        }
    }
    for &(f, _) in phis {
        if let PhiFrom::Stored(k) = f {
            match stored.iter().rev().find(|&&(s, _)| s == k) {
                Some(&(_, at)) => from = from.max(at + 1),
                None => return loop_at,
            }
        }
    }
    from.min(loop_at)
}

/// The body's one `store_attr base, box(back), +offset` (with `base` defined before the
/// loop), if the phi's next value is kept in an attribute: (base, offset).
fn stored_attr(trace: &Trace, loop_at: usize, back: Ref, ty: Type) -> Option<(Ref, i32)> {
    let boxes = |r: Ref| {
        trace.inst(r).is_some_and(|b| {
            let op = match ty {
                Type::I64 => Op::BoxInt,
                Type::F64 => Op::BoxFloat,
                Type::Bool => Op::BoxBool,
                _ => return false,
            };
            b.op == op && b.args[0] == back
        })
    };
    let store = trace.insts[loop_at + 1..]
        .iter()
        .find(|i| i.op == Op::StoreAttr && boxes(i.args[1]))?;
    let Imm::Offset(offset) = store.imm else {
        return None;
    };
    let base = store.args[0];
    if !base.is_const() && base.index() >= loop_at {
        return None;
    }
    // No other store to that attribute (through any object) in the body.
    let stores = trace.insts[loop_at + 1..]
        .iter()
        .filter(|i| i.op == Op::StoreAttr && i.imm == Imm::Offset(offset))
        .count();
    (stores == 1).then_some((base, offset))
}

/// Whether `inst` of a side trace may invalidate what the root's pre-roll computed.
fn spoils(trace: &Trace, entry: &BodyEntry, inst: &pyrite_ir::Inst) -> bool {
    match trace.effect_of(inst) {
        Some(Effect::MayCall) => return true,
        Some(Effect::MayRaise) => return entry.reads_heap || !entry.attr_offsets.is_empty(),
        _ => {}
    }
    match inst.op {
        Op::StoreSlot => true,
        Op::Store | Op::StoreElem => entry.reads_heap || !entry.attr_offsets.is_empty(),
        // An attribute store only changes loads of the same offset (the heap pass's rule).
        Op::StoreAttr => match inst.imm {
            Imm::Offset(offset) => entry.calls || entry.attr_offsets.contains(&offset),
            _ => true,
        },
        _ => false,
    }
}

/// Whether the home `k` of a side trace still holds what the trace found at entry.
fn untouched(trace: &Trace, k: u32, v: SnapValue) -> bool {
    match v {
        SnapValue::Ref(r) => trace
            .inst(r)
            .is_some_and(|i| i.op == Op::LoadSlot && i.imm == Imm::Slot(k)),
        SnapValue::Virtual(_) => false,
    }
}

/// Whether a side trace's value `v` of fixed home `k` is still the root's (`c`: the
/// root's constant, if it is one).
fn as_fixed(trace: &Trace, k: u32, v: SnapValue, c: Option<Const>) -> bool {
    untouched(trace, k, v)
        || c.is_some_and(|c| v.as_ref().and_then(|r| trace.const_value(r)) == Some(c))
}

/// Per snapshot of `trace`: whether a side trace from it starts [`ChainState::Clean`].
/// `start` is the trace's own state (for the root: `Clean`, meaning its body exits).
pub fn exit_states(trace: &Trace, entry: &BodyEntry, root: bool, start: ChainState) -> Vec<bool> {
    if start == ChainState::Dirty {
        return vec![false; trace.snapshots.len()];
    }
    if root {
        return trace
            .snapshots
            .iter()
            .map(|s| {
                let at = s.position as usize;
                (at >= entry.stored_by || (entry.pre_clean_from..entry.loop_at).contains(&at))
                    && entry
                        .fixed
                        .iter()
                        .all(|&(k, r, _)| homes(s).any(|(h, v)| h == k && v == SnapValue::Ref(r)))
            })
            .collect();
    }
    // The first instruction that may spoil the pre-roll's values.
    let spoiled_at = trace
        .insts
        .iter()
        .position(|inst| spoils(trace, entry, inst))
        .unwrap_or(trace.insts.len());
    trace
        .snapshots
        .iter()
        .map(|s| {
            (s.position as usize) <= spoiled_at
                && homes(s)
                    .all(|(k, v)| entry.pinned.binary_search(&k).is_err() || untouched(trace, k, v))
                && entry
                    .fixed
                    .iter()
                    .all(|&(k, _, c)| homes(s).any(|(h, v)| h == k && as_fixed(trace, k, v, c)))
        })
        .collect()
}

/// The body link of a side trace that starts `start`, or why it links to the pre-roll.
pub fn link_plan(
    trace: &Trace,
    entry: &BodyEntry,
    start: ChainState,
) -> Result<BodyLink, &'static str> {
    if start == ChainState::Dirty {
        return Err("its parent's exit is not clean");
    }
    let snap = trace
        .insts
        .last()
        .filter(|i| i.op == Op::Link)
        .and_then(|link| trace.snapshot(link.snapshot?))
        .ok_or("no link")?;
    if snap.frames.len() != 1 || !snap.virtuals.is_empty() {
        return Err("objects at the link");
    }
    if trace.insts.iter().any(|inst| spoils(trace, entry, inst)) {
        return Err("a store or call may change the pre-roll's values");
    }
    let slots = &snap.frames[0].slots;
    let mut transfer = Vec::with_capacity(entry.phis.len());
    let mut checks = Vec::new();
    let side_ranges = match entry.bounds.iter().any(Option::is_some) {
        true => range::ranges(trace),
        false => Vec::new(),
    };
    for (&(from, ty), &bounds) in entry.phis.iter().zip(&entry.bounds) {
        let k = match from {
            PhiFrom::Handed(k) => k,
            PhiFrom::Attr { .. } => {
                transfer.push(None);
                continue;
            }
            PhiFrom::Stored(k) => {
                // Still what the root's body stored there.
                let touched = slots
                    .iter()
                    .any(|&(s, v)| s == k && !untouched(trace, k, v));
                if touched {
                    return Err("it moves a position the body keeps");
                }
                transfer.push(None);
                continue;
            }
        };
        let r = slots
            .iter()
            .find(|&&(s, _)| s == k)
            .and_then(|&(_, v)| v.as_ref())
            .ok_or("a loop-carried home it does not name")?;
        if trace.type_of(r) != ty {
            return Err("a loop-carried value of another type");
        }
        if let Some((lo, hi)) = bounds {
            let known = match trace.const_value(r) {
                Some(Const::Int(v)) => Range { lo: v, hi: v },
                _ if r.is_const() => Range::FULL,
                _ => side_ranges.get(r.index()).copied().unwrap_or(Range::FULL),
            };
            if !(lo <= known.lo && known.hi <= hi) {
                checks.push((r, lo, hi));
            }
        }
        transfer.push(Some(r));
    }
    for &(j, k) in &entry.aliases {
        let value = slots
            .iter()
            .find(|&&(s, _)| s == k)
            .and_then(|&(_, v)| v.as_ref());
        if transfer.get(j).copied().flatten().is_none() || value != transfer[j] {
            return Err("it separates homes the body keeps equal");
        }
    }
    if entry
        .fixed
        .iter()
        .any(|&(k, _, _)| !slots.iter().any(|&(h, _)| h == k))
    {
        return Err("a fixed home it does not name");
    }
    let mut boxed = Vec::new();
    for &(k, v) in slots {
        if entry.phis.iter().any(|&(f, _)| f.home() == Some(k)) {
            continue;
        }
        if entry.pinned.binary_search(&k).is_ok() && !untouched(trace, k, v) {
            return Err("it writes a home the pre-roll read");
        }
        if let Some(&(_, _, c)) = entry.fixed.iter().find(|&&(h, _, _)| h == k)
            && !as_fixed(trace, k, v, c)
        {
            return Err("it changes a value the body keeps the same");
        }
        // Also an untouched home: the parent's exit may have left it unboxed.
        boxed.push((k, v.as_ref().ok_or("objects at the link")?));
    }
    Ok(BodyLink {
        transfer,
        boxed,
        checks,
    })
}
