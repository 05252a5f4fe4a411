//! Dead-code elimination: keeps what has an effect (guards, stores, impure calls, reference
//! counts, loop structure) and the values those need, directly or through their snapshots;
//! deletes the rest, renumbering values and exits.
//!
//! A `phi` is live only if something live uses it: a phi used by nothing but its own
//! back-edge computation dies with it.

use super::rewrite::drop_unused_snapshots;
use crate::builder::NO_VALUE;
use crate::trace::{Ref, Trace};

/// Runs the pass.
pub fn run(trace: &mut Trace) -> Result<(), String> {
    let live = live_insts(trace);
    compact(trace, &live);
    Ok(())
}

/// Deletes the instructions not in `keep`, renumbering values, snapshot positions and exits.
/// Nothing kept may use a deleted value.
pub(crate) fn compact(trace: &mut Trace, keep: &[bool]) {
    let live = keep;
    let mut subst = Vec::with_capacity(trace.insts.len());
    let mut kept = Vec::with_capacity(trace.insts.len());
    for (index, inst) in trace.insts.iter().enumerate() {
        if live[index] {
            subst.push(Ref::inst(kept.len()));
            kept.push(inst.clone());
        } else {
            subst.push(NO_VALUE);
        }
    }
    let map = |r: Ref| if r.is_const() { r } else { subst[r.index()] };
    for inst in &mut kept {
        for arg in &mut inst.args {
            *arg = map(*arg);
        }
    }
    // A snapshot taken at old position p now sits before the first kept instruction at or
    // after p.
    let new_position = |p: u32| {
        subst[..p as usize]
            .iter()
            .filter(|r| **r != NO_VALUE)
            .count() as u32
    };
    for snap in &mut trace.snapshots {
        snap.position = new_position(snap.position);
        snap.map_refs(map);
    }
    trace.insts = kept;
    drop_unused_snapshots(trace);
}

/// Marks the live instructions.
pub(crate) fn live_insts(trace: &Trace) -> Vec<bool> {
    let mut live = vec![false; trace.insts.len()];
    let mut work = Vec::new();
    for (index, inst) in trace.insts.iter().enumerate() {
        if !trace.is_removable(inst) {
            live[index] = true;
            work.push(index);
        }
    }
    while let Some(index) = work.pop() {
        let inst = &trace.insts[index];
        let snapshot_refs = inst
            .snapshot
            .and_then(|id| trace.snapshot(id))
            .into_iter()
            .flat_map(|snap| snap.refs());
        for r in inst.args.iter().copied().chain(snapshot_refs) {
            if !r.is_const() && r.index() < live.len() && !live[r.index()] {
                live[r.index()] = true;
                work.push(r.index());
            }
        }
    }
    live
}
