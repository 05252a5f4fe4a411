//! Loop peeling with copy-substitution (LuaJIT's LOOP optimization).
//!
//! The recorded trace is one loop iteration ending in `jump !sK`, where snapshot `sK` says
//! which slot holds which value at the back-edge. Classic loop-invariant code motion fails
//! on guard-heavy traces (a guard may not move above another guard), so instead the whole
//! iteration is emitted a second time through the builder, below a `loop` marker, with
//! each `load_slot` replaced by the value the first iteration left in that slot. Folding
//! and CSE then find every instruction of the copy whose operands did not change to be the
//! one of the first iteration: invariant guards and loads are simply not emitted again, so
//! they run once, in the *pre-roll*, before the loop.
//!
//! What remains in the copy depends on the previous iteration. Whenever the copy refers to
//! a pre-roll value `x`, it means "`x` as of the previous iteration", which in the loop is
//! the copy's own version `x'` of `x` from the iteration before. When `x' != x` the pass
//! emits `phi x, x'` right after `loop` and makes the loop body use the phi. (Copy
//! snapshots also get the back-edge slots they lack, since after the first iteration those
//! slots no longer hold their entry values.)
//!
//! A slot the back-edge writes with a raw number (the recorder keeps ints, floats and bools
//! unboxed) is substituted by a box of it; folding then cancels that box against the copy's
//! type guard and unbox, so the number is carried by a typed `phi` and the box is left
//! only to snapshots, where `sink` turns it back into the raw number.
//!
//! The final `jump` keeps a snapshot: the back-edge slots in loop values (each
//! loop-carried home names the value its phi receives), so the backend can tell which home
//! feeds which phi when a side trace jumps into the body. It is never written back.
//!
//! A trace that is not a plain root loop (no final `jump` whose snapshot writes value words
//! or numbers into root-frame slots) or that was already peeled is left alone.

use std::collections::HashMap;

use crate::builder::{NO_VALUE, TraceBuilder};
use crate::op::Op;
use crate::snapshot::{SnapValue, Snapshot};
use crate::trace::{Imm, Inst, Ref, Trace};
use crate::types::Type;

/// Runs the pass.
pub fn run(trace: &mut Trace) -> Result<(), String> {
    if trace.loop_index().is_some() {
        return Ok(());
    }
    let Some(jump) = trace.insts.last().filter(|inst| inst.op == Op::Jump) else {
        return Ok(());
    };
    let Some(back_edge) = jump.snapshot.and_then(|id| trace.snapshot(id)).cloned() else {
        return Ok(());
    };
    // Only a root-frame write-back of value words or numbers can stand in for the slot
    // loads (a number stands in boxed: folding cancels the box against the copy's type
    // guard and unbox, leaving a raw loop-carried number).
    let plain_slots = back_edge.frames.len() == 1
        && back_edge.virtuals.is_empty()
        && back_edge.frames[0].slots.iter().all(|(_, v)| {
            v.as_ref().is_some_and(|r| {
                matches!(
                    trace.type_of(r),
                    Type::Value | Type::I64 | Type::F64 | Type::Bool
                )
            })
        });
    if !plain_slots {
        return Ok(());
    }
    let slot_values: HashMap<u32, Ref> = back_edge.frames[0]
        .slots
        .iter()
        .filter_map(|&(slot, value)| value.as_ref().map(|r| (slot, r)))
        .collect();

    // The pre-roll: the recorded body without its jump and the jump's snapshot.
    let body_len = trace.insts.len() - 1;
    let mut pre_roll = trace.clone();
    pre_roll.insts.truncate(body_len);
    // Keep only the snapshots the body uses (not the jump's), renumbered in order.
    super::rewrite::drop_unused_snapshots(&mut pre_roll);
    let body_snapshots: Vec<Snapshot> = pre_roll.snapshots.clone();

    // The copy, then again with kept phis for the homes the first copy found invariant.
    let (mut copy, mut subst) = copy_body(&pre_roll, &body_snapshots, &slot_values, &[])?;
    let kept = kept_homes(trace, &slot_values, &subst);
    if !kept.is_empty() {
        (copy, subst) = copy_body(&pre_roll, &body_snapshots, &slot_values, &kept)?;
    }
    let loop_at = body_len;

    // Phis for every pre-roll value the loop body uses whose copy differs.
    let is_pre_roll = |r: Ref| !r.is_const() && r.index() < loop_at;
    let mut needs_phi: Vec<Ref> = Vec::new();
    let mut seen = vec![false; loop_at];
    let mut work: Vec<Ref> = copy.insts[loop_at + 1..]
        .iter()
        .flat_map(|inst| inst.args.iter().copied())
        .chain(
            copy.snapshots
                .iter()
                .filter(|s| s.position as usize > loop_at)
                .flat_map(|s| s.refs().collect::<Vec<_>>()),
        )
        .filter(|&r| is_pre_roll(r))
        .collect();
    while let Some(r) = work.pop() {
        if std::mem::replace(&mut seen[r.index()], true) {
            continue;
        }
        let next = subst.get(r.index()).copied().unwrap_or(NO_VALUE);
        if next != r && next != NO_VALUE {
            needs_phi.push(r);
            if is_pre_roll(next) {
                work.push(next);
            }
        }
    }
    needs_phi.sort();
    let phi_count = needs_phi.len();
    let phi_of: HashMap<Ref, Ref> = needs_phi
        .iter()
        .enumerate()
        .map(|(i, &r)| (r, Ref::inst(loop_at + 1 + i)))
        .collect();
    // Loop body refs move down past the phis; pre-roll refs with a phi become the phi.
    let relocate = |r: Ref| -> Ref {
        if r.is_const() || r == NO_VALUE {
            r
        } else if r.index() > loop_at {
            Ref::inst(r.index() + phi_count)
        } else {
            r
        }
    };
    let in_loop = |r: Ref| phi_of.get(&r).copied().unwrap_or_else(|| relocate(r));

    let phi_types: Vec<Type> = needs_phi.iter().map(|&r| copy.type_of(r)).collect();
    let mut insts: Vec<Inst> = copy.insts.drain(..=loop_at).collect();
    for (&r, &ty) in needs_phi.iter().zip(&phi_types) {
        let back = in_loop(subst.get(r.index()).copied().unwrap_or(NO_VALUE));
        if ty == Type::Void {
            return Err(format!("phi of void value {r}"));
        }
        insts.push(Inst::new(Op::Phi, ty, vec![r, back], Imm::None));
    }
    for mut inst in copy.insts.drain(..) {
        if let (Op::Phi, Some(&entry)) = (inst.op, inst.args.first()) {
            // A kept phi: entry is the pre-roll's value, back is the body's.
            let back = in_loop(subst.get(entry.index()).copied().unwrap_or(NO_VALUE));
            inst.args = vec![entry, back];
            insts.push(inst);
            continue;
        }
        for arg in &mut inst.args {
            *arg = in_loop(*arg);
        }
        insts.push(inst);
    }
    let mut jump = Inst::new(Op::Jump, Type::Void, vec![], Imm::None);
    for snap in &mut copy.snapshots {
        if snap.position as usize > loop_at {
            snap.position += phi_count as u32;
            snap.map_refs(in_loop);
        }
    }
    // The back-edge state in loop values: which home carries which phi at the header
    // (what a side trace entering the body needs, see `pyrite_jit::body_entry`).
    let mut header = back_edge.clone();
    header.position = insts.len() as u32;
    header.map_refs(|r| match r.is_const() {
        true => r,
        false => in_loop(subst.get(r.index()).copied().unwrap_or(NO_VALUE)),
    });
    if header.refs().all(|r| r != NO_VALUE) {
        jump.snapshot = Some(crate::snapshot::SnapshotId(copy.snapshots.len() as u32));
        copy.snapshots.push(header);
    }
    insts.push(jump);
    copy.insts = insts;
    super::rewrite::drop_unused_snapshots(&mut copy);
    *trace = copy;
    Ok(())
}

/// Emits the loop marker and the body's copy into a builder over `pre_roll`, with each
/// `load_slot` of a back-edge home replaced by the value the previous iteration left there
/// (a kept home: its kept phi). Returns the result and, per original instruction, its copy.
fn copy_body(
    pre_roll: &Trace,
    body_snapshots: &[Snapshot],
    slot_values: &HashMap<u32, Ref>,
    kept: &[(u32, Ref)],
) -> Result<(Trace, Vec<Ref>), String> {
    let body_len = pre_roll.insts.len();
    let mut b = TraceBuilder::from_trace(pre_roll.clone());
    b.set_cse_loads_across_loop(true);
    b.loop_marker();
    let mut slot_values = slot_values.clone();
    for &(slot, value) in kept {
        let ty = b.trace().type_of(value);
        // Its back-edge operand is patched once the copy is final.
        let phi = b.append(Inst::new(Op::Phi, ty, vec![value, value], Imm::Slot(slot)));
        slot_values.insert(slot, phi);
    }
    let mut subst: Vec<Ref> = Vec::with_capacity(body_len);
    let map = |subst: &[Ref], r: Ref| {
        if r.is_const() {
            r
        } else {
            subst.get(r.index()).copied().unwrap_or(NO_VALUE)
        }
    };
    let mut copied_snapshots = HashMap::new();
    let mut next_snapshot = 0;
    for index in 0..body_len {
        while let Some(snap) = body_snapshots.get(next_snapshot)
            && snap.position as usize <= index
        {
            let mut copy = snap.clone();
            copy.map_refs(|r| map(&subst, r));
            let root = &mut copy.frames[0].slots;
            for (&slot, &value) in &slot_values {
                if !root.iter().any(|&(s, _)| s == slot) {
                    root.push((slot, SnapValue::Ref(value)));
                }
            }
            root.sort_by_key(|&(slot, _)| slot);
            copied_snapshots.insert(next_snapshot, b.push_snapshot(copy));
            next_snapshot += 1;
        }
        let mut inst = b.trace().insts[index].clone();
        if let (Op::LoadSlot, Imm::Slot(slot)) = (inst.op, inst.imm)
            && let Some(&value) = slot_values.get(&slot)
        {
            let boxed = match b.trace().type_of(value) {
                Type::I64 => b.emit(Op::BoxInt, &[value]),
                Type::F64 => b.emit(Op::BoxFloat, &[value]),
                Type::Bool => b.emit(Op::BoxBool, &[value]),
                _ => value,
            };
            subst.push(boxed);
            continue;
        }
        for arg in &mut inst.args {
            *arg = map(&subst, *arg);
        }
        if let Some(id) = &mut inst.snapshot {
            *id = *copied_snapshots
                .get(&id.index())
                .ok_or_else(|| format!("v{index}: snapshot {id} not copied"))?;
        }
        let value = if inst.op == Op::Phi {
            return Err("phi in an unpeeled trace".into());
        } else {
            b.emit_inst(inst)
        };
        subst.push(value);
    }
    Ok((b.finish().map_err(|e| e.0)?, subst))
}

/// The homes that need a kept phi: the iteration reads the home (a `load_slot` the copy
/// replaced) and the recorded path writes it back with a number that is invariant (the
/// copy computed the very pre-roll value) but not the one it read. Without a phi the body
/// would bake that value in as a constant of the loop, and a side trace taking another
/// path (`clamp` returning `x` instead of `high`) could never enter the body: every
/// iteration on that path would re-run the pre-roll.
fn kept_homes(trace: &Trace, slot_values: &HashMap<u32, Ref>, subst: &[Ref]) -> Vec<(u32, Ref)> {
    let loads_home = |slot: u32| {
        trace
            .insts
            .iter()
            .any(|i| i.op == Op::LoadSlot && i.imm == Imm::Slot(slot))
    };
    let is_load_of = |r: Ref, slot: u32| {
        let load = |r: Ref| {
            trace
                .inst(r)
                .is_some_and(|i| i.op == Op::LoadSlot && i.imm == Imm::Slot(slot))
        };
        load(r)
            || trace.inst(r).is_some_and(|i| {
                matches!(i.op, Op::UnboxInt | Op::UnboxFloat | Op::UnboxBool) && load(i.args[0])
            })
    };
    let mut kept: Vec<(u32, Ref)> = slot_values
        .iter()
        .filter(|&(&slot, &value)| {
            !value.is_const()
                && matches!(trace.type_of(value), Type::I64 | Type::F64 | Type::Bool)
                && subst.get(value.index()) == Some(&value)
                && loads_home(slot)
                && !is_load_of(value, slot)
        })
        .map(|(&slot, &value)| (slot, value))
        .collect();
    kept.sort_unstable();
    kept
}
