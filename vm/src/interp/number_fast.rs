//! The arithmetic and comparison kernels of the dispatch loop's number fast paths
//! (generic `BINARY_OP` on two small ints, the `*_INT`/`*_FLOAT` specializations and
//! `COMPARE_OP_INT`/`_FLOAT`): `None` means "not this fast path", and the generic
//! instruction runs, so overflow, division by zero and NaN keep CPython's behaviour.

use std::cmp::Ordering;

use crate::bytecode::{CompareOp, Opcode};
use crate::object::Value;

/// `x op y` for generic `BINARY_OP` argument `arg` (add, subtract, multiply and their
/// in-place forms), when it fits in an `i64`.
#[inline(always)]
pub(super) fn binary_op_small_int(arg: u32, x: i64, y: i64) -> Option<i64> {
    match arg {
        0 | 13 => x.checked_add(y),
        10 | 23 => x.checked_sub(y),
        5 | 18 => x.checked_mul(y),
        _ => None,
    }
}

/// `BINARY_OP_ADD_INT`/`SUBTRACT_INT`/`MULTIPLY_INT` when the result fits in an `i64`.
#[inline(always)]
pub(super) fn specialized_int(op: Opcode, x: i64, y: i64) -> Option<i64> {
    match op {
        Opcode::BINARY_OP_ADD_INT => x.checked_add(y),
        Opcode::BINARY_OP_SUBTRACT_INT => x.checked_sub(y),
        _ => x.checked_mul(y),
    }
}

/// The `*_FLOAT` specializations; division by zero is left to the generic instruction,
/// which raises `ZeroDivisionError`.
#[inline(always)]
pub(super) fn specialized_float(op: Opcode, x: f64, y: f64) -> Option<f64> {
    match op {
        Opcode::BINARY_OP_ADD_FLOAT => Some(x + y),
        Opcode::BINARY_OP_SUBTRACT_FLOAT => Some(x - y),
        Opcode::BINARY_OP_MULTIPLY_FLOAT => Some(x * y),
        _ if y != 0.0 => Some(x / y),
        _ => None,
    }
}

/// The result of comparison `cop` given the operands' ordering (`None`: unordered, a NaN).
#[inline(always)]
pub(super) fn compare_result(cop: CompareOp, ord: Option<Ordering>) -> bool {
    match (cop, ord) {
        (CompareOp::Ne, None) => true,
        (_, None) => false,
        (CompareOp::Lt, Some(o)) => o == Ordering::Less,
        (CompareOp::Le, Some(o)) => o != Ordering::Greater,
        (CompareOp::Eq, Some(o)) => o == Ordering::Equal,
        (CompareOp::Ne, Some(o)) => o != Ordering::Equal,
        (CompareOp::Gt, Some(o)) => o == Ordering::Greater,
        (CompareOp::Ge, Some(o)) => o != Ordering::Less,
    }
}

/// The ordering of two small ints (`COMPARE_OP_INT`) or two immediate floats
/// (`COMPARE_OP_FLOAT`; `Some(None)` when a NaN makes them unordered); `None` when the
/// operands are not of the specialized kind.
#[inline(always)]
pub(super) fn ordering(op: Opcode, a: &Value, b: &Value) -> Option<Option<Ordering>> {
    if op == Opcode::COMPARE_OP_INT {
        Some(Some(a.as_small_int()?.cmp(&b.as_small_int()?)))
    } else {
        Some(
            a.as_immediate_float()?
                .partial_cmp(&b.as_immediate_float()?),
        )
    }
}
