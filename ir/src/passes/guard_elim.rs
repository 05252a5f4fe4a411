//! Type-guard elimination: drops a `guard_type` whose value is already known to have the tag.
//!
//! Facts flow forward through the linear trace: a value's tag is known from its definition
//! (a box or fresh tuple, a constant) or from an earlier `guard_type` on it. CSE already
//! merges identical guards; what this pass adds is facts through loop `phi`s, which CSE
//! cannot see: a phi has tag `T` when its entry value has `T` at the `loop` and its
//! back-edge value has `T` at the end of the body. That is found optimistically (assume
//! every phi whose entry has a tag keeps it, then withdraw each assumption the back-edge
//! value does not honour, until nothing changes), so the type guard a loop-carried int
//! repeats each iteration disappears once the pre-roll has checked it.
//!
//! A guard known to *fail* (the value has another tag) is kept: the recorder saw it pass,
//! so such a trace is useless but not wrong.

use std::collections::HashMap;

use super::rewrite::{Rewrite, rewrite};
use crate::builder::{NO_VALUE, TraceBuilder};
use crate::op::Op;
use crate::trace::{Imm, Inst, Ref, Trace};
use crate::types::{Const, TypeTag};

/// Runs the pass.
pub fn run(trace: &mut Trace) -> Result<(), String> {
    let drop = redundant_guards(trace);
    if !drop.contains(&true) {
        return Ok(());
    }
    rewrite(trace, &mut DropGuards { drop }).map(|_| ())
}

struct DropGuards {
    drop: Vec<bool>,
}

impl Rewrite for DropGuards {
    fn inst(&mut self, b: &mut TraceBuilder, index: usize, inst: Inst) -> Ref {
        if self.drop[index] {
            NO_VALUE
        } else {
            b.emit_inst(inst)
        }
    }
}

/// Marks the `guard_type`s whose outcome is already known to be a pass.
pub(crate) fn redundant_guards(trace: &Trace) -> Vec<bool> {
    let mut assumed: HashMap<usize, TypeTag> = HashMap::new();
    // Phi candidates: the entry value's tag as known at the loop marker.
    let first = analyze(trace, &assumed);
    if let Some(loop_at) = trace.loop_index() {
        for (index, inst) in trace.insts.iter().enumerate().skip(loop_at + 1) {
            if inst.op != Op::Phi {
                break;
            }
            if let Some(tag) = first
                .at_loop
                .as_ref()
                .and_then(|known| fact(trace, known, inst.args[0]))
            {
                assumed.insert(index, tag);
            }
        }
    }
    loop {
        let result = analyze(trace, &assumed);
        let before = assumed.len();
        assumed.retain(|&index, tag| {
            fact(trace, &result.at_end, trace.insts[index].args[1]) == Some(*tag)
        });
        if assumed.len() == before {
            return result.redundant;
        }
    }
}

struct Analysis {
    redundant: Vec<bool>,
    at_loop: Option<Vec<Option<TypeTag>>>,
    at_end: Vec<Option<TypeTag>>,
}

fn analyze(trace: &Trace, assumed: &HashMap<usize, TypeTag>) -> Analysis {
    let mut known: Vec<Option<TypeTag>> = vec![None; trace.insts.len()];
    let mut redundant = vec![false; trace.insts.len()];
    let mut at_loop = None;
    for (index, inst) in trace.insts.iter().enumerate() {
        known[index] = match inst.op {
            Op::BoxInt => Some(TypeTag::Int),
            Op::BoxFloat => Some(TypeTag::Float),
            Op::BoxBool => Some(TypeTag::Bool),
            Op::NewTuple => Some(TypeTag::Object),
            Op::Phi => assumed.get(&index).copied(),
            _ => None,
        };
        match (inst.op, inst.imm) {
            (Op::Loop, _) => at_loop = Some(known.clone()),
            (Op::GuardType, Imm::Tag(tag)) => {
                let value = inst.args[0];
                match fact(trace, &known, value) {
                    Some(have) if have == tag => redundant[index] = true,
                    Some(_) => {}
                    None if !value.is_const() => known[value.index()] = Some(tag),
                    None => {}
                }
            }
            _ => {}
        }
    }
    Analysis {
        redundant,
        at_loop,
        at_end: known,
    }
}

fn fact(trace: &Trace, known: &[Option<TypeTag>], value: Ref) -> Option<TypeTag> {
    match trace.const_value(value) {
        Some(Const::Value(word)) => TypeTag::ALL.into_iter().find(|tag| tag.matches(word)),
        Some(_) => None,
        None => known.get(value.index()).copied().flatten(),
    }
}
