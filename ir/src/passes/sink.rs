//! Allocation sinking: an allocation that only exits need is not made at all.
//!
//! A box (`box_int`, `box_float`, `box_bool`) or `new_tuple` whose only uses are snapshot
//! entries, reference-count operations, and the fields of other sunk tuples is deleted
//! (with those reference-count operations; a box's range check goes too, since exits box
//! any value). Each snapshot that named it instead holds what the exit needs to rebuild it:
//! the unboxed number for a box (the exit boxes it), or a *virtual* tuple described field
//! by field (LuaJIT's SINK, PyPy's virtuals). A tuple named twice in one snapshot becomes
//! one virtual, so identity survives the exit.
//!
//! An allocation used by anything else (a store, a call, a `phi`) escapes and stays.

use std::collections::HashMap;

use super::dce::compact;
use crate::op::{Op, OpFlags};
use crate::snapshot::{SnapValue, Snapshot, Virtual, VirtualKind};
use crate::trace::{Ref, Trace};

/// Runs the pass.
pub fn run(trace: &mut Trace) -> Result<(), String> {
    let sunk = sinkable(trace);
    if !sunk.contains(&true) {
        return Ok(());
    }
    let snapshots = std::mem::take(&mut trace.snapshots);
    trace.snapshots = snapshots
        .into_iter()
        .map(|snap| rebuild_snapshot(trace, &sunk, snap))
        .collect();
    let keep: Vec<bool> = trace
        .insts
        .iter()
        .enumerate()
        .map(|(i, inst)| {
            let rc_on_sunk =
                is_rc(inst.op) && inst.args.first().is_some_and(|&a| is_sunk(&sunk, a));
            !sunk[i] && !rc_on_sunk
        })
        .collect();
    compact(trace, &keep);
    Ok(())
}

fn is_rc(op: Op) -> bool {
    op.flags().contains(OpFlags::RC)
}

fn is_sunk(sunk: &[bool], r: Ref) -> bool {
    !r.is_const() && sunk.get(r.index()).copied().unwrap_or(false)
}

/// Marks the allocations that do not escape.
fn sinkable(trace: &Trace) -> Vec<bool> {
    let mut sunk: Vec<bool> = trace
        .insts
        .iter()
        .map(|inst| {
            matches!(
                inst.op,
                Op::BoxInt | Op::BoxFloat | Op::BoxBool | Op::NewTuple
            )
        })
        .collect();
    loop {
        let mut changed = false;
        for (index, inst) in trace.insts.iter().enumerate() {
            // Fields of a sunk tuple and operands of reference counts do not escape.
            let harmless = (sunk[index] && inst.op == Op::NewTuple) || is_rc(inst.op);
            if harmless {
                continue;
            }
            for &arg in &inst.args {
                if is_sunk(&sunk, arg) {
                    sunk[arg.index()] = false;
                    changed = true;
                }
            }
        }
        for snap in &trace.snapshots {
            for frame in &snap.frames {
                if let Some(f) = frame.function
                    && is_sunk(&sunk, f)
                {
                    sunk[f.index()] = false;
                    changed = true;
                }
            }
        }
        if !changed {
            return sunk;
        }
    }
}

/// Replaces the sunk values a snapshot names by unboxed values and virtuals.
fn rebuild_snapshot(trace: &Trace, sunk: &[bool], mut snap: Snapshot) -> Snapshot {
    let mut virtuals_of: HashMap<Ref, u32> = HashMap::new();
    let mut frames = std::mem::take(&mut snap.frames);
    for frame in &mut frames {
        for (_, value) in &mut frame.slots {
            *value = sink_value(trace, sunk, &mut snap.virtuals, &mut virtuals_of, *value);
        }
    }
    // Fields of virtuals already present (from an earlier sinking) may name sunk values too.
    for i in 0..snap.virtuals.len() {
        let fields = snap.virtuals[i].fields.clone();
        let fields = fields
            .into_iter()
            .map(|f| sink_value(trace, sunk, &mut snap.virtuals, &mut virtuals_of, f))
            .collect();
        snap.virtuals[i].fields = fields;
    }
    snap.frames = frames;
    snap
}

fn sink_value(
    trace: &Trace,
    sunk: &[bool],
    virtuals: &mut Vec<Virtual>,
    virtuals_of: &mut HashMap<Ref, u32>,
    value: SnapValue,
) -> SnapValue {
    let SnapValue::Ref(r) = value else {
        return value;
    };
    if !is_sunk(sunk, r) {
        return value;
    }
    let Some(inst) = trace.inst(r) else {
        return value;
    };
    if inst.op != Op::NewTuple {
        // A box: the exit boxes the raw value.
        return SnapValue::Ref(inst.args[0]);
    }
    if let Some(&index) = virtuals_of.get(&r) {
        return SnapValue::Virtual(index);
    }
    let index = virtuals.len() as u32;
    virtuals.push(Virtual {
        kind: VirtualKind::Tuple,
        fields: Vec::new(),
    });
    virtuals_of.insert(r, index);
    let fields = inst
        .args
        .iter()
        .map(|&f| sink_value(trace, sunk, virtuals, virtuals_of, SnapValue::Ref(f)))
        .collect();
    virtuals[index as usize].fields = fields;
    SnapValue::Virtual(index)
}
