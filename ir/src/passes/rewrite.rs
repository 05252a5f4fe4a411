//! The engine most passes share: re-emit a trace, instruction by instruction, into a fresh
//! [`TraceBuilder`] so that every rewritten instruction is folded and CSE'd again.
//!
//! A pass implements [`Rewrite`]: for each old instruction (operands already substituted
//! with their new values) it emits something and returns the new value; for each snapshot
//! (slots already substituted) it may edit the copy. `phi`s are appended as they are (their
//! back-edge operand is patched once the body has been re-emitted), and snapshots no
//! instruction uses any more are dropped at the end, renumbering exits densely. A pass that
//! may have made a phi trivial calls [`remove_trivial_phis`] once its own phis are final.

use crate::builder::{NO_VALUE, TraceBuilder};
use crate::op::Op;
use crate::snapshot::{Snapshot, SnapshotId};
use crate::trace::{Imm, Inst, Ref, Trace};

/// One pass's decisions during a rewrite.
pub(crate) trait Rewrite {
    /// Emits the new form of old instruction `index` (`inst` has substituted operands and
    /// its snapshot mapped) and returns its value, or [`NO_VALUE`].
    fn inst(&mut self, b: &mut TraceBuilder, index: usize, inst: Inst) -> Ref {
        let _ = index;
        b.emit_inst(inst)
    }

    /// Called before old instruction `index` (and the snapshots taken just before it) is
    /// re-emitted; `subst` maps the old instructions so far to their new values.
    fn before(&mut self, b: &mut TraceBuilder, index: usize, subst: &[Ref]) {
        let _ = (b, index, subst);
    }

    /// Edits the copy of an old snapshot (its values are already substituted).
    fn snapshot(&mut self, b: &mut TraceBuilder, snapshot: &mut Snapshot) {
        let _ = (b, snapshot);
    }
}

/// Re-emits `trace` through `pass`, replacing it with the result. Returns the map from old
/// instructions to their new values.
pub(crate) fn rewrite(trace: &mut Trace, pass: &mut impl Rewrite) -> Result<Vec<Ref>, String> {
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
        pass.before(&mut b, index, &subst);
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
    Ok(subst)
}

/// Replaces each `phi a, b` whose back-edge value is itself or `a` (the value never
/// changes) by `a`, then deletes it; kept phis (`phi a, a, [k]`) stay.
pub(crate) fn remove_trivial_phis(trace: &mut Trace) {
    let mut replace: Vec<Option<Ref>> = vec![None; trace.insts.len()];
    let mut any = false;
    // Replacing one phi can make another trivial (a phi fed by a trivial phi).
    loop {
        let mut changed = false;
        for index in 0..trace.insts.len() {
            let inst = &trace.insts[index];
            // A kept phi (one naming its home) stays: a side trace entering the loop body
            // may hand it another value than the trace's own back-edge.
            if inst.op != Op::Phi || inst.imm != Imm::None || replace[index].is_some() {
                continue;
            }
            let resolve = |r: Ref| -> Ref {
                let mut r = r;
                while let Some(next) = (!r.is_const())
                    .then(|| replace.get(r.index()).copied().flatten())
                    .flatten()
                {
                    r = next;
                }
                r
            };
            let (entry, back) = (resolve(inst.args[0]), resolve(inst.args[1]));
            if back == Ref::inst(index) || back == entry {
                replace[index] = Some(entry);
                changed = true;
                any = true;
            }
        }
        if !changed {
            break;
        }
    }
    if !any {
        return;
    }
    let resolve = |r: Ref| -> Ref {
        let mut r = r;
        while let Some(next) = (!r.is_const())
            .then(|| replace.get(r.index()).copied().flatten())
            .flatten()
        {
            r = next;
        }
        r
    };
    for inst in &mut trace.insts {
        for arg in &mut inst.args {
            *arg = resolve(*arg);
        }
    }
    for snap in &mut trace.snapshots {
        snap.map_refs(resolve);
    }
    let keep: Vec<bool> = replace.iter().map(Option::is_none).collect();
    super::dce::compact(trace, &keep);
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
