//! The verifier: checks that a trace is well formed. It runs after every pass in debug
//! builds (see `passes::optimize`) and on every parsed filetest, so a pass that breaks an
//! invariant is caught where it happens rather than as a miscompile.
//!
//! Checked: operand counts, types and immediates against the op table; SSA order (an
//! operand is defined before its use, except a `phi`'s second operand, which is defined in
//! the loop body); `phi`s sit right after the single `loop`; `jump` is last; each guard names
//! an existing snapshot taken at or before it, and only guards and `jump` name snapshots;
//! snapshots are in position order, use only values defined before their position, have a
//! root frame without function and inlined frames with one, sorted distinct slots, and
//! virtual references that exist (a virtual's fields only name later virtuals).

use std::fmt;

use crate::builder::check;
use crate::op::Op;
use crate::snapshot::{SnapValue, Snapshot};
use crate::trace::{Ref, Trace};
use crate::types::Type;

/// What is wrong with a trace.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct VerifyError(pub String);

impl fmt::Display for VerifyError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for VerifyError {}

/// Checks every invariant of `trace`.
pub fn verify(trace: &Trace) -> Result<(), VerifyError> {
    let err = |message: String| Err(VerifyError(message));
    let loop_at = trace.loop_index();
    let loops = trace.insts.iter().filter(|i| i.op == Op::Loop).count();
    if loops > 1 {
        return err(format!("{loops} loop markers"));
    }
    let mut in_phis = false;
    for (index, inst) in trace.insts.iter().enumerate() {
        let at = |message: String| Err(VerifyError(format!("v{index} ({}): {message}", inst.op)));
        for (n, &arg) in inst.args.iter().enumerate() {
            if arg.is_const() {
                if trace.const_value(arg).is_none() {
                    return at(format!("operand {n} is not a constant"));
                }
                continue;
            }
            if arg.index() >= trace.insts.len() {
                return at(format!("operand {n} ({arg}) does not exist"));
            }
            let forward_ok = inst.op == Op::Phi && n == 1;
            if !forward_ok && arg.index() >= index {
                return at(format!("operand {n} ({arg}) is not defined before its use"));
            }
        }
        if let Err(message) = check(trace, inst) {
            return at(message);
        }
        match inst.op {
            Op::Loop => in_phis = true,
            Op::Phi => {
                let Some(loop_at) = loop_at else {
                    return at("phi without loop".into());
                };
                if !in_phis {
                    return at("phi not directly after loop".into());
                }
                // The back-edge value may be anything defined before the jump: a body value,
                // another phi, or an invariant pre-roll value.
                let entry = inst.args[0];
                if !entry.is_const() && entry.index() >= loop_at {
                    return at(format!("entry value {entry} not defined before loop"));
                }
            }
            _ => in_phis = false,
        }
        if matches!(inst.op, Op::Jump | Op::Link) && index + 1 != trace.insts.len() {
            return at(format!("{} is not the last instruction", inst.op));
        }
        let needs_snapshot = trace.is_guard(inst);
        match inst.snapshot {
            None if needs_snapshot => return at("guard without snapshot".into()),
            Some(_) if !needs_snapshot && !matches!(inst.op, Op::Jump | Op::Link) => {
                return at("snapshot on an instruction that cannot exit".into());
            }
            Some(id) => match trace.snapshot(id) {
                None => return at(format!("snapshot {id} does not exist")),
                Some(snap) if snap.position as usize > index => {
                    return at(format!("snapshot {id} is taken after its guard"));
                }
                Some(_) => {}
            },
            None => {}
        }
    }
    let mut last_position = 0;
    for (id, snap) in trace.snapshots.iter().enumerate() {
        if snap.position < last_position || snap.position as usize > trace.insts.len() {
            return err(format!("s{id}: position {} out of order", snap.position));
        }
        last_position = snap.position;
        verify_snapshot(trace, snap).map_err(|m| VerifyError(format!("s{id}: {m}")))?;
    }
    Ok(())
}

fn verify_snapshot(trace: &Trace, snap: &Snapshot) -> Result<(), String> {
    if snap.frames.is_empty() {
        return Err("no frames".into());
    }
    let defined = |r: Ref| -> Result<(), String> {
        if r.is_const() {
            return trace
                .const_value(r)
                .map(|_| ())
                .ok_or(format!("{r} is not a constant"));
        }
        if r.index() >= snap.position as usize {
            return Err(format!("{r} is not defined before the snapshot"));
        }
        if trace.type_of(r) == Type::Void {
            return Err(format!("{r} has no value"));
        }
        Ok(())
    };
    let value_ok = |v: &SnapValue| match *v {
        SnapValue::Ref(r) => defined(r),
        SnapValue::Virtual(i) if (i as usize) < snap.virtuals.len() => Ok(()),
        SnapValue::Virtual(i) => Err(format!("virtual t{i} does not exist")),
    };
    for (depth, frame) in snap.frames.iter().enumerate() {
        match (depth, frame.function) {
            (0, Some(_)) => return Err("root frame with a function".into()),
            (1.., None) => return Err(format!("inlined frame {depth} without function")),
            (_, Some(f)) => defined(f)?,
            (_, None) => {}
        }
        if frame.slots.windows(2).any(|w| w[0].0 >= w[1].0) {
            return Err(format!("frame {depth}: slots not sorted and distinct"));
        }
        for (_, value) in &frame.slots {
            value_ok(value)?;
        }
    }
    for (index, virt) in snap.virtuals.iter().enumerate() {
        for field in &virt.fields {
            value_ok(field)?;
            // Fields only name later virtuals, so rebuilding one always terminates.
            if let SnapValue::Virtual(inner) = *field
                && inner as usize <= index
            {
                return Err(format!(
                    "virtual t{index} contains t{inner}, not a later one"
                ));
            }
        }
    }
    Ok(())
}
