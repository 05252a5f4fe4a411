//! Unboxing of loop-carried numbers.
//!
//! Straight-line box/unbox pairs already cancel by folding (`unbox_int(box_int(x))` is
//! `x`). What folding cannot see is a loop-carried value: after peeling, `i = i + 1` leaves
//! `p = phi v, box_int(x')` whose uses in the body unbox it again each iteration. When a
//! value-word phi carries boxes of one kind (its back-edge value is `box_int(x')` or
//! `box_float(x')`, its entry value is such a box, a constant of that kind, or a word the
//! pre-roll unboxed) and its body uses are only unboxes, type guards of that kind and
//! snapshots, the pass carries the raw number instead: it finds (or makes) the phi
//! `q = phi x, x'` of the unboxed entry and back-edge values, turns each `unbox(p)` into
//! `q`, drops the guards, and lets snapshots hold `q` (an exit boxes it, and may then make a
//! heap int, so the overflow guards of the arithmetic are the only checks left). The boxed
//! phi and its boxes are then dead or only needed by exits, which `sink` and `dce` handle.

use std::collections::HashMap;

use super::rewrite::{Rewrite, remove_trivial_phis, rewrite};
use crate::builder::{NO_VALUE, TraceBuilder};
use crate::op::Op;
use crate::snapshot::Snapshot;
use crate::trace::{Imm, Inst, Ref, Trace};
use crate::types::{Const, Type, TypeTag};

/// The kind of number a phi carries.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
struct Kind {
    box_op: Op,
    unbox_op: Op,
    tag: TypeTag,
    ty: Type,
}

const INT: Kind = Kind {
    box_op: Op::BoxInt,
    unbox_op: Op::UnboxInt,
    tag: TypeTag::Int,
    ty: Type::I64,
};
const FLOAT: Kind = Kind {
    box_op: Op::BoxFloat,
    unbox_op: Op::UnboxFloat,
    tag: TypeTag::Float,
    ty: Type::F64,
};

/// How to get the unboxed entry value of a phi (old refs).
#[derive(Clone, Copy, Debug)]
enum Entry {
    /// An existing pre-roll value (the operand of the entry box, or an unbox of the entry).
    Value(Ref),
    /// A constant.
    Const(Const),
}

/// The unboxed back-edge value of a phi.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Back {
    /// The operand of the back-edge box (old ref).
    Value(Ref),
    /// The unboxed form of another planned phi (old index), whose back-edge it is.
    Phi(usize),
}

#[derive(Debug)]
struct Plan {
    kind: Kind,
    entry: Entry,
    back: Back,
    /// An existing phi of the unboxed values (old index), if peeling made one.
    existing: Option<usize>,
}

/// Runs the pass.
pub fn run(trace: &mut Trace) -> Result<(), String> {
    let Some(loop_at) = trace.loop_index() else {
        return Ok(());
    };
    let plans = plan(trace, loop_at);
    if plans.is_empty() {
        return Ok(());
    }
    let first_body = (loop_at + 1..trace.insts.len())
        .find(|&i| trace.insts[i].op != Op::Phi)
        .unwrap_or(trace.insts.len());
    let mut pass = Unbox {
        plans,
        first_body,
        unboxed: HashMap::new(),
        new_phis: Vec::new(),
    };
    let subst = rewrite(trace, &mut pass)?;
    let map = |r: Ref| {
        if r.is_const() {
            r
        } else {
            subst.get(r.index()).copied().unwrap_or(NO_VALUE)
        }
    };
    for &(index, back) in &pass.new_phis {
        let back = match back {
            Back::Value(r) => map(r),
            Back::Phi(j) => pass
                .unboxed
                .get(&map(Ref::inst(j)))
                .copied()
                .unwrap_or(NO_VALUE),
        };
        if back == NO_VALUE || trace.type_of(back) != trace.insts[index].ty {
            return Err(format!("unboxed phi v{index}: bad back-edge value"));
        }
        trace.insts[index].args[1] = back;
    }
    remove_trivial_phis(trace);
    Ok(())
}

fn plan(trace: &Trace, loop_at: usize) -> HashMap<usize, Plan> {
    let phis: Vec<usize> = (loop_at + 1..trace.insts.len())
        .take_while(|&i| trace.insts[i].op == Op::Phi)
        .filter(|&i| trace.insts[i].ty == Type::Value)
        .collect();
    let def = |r: Ref| trace.inst(r);
    // The kind and unboxed back-edge of each candidate; phis fed by phis take their kind.
    let mut backs: HashMap<usize, (Kind, Back)> = HashMap::new();
    for _ in 0..=phis.len() {
        for &index in &phis {
            let back = trace.insts[index].args[1];
            let found = match def(back).map(|d| (d.op, d.args.first().copied())) {
                Some((Op::BoxInt, Some(x))) => Some((INT, Back::Value(x))),
                Some((Op::BoxFloat, Some(x))) => Some((FLOAT, Back::Value(x))),
                Some((Op::Phi, _)) => backs
                    .get(&back.index())
                    .map(|&(kind, _)| (kind, Back::Phi(back.index()))),
                _ => None,
            };
            if let Some(found) = found {
                backs.insert(index, found);
            }
        }
    }
    let mut plans: HashMap<usize, Plan> = HashMap::new();
    for (&index, &(kind, back)) in &backs {
        let entry = trace.insts[index].args[0];
        let entry = match (trace.const_value(entry), def(entry)) {
            (Some(Const::Value(word)), _) if kind.tag.matches(word) => {
                Entry::Const(unbox_const(kind, word))
            }
            (_, Some(d)) if d.op == kind.box_op => Entry::Value(d.args[0]),
            (None, Some(_)) => {
                // A word the pre-roll already unboxed (so it was guarded before).
                let unboxed = trace.insts[..loop_at]
                    .iter()
                    .position(|i| i.op == kind.unbox_op && i.args[0] == entry);
                match unboxed {
                    Some(u) => Entry::Value(Ref::inst(u)),
                    None => continue,
                }
            }
            _ => continue,
        };
        plans.insert(
            index,
            Plan {
                kind,
                entry,
                back,
                existing: None,
            },
        );
    }
    // Drop the candidates with other uses, and those fed by a dropped one, until stable.
    loop {
        let before = plans.len();
        let keep: Vec<usize> = plans
            .iter()
            .filter(|&(&index, plan)| {
                let fed_ok = match plan.back {
                    Back::Phi(j) => plans.get(&j).is_some_and(|p| p.kind == plan.kind),
                    Back::Value(_) => true,
                };
                fed_ok && uses_allow_unboxing(trace, &plans, index, plan.kind)
            })
            .map(|(&i, _)| i)
            .collect();
        plans.retain(|i, _| keep.contains(i));
        if plans.len() == before {
            break;
        }
    }
    // Reuse the unboxed phis peeling already made.
    for _ in 0..=plans.len() {
        let found: Vec<(usize, usize)> = plans
            .iter()
            .filter(|(_, plan)| plan.existing.is_none())
            .filter_map(|(&index, plan)| {
                let back = match plan.back {
                    Back::Value(r) => r,
                    Back::Phi(j) => Ref::inst(plans.get(&j)?.existing?),
                };
                let existing = (loop_at + 1..trace.insts.len())
                    .take_while(|&i| trace.insts[i].op == Op::Phi)
                    .find(|&i| {
                        let args = &trace.insts[i].args;
                        let entry_matches = match plan.entry {
                            Entry::Value(r) => args[0] == r,
                            Entry::Const(c) => trace.const_value(args[0]) == Some(c),
                        };
                        entry_matches && args[1] == back
                    })?;
                Some((index, existing))
            })
            .collect();
        if found.is_empty() {
            break;
        }
        for (index, existing) in found {
            if let Some(plan) = plans.get_mut(&index) {
                plan.existing = Some(existing);
            }
        }
    }
    plans
}

fn unbox_const(kind: Kind, word: u64) -> Const {
    if kind == INT {
        Const::Int(crate::abi::decode_small_int(word))
    } else {
        Const::float(crate::abi::decode_double(word))
    }
}

/// Whether every use of phi `index` is an unbox or type guard of `kind`, a snapshot entry,
/// or the back-edge of another planned phi.
fn uses_allow_unboxing(
    trace: &Trace,
    plans: &HashMap<usize, Plan>,
    index: usize,
    kind: Kind,
) -> bool {
    let phi = Ref::inst(index);
    trace.insts.iter().enumerate().all(|(user, inst)| {
        if !inst.args.contains(&phi) {
            return true;
        }
        match (inst.op, inst.imm) {
            (op, _) if op == kind.unbox_op => true,
            (Op::GuardType, Imm::Tag(tag)) => tag == kind.tag,
            (Op::Phi, _) => {
                inst.args[0] != phi && plans.get(&user).is_some_and(|p| p.back == Back::Phi(index))
            }
            _ => false,
        }
    }) && trace
        .snapshots
        .iter()
        .all(|snap| snap.frames.iter().all(|f| f.function != Some(phi)))
}

struct Unbox {
    plans: HashMap<usize, Plan>,
    first_body: usize,
    /// New boxed phi ref → its unboxed replacement.
    unboxed: HashMap<Ref, Ref>,
    /// New phis made here: (new index, back-edge) to patch after the rewrite.
    new_phis: Vec<(usize, Back)>,
}

impl Rewrite for Unbox {
    fn before(&mut self, b: &mut TraceBuilder, index: usize, subst: &[Ref]) {
        let map = |r: Ref| {
            if r.is_const() {
                r
            } else {
                subst.get(r.index()).copied().unwrap_or(NO_VALUE)
            }
        };
        if index != self.first_body {
            return;
        }
        let mut phis: Vec<(&usize, &Plan)> = self.plans.iter().collect();
        phis.sort_by_key(|(i, _)| **i);
        for (&old_phi, plan) in phis {
            let new_phi = map(Ref::inst(old_phi));
            let replacement = match plan.existing {
                Some(existing) => map(Ref::inst(existing)),
                None => {
                    let entry = match plan.entry {
                        Entry::Value(r) => map(r),
                        Entry::Const(c) => b.constant(c),
                    };
                    let r = b.append(Inst::new(
                        Op::Phi,
                        plan.kind.ty,
                        vec![entry, entry],
                        Imm::None,
                    ));
                    self.new_phis.push((r.index(), plan.back));
                    r
                }
            };
            self.unboxed.insert(new_phi, replacement);
        }
    }

    fn inst(&mut self, b: &mut TraceBuilder, _index: usize, inst: Inst) -> Ref {
        if let Some(&arg) = inst.args.first()
            && let Some(&unboxed) = self.unboxed.get(&arg)
        {
            match inst.op {
                Op::UnboxInt | Op::UnboxFloat => return unboxed,
                Op::GuardType => return NO_VALUE,
                _ => {}
            }
        }
        b.emit_inst(inst)
    }

    fn snapshot(&mut self, _b: &mut TraceBuilder, snapshot: &mut Snapshot) {
        snapshot.map_refs(|r| self.unboxed.get(&r).copied().unwrap_or(r));
    }
}
