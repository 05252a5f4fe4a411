//! The engine most passes share: re-emit a trace, instruction by instruction, into a fresh
//! [`TraceBuilder`] so that every rewritten instruction is folded and CSE'd again.
//!
//! A pass implements [`Rewrite`]: for each old instruction (operands already substituted
//! with their new values) it emits something and returns the new value; for each snapshot
//! (slots already substituted) it may edit the copy. `phi`s are appended as they are (their
//! back-edge operand is patched once the body has been re-emitted), and snapshots no
//! instruction uses any more are dropped at the end, renumbering exits densely.

use crate::builder::{NO_VALUE, TraceBuilder};
use crate::op::Op;
use crate::snapshot::{Snapshot, SnapshotId};
use crate::trace::{Inst, Ref, Trace};

/// One pass's decisions during a rewrite.
pub(crate) trait Rewrite {
    /// Emits the new form of old instruction `index` (`inst` has substituted operands and
    /// its snapshot mapped) and returns its value, or [`NO_VALUE`].
    fn inst(&mut self, b: &mut TraceBuilder, index: usize, inst: Inst) -> Ref {
        let _ = index;
        b.emit_inst(inst)
    }

    /// Edits the copy of an old snapshot (its values are already substituted).
    fn snapshot(&mut self, b: &mut TraceBuilder, snapshot: &mut Snapshot) {
        let _ = (b, snapshot);
    }
}

/// Re-emits `trace` through `pass`, replacing it with the result.
pub(crate) fn rewrite(trace: &mut Trace, pass: &mut impl Rewrite) -> Result<(), String> {
    let old = std::mem::take(trace);
    let mut b = TraceBuilder::from_trace(old.empty_like());
    let mut subst: Vec<Ref> = Vec::with_capacity(old.insts.len());
    let mut snap_map: Vec<SnapshotId> = Vec::with_capacity(old.snapshots.len());
    let mut phis: Vec<(usize, Ref)> = Vec::new();
    let map = |subst: &[Ref], r: Ref| {
        if r.is_const() {
            r
        } else {
            subst.get(r.index()).copied().unwrap_or(NO_VALUE)
        }
    };

    let mut next_snapshot = 0;
    for (index, inst) in old.insts.iter().enumerate() {
        while let Some(snap) = old.snapshots.get(next_snapshot)
            && snap.position as usize <= index
        {
            snap_map.push(copy_snapshot(&mut b, pass, snap, &subst, map));
            next_snapshot += 1;
        }
        let mut inst = inst.clone();
        if let Some(id) = inst.snapshot {
            inst.snapshot = snap_map.get(id.index()).copied();
        }
        let value = if inst.op == Op::Phi {
            let back = inst.args[1];
            inst.args[0] = map(&subst, inst.args[0]);
            // The back-edge value is defined later: patched below.
            inst.args[1] = inst.args[0];
            inst.ty = b.trace().type_of(inst.args[0]);
            let r = b.append(inst);
            phis.push((r.index(), back));
            r
        } else {
            for arg in &mut inst.args {
                *arg = map(&subst, *arg);
            }
            pass.inst(&mut b, index, inst)
        };
        subst.push(value);
    }
    while let Some(snap) = old.snapshots.get(next_snapshot) {
        snap_map.push(copy_snapshot(&mut b, pass, snap, &subst, map));
        next_snapshot += 1;
    }
    let mut new = b.finish().map_err(|e| e.0)?;
    for (index, back) in phis {
        let back = map(&subst, back);
        if back == NO_VALUE {
            return Err(format!("phi v{index}: back-edge value vanished"));
        }
        new.insts[index].args[1] = back;
    }
    drop_unused_snapshots(&mut new);
    *trace = new;
    Ok(())
}

fn copy_snapshot(
    b: &mut TraceBuilder,
    pass: &mut impl Rewrite,
    snap: &Snapshot,
    subst: &[Ref],
    map: impl Fn(&[Ref], Ref) -> Ref,
) -> SnapshotId {
    let mut copy = snap.clone();
    copy.map_refs(|r| map(subst, r));
    pass.snapshot(b, &mut copy);
    b.push_snapshot(copy)
}

/// Removes the snapshots no instruction names, renumbering the others in order.
pub(crate) fn drop_unused_snapshots(trace: &mut Trace) {
    let mut used = vec![false; trace.snapshots.len()];
    for inst in &trace.insts {
        if let Some(id) = inst.snapshot {
            used[id.index()] = true;
        }
    }
    let mut renumber = Vec::with_capacity(used.len());
    let mut next = 0;
    for &u in &used {
        renumber.push(SnapshotId(next));
        next += u as u32;
    }
    let mut index = 0;
    trace.snapshots.retain(|_| {
        index += 1;
        used[index - 1]
    });
    for inst in &mut trace.insts {
        if let Some(id) = &mut inst.snapshot {
            *id = renumber[id.index()];
        }
    }
}
