//! Reference-count elision: deletes the `incref`/`decref`s that cannot matter.
//!
//! - On a constant: constants are immortal or kept alive by the trace.
//! - On a word known to be an immediate (a box result, or a value guarded `int`, `float`,
//!   `bool` or `none`): immediates have no count. (Sunk allocations lost theirs in `sink`.)
//! - An `incref x` later followed by a `decref x` with nothing in between that may drop a
//!   reference (another `decref`, or a call that is not pure): the pair cancels. Guards in
//!   between do not matter: an exit taken between the two would only have leaked the
//!   count the pair was about to give back. A store of `x` in between hands the incref's
//!   reference to memory, so the pair does not cancel across it.

use super::dce::compact;
use crate::op::Op;
use crate::trace::{Effect, Imm, Ref, Trace};
use crate::types::{Const, TypeTag};

/// Runs the pass.
pub fn run(trace: &mut Trace) -> Result<(), String> {
    let mut keep = vec![true; trace.insts.len()];
    let mut immediate = vec![false; trace.insts.len()];
    // Open increfs not yet crossed by anything that may drop a reference: (index, value).
    let mut open: Vec<(usize, Ref)> = Vec::new();
    for (index, inst) in trace.insts.iter().enumerate() {
        match (inst.op, inst.imm) {
            (Op::BoxInt | Op::BoxFloat | Op::BoxBool, _) => immediate[index] = true,
            (Op::GuardType, Imm::Tag(tag)) if tag != TypeTag::Object => {
                if let Some(&r) = inst.args.first()
                    && !r.is_const()
                {
                    immediate[r.index()] = true;
                }
            }
            _ => {}
        }
        let releases =
            inst.op == Op::DecRef || trace.effect_of(inst).is_some_and(|e| e != Effect::Pure);
        if !matches!(inst.op, Op::IncRef | Op::DecRef) {
            if releases {
                open.clear();
            } else if matches!(inst.op, Op::Store | Op::StoreAttr | Op::StoreElem) {
                // A stored word keeps its reference in memory: a later decref of it is
                // another reference's (an exit between the two must find the count).
                open.retain(|&(_, v)| !inst.args.contains(&v));
            }
            continue;
        }
        let value = inst.args[0];
        let no_count = match trace.const_value(value) {
            Some(Const::Value(_)) => true,
            _ => !value.is_const() && immediate[value.index()],
        };
        if no_count {
            keep[index] = false;
            continue;
        }
        if inst.op == Op::IncRef {
            open.push((index, value));
        } else if let Some(pos) = open.iter().rposition(|&(_, v)| v == value) {
            keep[open[pos].0] = false;
            keep[index] = false;
            open.remove(pos);
        } else {
            // An unmatched decref may free something an open incref points into.
            open.clear();
        }
    }
    if keep.contains(&false) {
        compact(trace, &keep);
    }
    Ok(())
}
