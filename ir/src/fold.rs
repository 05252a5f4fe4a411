//! Folding: the algebraic rules applied to every instruction as it is emitted.
//!
//! Rules are one arm each, keyed on the op and what its operands are, with the algebra in a
//! comment. Requirements every rule keeps (as in LuaJIT's FOLD engine):
//! 1. A rule never changes what Python code observes: float rules respect `-0.0`, NaN and
//!    infinities (so `x + 0.0` is *not* `x`), and integer rules never fold a computation
//!    that overflows (the guard stays and the trace exits to the interpreter, which builds
//!    the big int).
//! 2. A rule only returns a value that is already defined (an operand, a constant, or the
//!    operand of an operand), so folding never breaks SSA order.
//! 3. A guard whose condition is known to hold is dropped; a guard known to fail is kept
//!    as is (the recorder saw it pass, so the trace is simply useless, not wrong).
//!
//! Commutative ops are first put in canonical order (constants last, lower refs first) so
//! CSE finds `a + b` and `b + a` to be the same value.

use crate::abi;
use crate::op::{Op, OpFlags};
use crate::trace::{Imm, Inst, Ref, Trace};
use crate::types::{Const, TypeTag};

/// What folding decided about an instruction.
#[derive(Debug, PartialEq)]
pub enum Fold {
    /// Emit the (possibly canonicalized) instruction.
    Emit(Inst),
    /// The instruction's value is this existing value; emit nothing.
    Value(Ref),
    /// The instruction is a guard that always passes; emit nothing.
    Drop,
}

/// Applies the folding rules to `inst` until none applies. Constants it creates are
/// interned in `trace`.
pub fn fold(trace: &mut Trace, mut inst: Inst) -> Fold {
    // Each rewrite makes the instruction simpler, so a few rounds always suffice.
    for _ in 0..8 {
        if inst.op.flags().contains(OpFlags::COMMUTATIVE) && inst.args.len() == 2 {
            inst.args.sort();
        }
        match fold_once(trace, &inst) {
            Step::Keep => return Fold::Emit(inst),
            Step::Value(r) => return Fold::Value(r),
            Step::Const(c) => return Fold::Value(trace.constant(c)),
            Step::Drop => return Fold::Drop,
            Step::Rewrite(op, args) => {
                inst.op = op;
                inst.args = args;
            }
        }
    }
    Fold::Emit(inst)
}

enum Step {
    Keep,
    Value(Ref),
    Const(Const),
    Drop,
    Rewrite(Op, Vec<Ref>),
}

fn fold_once(trace: &Trace, inst: &Inst) -> Step {
    let arg = |i: usize| inst.args.get(i).copied();
    let konst = |i: usize| arg(i).and_then(|r| trace.const_value(r));
    let int = |i: usize| konst(i).and_then(Const::as_int);
    let float = |i: usize| konst(i).and_then(Const::as_float);
    let boolean = |i: usize| konst(i).and_then(Const::as_bool);
    let word = |i: usize| match konst(i) {
        Some(Const::Value(w)) => Some(w),
        _ => None,
    };
    // The defining instruction of operand `i` and its first operand.
    let def = |i: usize| arg(i).and_then(|r| trace.inst(r));
    let def_op = |i: usize| def(i).map(|d| d.op);
    let def_arg = |i: usize| def(i).and_then(|d| d.args.first().copied());
    let same = arg(0).is_some() && arg(0) == arg(1);

    use Op::*;
    match inst.op {
        // ---- integers with overflow guards: fold only when no overflow happens ----
        AddIntOvf | AddInt | SubIntOvf | SubInt | MulIntOvf | MulInt
            if int(0).is_some() && int(1).is_some() =>
        {
            let (Some(a), Some(b)) = (int(0), int(1)) else {
                return Step::Keep;
            };
            let folded = match inst.op {
                AddIntOvf => a.checked_add(b),
                SubIntOvf => a.checked_sub(b),
                MulIntOvf => a.checked_mul(b),
                AddInt => Some(a.wrapping_add(b)),
                SubInt => Some(a.wrapping_sub(b)),
                _ => Some(a.wrapping_mul(b)),
            };
            folded.map_or(Step::Keep, |v| Step::Const(Const::Int(v)))
        }
        NegIntOvf => match int(0).and_then(i64::checked_neg) {
            Some(v) => Step::Const(Const::Int(v)),
            None => Step::Keep,
        },
        // x + 0 == x, x - 0 == x.
        AddIntOvf | AddInt | SubIntOvf | SubInt if int(1) == Some(0) => Step::Value(inst.args[0]),
        // x - x == 0.
        SubIntOvf | SubInt if same => Step::Const(Const::Int(0)),
        // x * 1 == x.
        MulIntOvf | MulInt if int(1) == Some(1) => Step::Value(inst.args[0]),
        // x * 0 == 0 (never overflows).
        MulIntOvf | MulInt if int(1) == Some(0) => Step::Const(Const::Int(0)),
        AndInt | OrInt | XorInt if int(0).is_some() && int(1).is_some() => {
            let (Some(a), Some(b)) = (int(0), int(1)) else {
                return Step::Keep;
            };
            Step::Const(Const::Int(match inst.op {
                AndInt => a & b,
                OrInt => a | b,
                _ => a ^ b,
            }))
        }
        // Python's floor modulo of constants (never by zero, never i64::MIN % -1).
        ModInt => match (int(0), int(1)) {
            (Some(a), Some(b)) => match a.checked_rem(b) {
                Some(r) if r != 0 && (r < 0) != (b < 0) => Step::Const(Const::Int(r + b)),
                Some(r) => Step::Const(Const::Int(r)),
                None => Step::Keep,
            },
            _ => Step::Keep,
        },
        // Python's a >> b for b >= 0: a count past 63 keeps only the sign.
        ShrInt => match (int(0), int(1)) {
            (Some(a), Some(b)) if b >= 0 => Step::Const(Const::Int(a >> b.min(63))),
            (_, Some(0)) => Step::Value(inst.args[0]),
            _ => Step::Keep,
        },
        // x & 0 == 0.
        AndInt if int(1) == Some(0) => Step::Const(Const::Int(0)),
        // x | 0 == x, x ^ 0 == x.
        OrInt | XorInt if int(1) == Some(0) => Step::Value(inst.args[0]),
        // x & x == x, x | x == x.
        AndInt | OrInt if same => Step::Value(inst.args[0]),
        // x ^ x == 0.
        XorInt if same => Step::Const(Const::Int(0)),
        LtInt | LeInt | GtInt | GeInt | EqInt | NeInt => {
            if let (Some(a), Some(b)) = (int(0), int(1)) {
                Step::Const(Const::Bool(compare(inst.op, a.cmp(&b))))
            } else if same {
                // x < x is false, x <= x is true, ... (ints have no NaN).
                Step::Const(Const::Bool(compare(inst.op, std::cmp::Ordering::Equal)))
            } else {
                Step::Keep
            }
        }

        // ---- floats: IEEE arithmetic is the same at fold time as at run time ----
        AddFloat | SubFloat | MulFloat if float(0).is_some() && float(1).is_some() => {
            let (Some(a), Some(b)) = (float(0), float(1)) else {
                return Step::Keep;
            };
            Step::Const(Const::float(match inst.op {
                AddFloat => a + b,
                SubFloat => a - b,
                _ => a * b,
            }))
        }
        // a / b with b a nonzero constant cannot exit.
        DivFloat if float(1).is_some_and(|b| b != 0.0) => match (float(0), float(1)) {
            (Some(a), Some(b)) => Step::Const(Const::float(a / b)),
            // x / 1.0 == x (exact, NaN and -0.0 included).
            (None, Some(1.0)) => Step::Value(inst.args[0]),
            _ => Step::Keep,
        },
        // x * 1.0 == x, x - 0.0 == x (but x + 0.0 is not x: -0.0 + 0.0 == 0.0).
        MulFloat if float(1) == Some(1.0) => Step::Value(inst.args[0]),
        SubFloat if float(1).is_some_and(|b| b.to_bits() == 0) => Step::Value(inst.args[0]),
        NegFloat => match (float(0), def_op(0)) {
            (Some(a), _) => Step::Const(Const::float(-a)),
            // -(-x) == x.
            (None, Some(NegFloat)) => def_arg(0).map_or(Step::Keep, Step::Value),
            _ => Step::Keep,
        },
        AbsFloat => match float(0) {
            Some(a) => Step::Const(Const::float(a.abs())),
            None => Step::Keep,
        },
        // sqrt of a non-negative constant (IEEE sqrt is correctly rounded everywhere).
        SqrtFloat => match float(0) {
            Some(a) if a >= 0.0 || a.is_nan() => Step::Const(Const::float(a.sqrt())),
            _ => Step::Keep,
        },
        LtFloat | LeFloat | GtFloat | GeFloat | EqFloat | NeFloat => match (float(0), float(1)) {
            (Some(a), Some(b)) => Step::Const(Const::Bool(compare_float(inst.op, a, b))),
            _ => Step::Keep,
        },
        IntToFloat => match int(0) {
            Some(a) => Step::Const(Const::float(a as f64)),
            None => Step::Keep,
        },

        // ---- booleans ----
        NotBool => match (boolean(0), def_op(0)) {
            (Some(a), _) => Step::Const(Const::Bool(!a)),
            // not not x == x.
            (None, Some(NotBool)) => def_arg(0).map_or(Step::Keep, Step::Value),
            _ => Step::Keep,
        },

        // ---- boxing ----
        BoxInt => match (int(0), def_op(0)) {
            (Some(a), _) => {
                abi::encode_small_int(a).map_or(Step::Keep, |w| Step::Const(Const::Value(w)))
            }
            // box(unbox(v)) == v: v was a small int word.
            (None, Some(UnboxInt)) => def_arg(0).map_or(Step::Keep, Step::Value),
            _ => Step::Keep,
        },
        BoxFloat => match (float(0), def_op(0)) {
            (Some(a), _) => {
                abi::encode_double(a).map_or(Step::Keep, |w| Step::Const(Const::Value(w)))
            }
            // box(unbox(v)) == v: v was an immediate double.
            (None, Some(UnboxFloat)) => def_arg(0).map_or(Step::Keep, Step::Value),
            _ => Step::Keep,
        },
        BoxBool => match (boolean(0), def_op(0)) {
            (Some(a), _) => {
                Step::Const(Const::Value(if a { abi::IMM_TRUE } else { abi::IMM_FALSE }))
            }
            (None, Some(UnboxBool)) => def_arg(0).map_or(Step::Keep, Step::Value),
            _ => Step::Keep,
        },
        UnboxInt => match (word(0), def_op(0)) {
            (Some(w), _) if abi::is_small_int(w) => {
                Step::Const(Const::Int(abi::decode_small_int(w)))
            }
            // unbox(box(x)) == x.
            (_, Some(BoxInt)) => def_arg(0).map_or(Step::Keep, Step::Value),
            _ => Step::Keep,
        },
        UnboxFloat => match (word(0), def_op(0)) {
            (Some(w), _) if abi::is_double(w) => Step::Const(Const::float(abi::decode_double(w))),
            (_, Some(BoxFloat)) => def_arg(0).map_or(Step::Keep, Step::Value),
            _ => Step::Keep,
        },
        UnboxBool => match (word(0), def_op(0)) {
            (Some(abi::IMM_TRUE), _) => Step::Const(Const::Bool(true)),
            (Some(abi::IMM_FALSE), _) => Step::Const(Const::Bool(false)),
            (_, Some(BoxBool)) => def_arg(0).map_or(Step::Keep, Step::Value),
            _ => Step::Keep,
        },

        // ---- guards ----
        GuardType => {
            let Imm::Tag(tag) = inst.imm else {
                return Step::Keep;
            };
            match (word(0), def_op(0)) {
                (Some(w), _) if tag.matches(w) => Step::Drop,
                // Boxes exit unless the result has the tag; a fresh tuple is a heap object.
                (_, Some(BoxInt)) if tag == TypeTag::Int => Step::Drop,
                (_, Some(BoxFloat)) if tag == TypeTag::Float => Step::Drop,
                (_, Some(BoxBool)) if tag == TypeTag::Bool => Step::Drop,
                (_, Some(NewTuple | NewInstance)) if tag == TypeTag::Object => Step::Drop,
                _ => Step::Keep,
            }
        }
        GuardTrue | GuardFalse => {
            let want = inst.op == GuardTrue;
            match (boolean(0), def_op(0)) {
                (Some(b), _) if b == want => Step::Drop,
                // guard_true(not x) == guard_false(x).
                (None, Some(NotBool)) => match def_arg(0) {
                    Some(x) => Step::Rewrite(if want { GuardFalse } else { GuardTrue }, vec![x]),
                    None => Step::Keep,
                },
                _ => Step::Keep,
            }
        }
        // Equal refs are equal words; two constants compare by bits.
        GuardEq if same => Step::Drop,
        GuardEq | GuardNe => match (konst(0), konst(1)) {
            (Some(a), Some(b)) if (a.bits() == b.bits()) == (inst.op == GuardEq) => Step::Drop,
            _ => Step::Keep,
        },
        _ => Step::Keep,
    }
}

fn compare(op: Op, ord: std::cmp::Ordering) -> bool {
    use std::cmp::Ordering::*;
    match op {
        Op::LtInt => ord == Less,
        Op::LeInt => ord != Greater,
        Op::GtInt => ord == Greater,
        Op::GeInt => ord != Less,
        Op::EqInt => ord == Equal,
        _ => ord != Equal,
    }
}

fn compare_float(op: Op, a: f64, b: f64) -> bool {
    match op {
        Op::LtFloat => a < b,
        Op::LeFloat => a <= b,
        Op::GtFloat => a > b,
        Op::GeFloat => a >= b,
        Op::EqFloat => a == b,
        _ => a != b,
    }
}
