//! The heap cache for instance attribute slots (`load_attr`/`store_attr`): load forwarding
//! and dead-store elimination (PyPy's `optimizeopt/heap.py`, LuaJIT's FWD and DSE).
//!
//! **Forwarding.** The trace is re-emitted through the builder, whose load CSE answers a
//! `load_attr` of a place with the value of the last `store_attr` or `load_attr` of the
//! same place (same slot vector, same offset), unless something in between may have
//! written it: a `store_attr` at that offset through another slot vector (which may be the
//! same object under another name) or a helper that writes memory. Across the loop's
//! back-edge the same rule runs while loop peeling copies the body (the pre-roll's last
//! store answers the body's first load), so an attribute updated every iteration becomes
//! a loop-carried register (`phi`).
//!
//! **Dead stores.** A `store_attr` is dead when a later `store_attr` writes the same place
//! before anything could observe the first: no load at that offset (through any slot
//! vector: it may alias), no helper call, no guard (an exit hands memory to the
//! interpreter, so every store before a guard must have happened) and no loop structure in
//! between. Since stores are never moved past a guard, an exception raised in the loop
//! always finds every attribute as the interpreter would have left it.

use std::collections::HashMap;

use super::dce::compact;
use super::rewrite::{Rewrite, rewrite};
use crate::op::{Op, OpFlags};
use crate::trace::{Imm, Ref, Trace};

/// Runs the pass.
pub fn run(trace: &mut Trace) -> Result<(), String> {
    rewrite(trace, &mut Forward)?;
    let keep = live_stores(trace);
    if keep.iter().any(|&k| !k) {
        compact(trace, &keep);
    }
    Ok(())
}

/// Re-emission as is: the builder forwards the loads.
struct Forward;

impl Rewrite for Forward {}

/// Every instruction except the dead stores.
fn live_stores(trace: &Trace) -> Vec<bool> {
    let mut keep = vec![true; trace.insts.len()];
    // The last store to each (slot vector, offset) that nothing has observed since.
    let mut pending: HashMap<(Ref, i32), usize> = HashMap::new();
    for (index, inst) in trace.insts.iter().enumerate() {
        let offset = match inst.imm {
            Imm::Offset(offset) => offset,
            _ => 0,
        };
        match inst.op {
            Op::StoreAttr => {
                if let Some(&base) = inst.args.first()
                    && let Some(earlier) = pending.insert((base, offset), index)
                {
                    keep[earlier] = false;
                }
            }
            Op::LoadAttr => pending.retain(|&(_, at), _| at != offset),
            _ => {
                let flags = inst.op.flags();
                if trace.is_guard(inst)
                    || flags.contains(OpFlags::CALL)
                    || flags.contains(OpFlags::CONTROL)
                {
                    pending.clear();
                }
            }
        }
    }
    keep
}
