//! Integer range analysis: drops the overflow checks and the comparison guards that the
//! ranges of their operands already decide.
//!
//! Every `i64` value gets an interval `[lo, hi]`, from its definition (a constant, an
//! `unbox_int` is a 48-bit small int, `x % c` lies in `[0, c)`, `x >> 3`, `x & 1`, ...)
//! and narrowed by the branch guards the trace passed (after `guard_true (lt_int i, n)`,
//! `i <= hi(n) - 1`). The trace is linear, so a fact learnt at a guard holds for every
//! instruction after it. Guards also leave *relations* (`a < b`, `a <= b`), and
//! `a + k` with `k < 0` is below `a`: a bounds check `i < len` follows from the loop test
//! `i < stop` and a hoisted `stop <= len` checked once before the loop.
//!
//! Loop `phi`s: their interval is found by iteration from below. Assume each phi holds
//! just its entry value's interval, analyse the body, widen the assumption by the
//! back-edge value's interval, and repeat until nothing grows; a bound still growing after
//! a few rounds is widened to the type's limit. The final assumption contains the entry
//! value and everything the back-edge can carry, so it holds in every iteration.
//!
//! Results: `add/sub/mul/neg_int_ovf` whose exact result fits become their wrapping
//! forms (no snapshot, no branch), and a `guard_true`/`guard_false` of an integer
//! comparison whose outcome is decided goes away.

use std::collections::{HashMap, HashSet};

use super::rewrite::{Rewrite, rewrite};
use crate::abi;
use crate::builder::{NO_VALUE, TraceBuilder};
use crate::op::Op;
use crate::trace::{Inst, Ref, Trace};
use crate::types::{Const, Type};

/// The ints a value word holds without a heap object.
const SMALL_INT: Range = Range {
    lo: abi::SMALL_INT_MIN,
    hi: abi::SMALL_INT_MAX,
};

/// A closed interval of i64 values.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Range {
    /// The smallest value.
    pub lo: i64,
    /// The largest value.
    pub hi: i64,
}

impl Range {
    /// Every i64.
    pub const FULL: Range = Range {
        lo: i64::MIN,
        hi: i64::MAX,
    };

    const fn exact(v: i64) -> Range {
        Range { lo: v, hi: v }
    }

    /// The interval of an exact result given as i128 bounds, clamped to i64 (an
    /// overflow-checked op never produces a value outside i64).
    fn clamp(lo: i128, hi: i128) -> Range {
        Range {
            lo: lo.clamp(i64::MIN as i128, i64::MAX as i128) as i64,
            hi: hi.clamp(i64::MIN as i128, i64::MAX as i128) as i64,
        }
    }

    fn fits(lo: i128, hi: i128) -> bool {
        lo >= i64::MIN as i128 && hi <= i64::MAX as i128
    }

    fn union(self, other: Range) -> Range {
        Range {
            lo: self.lo.min(other.lo),
            hi: self.hi.max(other.hi),
        }
    }

    fn intersect(self, other: Range) -> Range {
        let r = Range {
            lo: self.lo.max(other.lo),
            hi: self.hi.min(other.hi),
        };
        // An empty intersection means the guard can never pass: keep what we had.
        if r.lo > r.hi { self } else { r }
    }

    fn contains(self, other: Range) -> bool {
        self.lo <= other.lo && other.hi <= self.hi
    }

    /// The smallest `[-2^k, 2^k - 1]` holding this interval, as `k` (bitwise ops stay
    /// inside it).
    fn sign_bits(self) -> u32 {
        let magnitude = |v: i64| if v < 0 { !v } else { v };
        64 - magnitude(self.lo).max(magnitude(self.hi)).leading_zeros()
    }
}

/// The interval of `op` on operand intervals, and whether the exact result always fits
/// an i64 (so an overflow check is unnecessary).
fn transfer(op: Op, a: Range, b: Range) -> Option<(Range, bool)> {
    let (alo, ahi, blo, bhi) = (a.lo as i128, a.hi as i128, b.lo as i128, b.hi as i128);
    let wrap = |lo: i128, hi: i128| {
        if Range::fits(lo, hi) {
            Range::clamp(lo, hi)
        } else {
            Range::FULL
        }
    };
    Some(match op {
        Op::AddIntOvf => (
            Range::clamp(alo + blo, ahi + bhi),
            Range::fits(alo + blo, ahi + bhi),
        ),
        Op::AddInt => (wrap(alo + blo, ahi + bhi), true),
        Op::SubIntOvf => (
            Range::clamp(alo - bhi, ahi - blo),
            Range::fits(alo - bhi, ahi - blo),
        ),
        Op::SubInt => (wrap(alo - bhi, ahi - blo), true),
        Op::MulIntOvf | Op::MulInt => {
            let corners = [alo * blo, alo * bhi, ahi * blo, ahi * bhi];
            let lo = corners.into_iter().min().unwrap_or(i128::MIN);
            let hi = corners.into_iter().max().unwrap_or(i128::MAX);
            if op == Op::MulIntOvf {
                (Range::clamp(lo, hi), Range::fits(lo, hi))
            } else {
                (wrap(lo, hi), true)
            }
        }
        Op::NegIntOvf => (Range::clamp(-ahi, -alo), Range::fits(-ahi, -alo)),
        Op::AndInt => {
            let r = match (a.lo >= 0, b.lo >= 0) {
                (true, true) => Range {
                    lo: 0,
                    hi: a.hi.min(b.hi),
                },
                (true, false) => Range { lo: 0, hi: a.hi },
                (false, true) => Range { lo: 0, hi: b.hi },
                (false, false) => bitwise(a, b),
            };
            (r, true)
        }
        Op::OrInt | Op::XorInt => (bitwise(a, b), true),
        // Python's `%`: the result takes the divisor's sign and is smaller in magnitude.
        Op::ModInt if b.lo > 0 => {
            let hi = if a.lo >= 0 {
                a.hi.min(b.hi - 1)
            } else {
                b.hi - 1
            };
            (Range { lo: 0, hi }, true)
        }
        Op::ModInt if b.hi < 0 => (
            Range {
                lo: b.lo + 1,
                hi: 0,
            },
            true,
        ),
        Op::FloorDivInt if b.lo > 0 || b.hi < 0 => {
            let corners = [(alo, blo), (alo, bhi), (ahi, blo), (ahi, bhi)]
                .map(|(x, y)| x.div_euclid(y) - i128::from(y < 0 && x.rem_euclid(y) != 0));
            let lo = corners.into_iter().min().unwrap_or(i128::MIN);
            let hi = corners.into_iter().max().unwrap_or(i128::MAX);
            (Range::clamp(lo, hi), Range::fits(lo, hi))
        }
        // Python's `>>` for a count the recorder guarded non-negative.
        Op::ShrInt if b.lo >= 0 => {
            let shift = |x: i64, n: i64| x >> n.min(63);
            let r = if a.lo >= 0 {
                Range {
                    lo: shift(a.lo, b.hi),
                    hi: shift(a.hi, b.lo),
                }
            } else if a.hi < 0 {
                Range {
                    lo: shift(a.lo, b.lo),
                    hi: shift(a.hi, b.hi),
                }
            } else {
                Range {
                    lo: shift(a.lo, b.lo),
                    hi: shift(a.hi, b.lo),
                }
            };
            (r, true)
        }
        _ => return None,
    })
}

/// `|`/`^`/`&` of two intervals: both non-negative stay below the next power of two;
/// otherwise the result keeps within the wider operand's sign-extended width.
fn bitwise(a: Range, b: Range) -> Range {
    let bits = a.sign_bits().max(b.sign_bits());
    if bits >= 63 {
        return Range::FULL;
    }
    let hi = (1i64 << bits) - 1;
    if a.lo >= 0 && b.lo >= 0 {
        Range { lo: 0, hi }
    } else {
        Range {
            lo: -(1i64 << bits),
            hi,
        }
    }
}

/// A comparison that holds: `small < large` (strict) or `small <= large`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
struct Relation {
    small: Ref,
    large: Ref,
    strict: bool,
}

/// The relation a comparison op with `outcome` states about `a` and `b`, if an ordering.
fn relation(op: Op, a: Ref, b: Ref, outcome: bool) -> Option<Relation> {
    let (small, large, strict) = match (op, outcome) {
        (Op::LtInt, true) | (Op::GeInt, false) => (a, b, true),
        (Op::LeInt, true) | (Op::GtInt, false) => (a, b, false),
        (Op::GtInt, true) | (Op::LeInt, false) => (b, a, true),
        (Op::GeInt, true) | (Op::LtInt, false) => (b, a, false),
        _ => return None,
    };
    Some(Relation {
        small,
        large,
        strict,
    })
}

/// What one analysis round found.
struct Analysis {
    ranges: Vec<Range>,
    /// Per instruction, what the backend may rely on ([`LoweringFacts`]).
    box_fits: Vec<bool>,
    box_check: Vec<BoxCheck>,
    unsigned_div: Vec<bool>,
    /// Overflow-checked ops whose exact result always fits.
    no_overflow: Vec<bool>,
    /// Branch guards whose outcome is already known to pass.
    decided: Vec<bool>,
}

struct Analyzer<'t> {
    trace: &'t Trace,
    ranges: Vec<Range>,
    relations: HashSet<Relation>,
    /// Per value, the relations where it is `small` (for one-step transitivity).
    below: HashMap<Ref, Vec<Relation>>,
    /// Per value, the relations where it is `large`.
    above: HashMap<Ref, Vec<Relation>>,
}

impl Analyzer<'_> {
    fn range(&self, r: Ref) -> Range {
        match self.trace.const_value(r) {
            Some(Const::Int(v)) => Range::exact(v),
            Some(_) => Range::FULL,
            None => self.ranges.get(r.index()).copied().unwrap_or(Range::FULL),
        }
    }

    /// Narrows `r` to `to`, and passes a raised lower (lowered upper) bound on along the
    /// relations `r < x` (`x < r`) learnt before, a few steps deep: `i + step` learnt
    /// `i < i + step` before the guard `i >= 0` made `i + step` positive too.
    fn narrow(&mut self, r: Ref, to: Range) {
        self.narrow_depth(r, to, 3);
    }

    fn narrow_depth(&mut self, r: Ref, to: Range, depth: u32) {
        if r.is_const() {
            return;
        }
        let Some(have) = self.ranges.get_mut(r.index()) else {
            return;
        };
        let before = *have;
        *have = have.intersect(to);
        let now = *have;
        if depth == 0 || now == before {
            return;
        }
        if now.lo > before.lo {
            let larger: Vec<Relation> = self.below.get(&r).cloned().unwrap_or_default();
            for rel in larger {
                let lo = now.lo.saturating_add(i64::from(rel.strict));
                self.narrow_depth(rel.large, Range { lo, hi: i64::MAX }, depth - 1);
            }
        }
        if now.hi < before.hi {
            let smaller: Vec<Relation> = self.above.get(&r).cloned().unwrap_or_default();
            for rel in smaller {
                let hi = now.hi.saturating_sub(i64::from(rel.strict));
                self.narrow_depth(rel.small, Range { lo: i64::MIN, hi }, depth - 1);
            }
        }
    }

    fn learn(&mut self, rel: Relation) {
        let (s, l) = (self.range(rel.small), self.range(rel.large));
        let gap = i64::from(rel.strict);
        self.narrow(
            rel.small,
            Range {
                lo: i64::MIN,
                hi: l.hi.saturating_sub(gap),
            },
        );
        self.narrow(
            rel.large,
            Range {
                lo: s.lo.saturating_add(gap),
                hi: i64::MAX,
            },
        );
        if self.relations.insert(rel) {
            self.below.entry(rel.small).or_default().push(rel);
            self.above.entry(rel.large).or_default().push(rel);
        }
    }

    /// Whether `rel` is known: from the intervals, a relation learnt before, or one step
    /// of transitivity (`a < s` and `s <= b`).
    fn holds(&self, rel: Relation) -> bool {
        let (s, l) = (self.range(rel.small), self.range(rel.large));
        if (rel.strict && s.hi < l.lo) || (!rel.strict && s.hi <= l.lo) {
            return true;
        }
        if self.relations.contains(&rel)
            || (!rel.strict
                && self.relations.contains(&Relation {
                    strict: true,
                    ..rel
                }))
        {
            return true;
        }
        self.below.get(&rel.small).is_some_and(|rels| {
            rels.iter().any(|first| {
                let via = self.range(first.large);
                let rest_strict = rel.strict && !first.strict;
                // small < mid <= large, or small <= mid < large, ...
                let second = Relation {
                    small: first.large,
                    large: rel.large,
                    strict: rest_strict,
                };
                self.relations.contains(&second)
                    || (!rest_strict
                        && self.relations.contains(&Relation {
                            strict: true,
                            ..second
                        }))
                    || (rest_strict && via.hi < self.range(rel.large).lo)
                    || (!rest_strict && via.hi <= self.range(rel.large).lo)
            })
        })
    }

    /// The relation a branch guard tests, and the outcome it requires.
    fn guarded(&self, inst: &Inst) -> Option<Relation> {
        let outcome = match inst.op {
            Op::GuardTrue => true,
            Op::GuardFalse => false,
            _ => return None,
        };
        let cond = self.trace.inst(*inst.args.first()?)?;
        match cond.args[..] {
            [a, b] => relation(cond.op, a, b, outcome),
            _ => None,
        }
    }
}

/// Whether a checked `box_int` narrows its operand for the instructions after it.
///
/// It may only for the final trace: `sink` runs after the range pass and removes the boxes
/// only exits need (an exit boxes any size), so the pass itself must not rely on them,
/// while the backend and body entries analyse the trace as compiled, every box in place.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Boxes {
    /// The trace is final: a checked `box_int` leaves when its operand needs more than 48
    /// bits, so after it the operand is a small int (a counter `c.n += 1` stored back as
    /// an immediate each iteration then needs no overflow check).
    Narrow,
    /// Boxes may still be sunk.
    Ignore,
}

fn analyze(trace: &Trace, phis: &HashMap<usize, Range>, boxes: Boxes) -> Analysis {
    analyze_until(trace, phis, boxes, trace.insts.len())
}

/// [`analyze`] learning only from the guards and boxes before instruction `until`: the
/// intervals that hold there.
fn analyze_until(
    trace: &Trace,
    phis: &HashMap<usize, Range>,
    boxes: Boxes,
    until: usize,
) -> Analysis {
    let n = trace.insts.len();
    let mut an = Analyzer {
        trace,
        ranges: vec![Range::FULL; n],
        relations: HashSet::new(),
        below: HashMap::new(),
        above: HashMap::new(),
    };
    let mut no_overflow = vec![false; n];
    let mut decided = vec![false; n];
    let mut box_fits = vec![false; n];
    let mut box_check = vec![BoxCheck::Both; n];
    let mut unsigned_div = vec![false; n];
    // Homes stored to so far: a later load no longer reads what the parent left there.
    let mut stored: Vec<u32> = Vec::new();
    for (index, inst) in trace.insts.iter().enumerate() {
        if let (Op::StoreSlot, crate::trace::Imm::Slot(home)) = (inst.op, inst.imm) {
            stored.push(home);
        }
        match (inst.op, &inst.args[..]) {
            (Op::BoxInt, [a]) => {
                let r = an.range(*a);
                box_fits[index] = r.lo >= abi::SMALL_INT_MIN && r.hi <= abi::SMALL_INT_MAX;
                box_check[index] = match (r.lo >= abi::SMALL_INT_MIN, r.hi <= abi::SMALL_INT_MAX) {
                    (true, true) => BoxCheck::Fits,
                    (true, false) => BoxCheck::Above,
                    (false, true) => BoxCheck::Below,
                    (false, false) => BoxCheck::Both,
                };
                if boxes == Boxes::Narrow && inst.snapshot.is_some() && index < until {
                    an.narrow(*a, SMALL_INT);
                }
            }
            (Op::ModInt | Op::FloorDivInt, [a, b]) => {
                unsigned_div[index] = an.range(*a).lo >= 0 && an.range(*b).lo > 0;
            }
            _ => {}
        }
        if inst.ty == Type::I64 {
            let range = match inst.op {
                Op::Phi => phis.get(&index).copied().unwrap_or(Range::FULL),
                Op::LoadSlot => match inst.imm {
                    crate::trace::Imm::Slot(home) if !stored.contains(&home) => trace
                        .entry_ranges
                        .iter()
                        .find(|&&(h, _, _)| h == home)
                        .map_or(Range::FULL, |&(_, lo, hi)| Range { lo, hi }),
                    _ => Range::FULL,
                },
                Op::UnboxInt => SMALL_INT,
                _ => match inst.args[..] {
                    [a] if inst.op == Op::NegIntOvf => {
                        transfer(inst.op, an.range(a), Range::exact(0)).map_or(Range::FULL, |t| {
                            no_overflow[index] = t.1;
                            t.0
                        })
                    }
                    [a, b] => match transfer(inst.op, an.range(a), an.range(b)) {
                        Some((range, fits)) => {
                            no_overflow[index] = fits && trace.is_guard(inst);
                            range
                        }
                        None => Range::FULL,
                    },
                    _ => Range::FULL,
                },
            };
            an.ranges[index] = range;
            // `a + k` with k < 0 is below `a` (and above it for k > 0).
            if let (Op::AddInt | Op::AddIntOvf | Op::SubInt | Op::SubIntOvf, [a, b]) =
                (inst.op, &inst.args[..])
            {
                let me = Ref::inst(index);
                let sub = matches!(inst.op, Op::SubInt | Op::SubIntOvf);
                let pairs: &[(Ref, Ref)] = if sub {
                    &[(*a, *b)]
                } else {
                    &[(*a, *b), (*b, *a)]
                };
                for &(base, k) in pairs {
                    let k = an.range(k);
                    let (below, above) = if sub {
                        (k.lo > 0, k.hi < 0)
                    } else {
                        (k.hi < 0, k.lo > 0)
                    };
                    if below {
                        an.learn(Relation {
                            small: me,
                            large: base,
                            strict: true,
                        });
                    } else if above {
                        an.learn(Relation {
                            small: base,
                            large: me,
                            strict: true,
                        });
                    }
                }
            }
        }
        if let Some(rel) = an.guarded(inst).filter(|_| index < until) {
            if an.holds(rel) {
                decided[index] = true;
            }
            an.learn(rel);
        }
    }
    Analysis {
        ranges: an.ranges,
        box_fits,
        box_check,
        unsigned_div,
        no_overflow,
        decided,
    }
}

/// Rounds of plain growth before a growing phi bound is widened to the type's limit.
const ROUNDS_BEFORE_WIDENING: usize = 3;

/// The analysis of `trace` with phi intervals that hold in every iteration.
fn analyze_loop(trace: &Trace, boxes: Boxes) -> Analysis {
    let (phis, result) = loop_phis(trace, boxes);
    result.unwrap_or_else(|| analyze(trace, &phis, boxes))
}

/// The phi intervals that hold in every iteration, and the whole trace's analysis with
/// them when finding them took one.
fn loop_phis(trace: &Trace, boxes: Boxes) -> (HashMap<usize, Range>, Option<Analysis>) {
    let mut phis: HashMap<usize, Range> = HashMap::new();
    let phi_list: Vec<usize> = match trace.loop_index() {
        Some(at) => (at + 1..trace.insts.len())
            .take_while(|&i| trace.insts[i].op == Op::Phi)
            .filter(|&i| trace.insts[i].ty == Type::I64)
            .collect(),
        None => Vec::new(),
    };
    if phi_list.is_empty() {
        return (phis, None);
    }
    // Entry values are defined before the loop, so one round gives their intervals.
    let first = analyze(trace, &phis, boxes);
    let entry = |a: &Analysis, i: usize| -> Range {
        let r = trace.insts[i].args[0];
        match trace.const_value(r) {
            Some(Const::Int(v)) => Range::exact(v),
            Some(_) => Range::FULL,
            None => a.ranges.get(r.index()).copied().unwrap_or(Range::FULL),
        }
    };
    // A phi starts out reaching up to the largest small int (the bound of any unboxed
    // entry value), not just to its entry value: the body's facts then hold for a larger
    // value a side trace hands over at a body entry (a counter it stepped, an accumulator
    // it added to), which then needs no range check at its link. The lower bound stays:
    // `i >= 0` is what lets an index's bounds check go.
    for &i in &phi_list {
        let e = entry(&first, i);
        phis.insert(
            i,
            Range {
                lo: e.lo,
                hi: e.hi.max(SMALL_INT.hi),
            },
        );
    }
    let mut round = 0;
    loop {
        let result = analyze(trace, &phis, boxes);
        let mut grew = false;
        for &i in &phi_list {
            let back = trace.insts[i].args[1];
            let carried = match trace.const_value(back) {
                Some(Const::Int(v)) => Range::exact(v),
                Some(_) => Range::FULL,
                None => result
                    .ranges
                    .get(back.index())
                    .copied()
                    .unwrap_or(Range::FULL),
            };
            let have = phis[&i];
            if have.contains(carried) {
                continue;
            }
            grew = true;
            let mut next = have.union(carried);
            if round >= ROUNDS_BEFORE_WIDENING {
                if next.lo < have.lo {
                    next.lo = i64::MIN;
                }
                if next.hi > have.hi {
                    next.hi = i64::MAX;
                }
            }
            phis.insert(i, next);
        }
        if !grew {
            return (phis, Some(result));
        }
        round += 1;
    }
}

struct UseRanges {
    no_overflow: Vec<bool>,
    decided: Vec<bool>,
}

impl Rewrite for UseRanges {
    fn inst(&mut self, b: &mut TraceBuilder, index: usize, mut inst: Inst) -> Ref {
        if self.decided[index] {
            return NO_VALUE;
        }
        if self.no_overflow[index] {
            let plain = match inst.op {
                Op::AddIntOvf => Some(Op::AddInt),
                Op::SubIntOvf => Some(Op::SubInt),
                Op::MulIntOvf => Some(Op::MulInt),
                _ => None,
            };
            if let Some(op) = plain {
                inst.op = op;
                inst.snapshot = None;
            } else if inst.op == Op::NegIntOvf {
                let zero = b.const_int(0);
                return b.emit(Op::SubInt, &[zero, inst.args[0]]);
            }
        }
        b.emit_inst(inst)
    }
}

/// What a `box_int` must check of its operand to know it fits the small-int payload.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BoxCheck {
    /// Nothing: it always fits.
    Fits,
    /// Only that it is at most `SMALL_INT_MAX`.
    Above,
    /// Only that it is at least `SMALL_INT_MIN`.
    Below,
    /// Both bounds.
    Both,
}

/// Range facts the backend uses where the IR has no cheaper op, per instruction index:
/// the operand of a `box_int` is known to fit the 48-bit payload (no check), a
/// `mod_int`/`floordiv_int` has a non-negative dividend and a positive divisor (unsigned
/// division: no sign fix-up, no `MIN // -1` check), and an overflow-checked op cannot
/// overflow because of a box that stays in the compiled trace (see [`Boxes`]).
pub struct LoweringFacts {
    /// `box_int` needs no range check.
    pub box_fits: Vec<bool>,
    /// Which side of the 48-bit payload a `box_int`'s operand may leave (a counter
    /// incremented from a small int can only overflow upwards: one comparison).
    pub box_check: Vec<BoxCheck>,
    /// `mod_int`/`floordiv_int` may divide unsigned.
    pub unsigned_div: Vec<bool>,
    /// `add/sub/mul/neg_int_ovf` whose exact result always fits an i64.
    pub no_overflow: Vec<bool>,
}

/// The [`LoweringFacts`] of a trace as compiled (already optimized; the analysis runs
/// again, now trusting its checked boxes).
pub fn lowering_facts(trace: &Trace) -> LoweringFacts {
    let result = analyze_loop(trace, Boxes::Narrow);
    LoweringFacts {
        box_fits: result.box_fits,
        box_check: result.box_check,
        unsigned_div: result.unsigned_div,
        no_overflow: result.no_overflow,
    }
}

/// The interval of every instruction (FULL for non-integers) of a trace as compiled: the
/// intervals [`lowering_facts`] relies on (body entries check loop-carried values against
/// them).
pub fn ranges(trace: &Trace) -> Vec<Range> {
    analyze_loop(trace, Boxes::Narrow).ranges
}

/// The interval of every instruction defined before `position` of a trace as compiled,
/// as it holds at that point (only the guards and boxes before it narrow; loop phis
/// have the intervals that hold in every iteration).
pub fn ranges_at(trace: &Trace, position: usize) -> Vec<Range> {
    let (phis, _) = loop_phis(trace, Boxes::Narrow);
    analyze_until(trace, &phis, Boxes::Narrow, position).ranges
}

/// The intervals the analysis proves for the raw integers exit `exit` of a trace as
/// compiled leaves in homes, as `(home, lo, hi)`: what a side trace from that exit may
/// assume about its entry values ([`Trace::entry_ranges`]). Only the guards and boxes
/// before the snapshot count (a guard failing on purpose in stress mode proves nothing);
/// homes the analysis knows nothing about are left out.
pub fn exit_ranges(trace: &Trace, exit: usize) -> Vec<(u32, i64, i64)> {
    let Some(snap) = trace.snapshots.get(exit) else {
        return Vec::new();
    };
    let ranges = ranges_at(trace, snap.position as usize);
    snap.frames
        .iter()
        .flat_map(|f| &f.slots)
        .filter_map(|&(home, v)| {
            let r = v.as_ref()?;
            if trace.type_of(r) != Type::I64 {
                return None;
            }
            let range = match trace.const_value(r) {
                Some(Const::Int(c)) => Range::exact(c),
                _ => ranges.get(r.index()).copied()?,
            };
            (range != Range::FULL).then_some((home, range.lo, range.hi))
        })
        .collect()
}

/// Runs the pass.
pub fn run(trace: &mut Trace) -> Result<(), String> {
    let result = analyze_loop(trace, Boxes::Ignore);
    if !result.no_overflow.contains(&true) && !result.decided.contains(&true) {
        return Ok(());
    }
    rewrite(
        trace,
        &mut UseRanges {
            no_overflow: result.no_overflow,
            decided: result.decided,
        },
    )?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn facts_of(text: &str) -> LoweringFacts {
        let trace = crate::parse::parse(text).expect("valid IR");
        lowering_facts(&trace)
    }

    #[test]
    fn masked_values_divide_unsigned_and_box_without_check() {
        let facts = facts_of(
            "    v0:value = load_slot [0]
snap s0 pc=0 stack=0 {}
    guard_type v0, int !s0
    v2:i64 = unbox_int v0
    v3:i64 = and_int v2, 1023
    v4:i64 = mod_int v3, 7
    v5:i64 = floordiv_int v3, 3 !s0
    v6:i64 = mod_int v2, 7
    v7:i64 = floordiv_int v3, -3 !s0
    v8:value = box_int v4 !s0
    v9:i64 = mul_int_ovf v2, v2 !s0
    v10:value = box_int v9 !s0
snap s1 pc=2 stack=0 {0=v8, 1=v10, 2=v5, 3=v6, 4=v7}
    jump !s1
",
        );
        let unsigned: Vec<usize> = (0..facts.unsigned_div.len())
            .filter(|&i| facts.unsigned_div[i])
            .collect();
        assert_eq!(unsigned, vec![4, 5]);
        let fits: Vec<usize> = (0..facts.box_fits.len())
            .filter(|&i| facts.box_fits[i])
            .collect();
        assert_eq!(fits, vec![8]);
    }

    /// A counter boxed back every iteration: the compiled trace needs no overflow check
    /// (a checked box bounds the loop-carried value), but the pass keeps it, since `sink`
    /// may still remove a box only exits use.
    const BOXED_COUNTER: &str = "    v0:value = load_slot [0]
snap s0 pc=0 stack=0 {}
    guard_type v0, int !s0
    v2:i64 = unbox_int v0
    v3:i64 = add_int_ovf v2, 1 !s0
snap s1 pc=2 stack=0 {0=v3}
    v4:value = box_int v3 !s1
    store_slot v4, [0]
    loop
    v7:i64 = phi v3, v8
snap s2 pc=0 stack=0 {0=v7}
    v8:i64 = add_int_ovf v7, 1 !s2
snap s3 pc=2 stack=0 {0=v8}
    v9:value = box_int v8 !s3
    store_slot v9, [0]
snap s4 pc=0 stack=0 {}
    jump !s4
";

    #[test]
    fn checked_boxes_bound_a_counter_only_for_the_backend() {
        let trace = crate::parse::parse(BOXED_COUNTER).expect("valid IR");
        let facts = lowering_facts(&trace);
        assert!(facts.no_overflow[8], "the body's add needs no check");
        assert_eq!(
            facts.box_check[9],
            BoxCheck::Above,
            "the box checks one bound"
        );
        let phi = ranges(&trace)[7];
        assert!(SMALL_INT.contains(phi), "{phi:?}");
        let mut optimized = trace.clone();
        run(&mut optimized).expect("pass runs");
        let body = optimized.to_string();
        assert!(body.contains("v8:i64 = add_int_ovf v7, 1"), "{body}");
    }
}
