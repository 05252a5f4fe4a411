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
//!
//! The pass also drops overflow checks that a branch guard already implies: after
//! `guard_true (lt_int x, y)`, `x < y <= i64::MAX`, so `add_int_ovf x, 1` cannot overflow
//! and becomes `add_int` (likewise `sub_int_ovf x, 1` after `x > y`). That removes the
//! check from every `for`/`while` counter.

use std::collections::HashMap;

use super::rewrite::{Rewrite, remove_trivial_phis, rewrite};
use crate::builder::{NO_VALUE, TraceBuilder};
use crate::op::Op;
use crate::trace::{Imm, Inst, Ref, Trace};
use crate::types::{Const, TypeTag};

/// Runs the pass.
pub fn run(trace: &mut Trace) -> Result<(), String> {
    let drop = redundant_guards(trace);
    let no_overflow = overflow_free(trace);
    if !drop.contains(&true) && !no_overflow.contains(&true) {
        return Ok(());
    }
    rewrite(trace, &mut DropGuards { drop, no_overflow })?;
    // Dropping a guard can fold a back-edge box(unbox(phi)) into the phi itself.
    remove_trivial_phis(trace);
    Ok(())
}

struct DropGuards {
    drop: Vec<bool>,
    no_overflow: Vec<bool>,
}

impl Rewrite for DropGuards {
    fn inst(&mut self, b: &mut TraceBuilder, index: usize, mut inst: Inst) -> Ref {
        if self.drop[index] {
            return NO_VALUE;
        }
        if self.no_overflow[index] {
            inst.op = match inst.op {
                Op::AddIntOvf => Op::AddInt,
                _ => Op::SubInt,
            };
            inst.snapshot = None;
        }
        b.emit_inst(inst)
    }
}

/// Marks the `x + 1` / `x - 1` overflow checks that an earlier branch guard makes
/// impossible.
fn overflow_free(trace: &Trace) -> Vec<bool> {
    let mut below_max = vec![false; trace.insts.len()];
    let mut above_min = vec![false; trace.insts.len()];
    let mut free = vec![false; trace.insts.len()];
    let mark = |facts: &mut Vec<bool>, r: Ref| {
        if !r.is_const() && r.index() < facts.len() {
            facts[r.index()] = true;
        }
    };
    let known =
        |facts: &Vec<bool>, r: Ref| !r.is_const() && facts.get(r.index()).copied().unwrap_or(false);
    for (index, inst) in trace.insts.iter().enumerate() {
        let one = |r: Ref| trace.const_value(r) == Some(Const::Int(1));
        match inst.op {
            Op::GuardTrue | Op::GuardFalse => {
                let Some(cond) = trace.inst(inst.args[0]) else {
                    continue;
                };
                let (a, b) = match cond.args[..] {
                    [a, b] => (a, b),
                    _ => continue,
                };
                // The comparison that holds, as `small < large`.
                let strict = match (cond.op, inst.op == Op::GuardTrue) {
                    (Op::LtInt, true) | (Op::GeInt, false) => Some((a, b)),
                    (Op::GtInt, true) | (Op::LeInt, false) => Some((b, a)),
                    _ => None,
                };
                if let Some((small, large)) = strict {
                    mark(&mut below_max, small);
                    mark(&mut above_min, large);
                }
            }
            Op::AddIntOvf if one(inst.args[1]) && known(&below_max, inst.args[0]) => {
                free[index] = true
            }
            Op::SubIntOvf if one(inst.args[1]) && known(&above_min, inst.args[0]) => {
                free[index] = true
            }
            _ => {}
        }
    }
    free
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
            Op::NewTuple | Op::NewInstance => Some(TypeTag::Object),
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
