//! Binary operators and comparisons of small ints, floats and bools as IR: each one
//! computes its concrete result (to choose guards and carry values) and emits the typed op,
//! with an overflow guard where the result could leave the machine range.

use pyrite_ir::Op;
use pyrite_profiler::AbortReason;

use super::{Entry, Recorder, Step};
use crate::bytecode::{BinaryOp, CompareOp};
use crate::object::Value;

impl Recorder<'_> {
    pub(super) fn binary(&mut self, bop: BinaryOp, lhs: &Entry, rhs: &Entry) -> Step<Entry> {
        use BinaryOp::*;
        let plain = match bop {
            InplaceAdd => Add,
            InplaceSubtract => Subtract,
            InplaceMultiply => Multiply,
            InplaceRemainder => Remainder,
            InplaceRShift => RShift,
            InplaceAnd => And,
            InplaceOr => Or,
            InplaceXor => Xor,
            InplaceTrueDivide => TrueDivide,
            InplaceFloorDivide => FloorDivide,
            InplacePower => Power,
            other => other,
        };
        if let (Some(x), Some(y)) = (lhs.v.as_small_int(), rhs.v.as_small_int()) {
            if plain == TrueDivide {
                return Err(AbortReason::UnsupportedTypes("int / int"));
            }
            let a = self.as_int(lhs)?;
            let b = self.as_int(rhs)?;
            let (op, value) = match plain {
                Add => (Op::AddIntOvf, x.checked_add(y)),
                Subtract => (Op::SubIntOvf, x.checked_sub(y)),
                Multiply => (Op::MulIntOvf, x.checked_mul(y)),
                And => (Op::AndInt, Some(x & y)),
                Or => (Op::OrInt, Some(x | y)),
                Xor => (Op::XorInt, Some(x ^ y)),
                Remainder => {
                    if y == 0 {
                        return Err(AbortReason::DivisionByZero);
                    }
                    let zero = self.b.const_int(0);
                    let nonzero = self.b.emit(Op::NeInt, &[b, zero]);
                    self.b.guard_true(nonzero);
                    (Op::ModInt, Some(python_mod(x, y)))
                }
                FloorDivide => {
                    if y == 0 {
                        return Err(AbortReason::DivisionByZero);
                    }
                    let zero = self.b.const_int(0);
                    let nonzero = self.b.emit(Op::NeInt, &[b, zero]);
                    self.b.guard_true(nonzero);
                    (Op::FloorDivInt, python_floor_div(x, y))
                }
                RShift => {
                    if y < 0 {
                        return Err(AbortReason::UnsupportedTypes("negative shift"));
                    }
                    let zero = self.b.const_int(0);
                    let ok = self.b.emit(Op::GeInt, &[b, zero]);
                    self.b.guard_true(ok);
                    (Op::ShrInt, Some(x >> y.min(63)))
                }
                _ => return Err(AbortReason::UnsupportedTypes("int operator")),
            };
            let r = self.b.emit(op, &[a, b]);
            return self.int_entry(r, value);
        }
        let numeric = |v: &Value| {
            v.as_immediate_float()
                .or_else(|| v.as_small_int().map(|i| i as f64))
        };
        let either_float = lhs.v.is_immediate_float() || rhs.v.is_immediate_float();
        if let (true, Some(x), Some(y)) = (either_float, numeric(&lhs.v), numeric(&rhs.v)) {
            let a = self.as_float(lhs)?;
            let b = self.as_float(rhs)?;
            let (op, value) = match plain {
                Add => (Op::AddFloat, x + y),
                Subtract => (Op::SubFloat, x - y),
                Multiply => (Op::MulFloat, x * y),
                TrueDivide => {
                    if y == 0.0 {
                        return Err(AbortReason::DivisionByZero);
                    }
                    (Op::DivFloat, x / y)
                }
                Power => return self.float_power(a, b, x, y),
                _ => return Err(AbortReason::UnsupportedTypes("float operator")),
            };
            let r = self.b.emit(op, &[a, b]);
            return self.float_entry(r, value);
        }
        Err(AbortReason::UnsupportedTypes("BINARY_OP"))
    }

    pub(super) fn compare(&mut self, cop: CompareOp, lhs: &Entry, rhs: &Entry) -> Step<Entry> {
        use std::cmp::Ordering as O;
        if let (Some(x), Some(y)) = (lhs.v.as_small_int(), rhs.v.as_small_int()) {
            let a = self.as_int(lhs)?;
            let b = self.as_int(rhs)?;
            let (op, value) = match cop {
                CompareOp::Lt => (Op::LtInt, x < y),
                CompareOp::Le => (Op::LeInt, x <= y),
                CompareOp::Eq => (Op::EqInt, x == y),
                CompareOp::Ne => (Op::NeInt, x != y),
                CompareOp::Gt => (Op::GtInt, x > y),
                CompareOp::Ge => (Op::GeInt, x >= y),
            };
            let r = self.b.emit(op, &[a, b]);
            return Ok(self.bool_entry(r, value));
        }
        if let (Some(x), Some(y)) = (lhs.v.as_immediate_float(), rhs.v.as_immediate_float()) {
            let a = self.as_float(lhs)?;
            let b = self.as_float(rhs)?;
            let ord = x.partial_cmp(&y);
            let (op, value) = match cop {
                CompareOp::Lt => (Op::LtFloat, ord == Some(O::Less)),
                CompareOp::Le => (Op::LeFloat, matches!(ord, Some(O::Less | O::Equal))),
                CompareOp::Eq => (Op::EqFloat, ord == Some(O::Equal)),
                CompareOp::Ne => (Op::NeFloat, ord != Some(O::Equal)),
                CompareOp::Gt => (Op::GtFloat, ord == Some(O::Greater)),
                CompareOp::Ge => (Op::GeFloat, matches!(ord, Some(O::Greater | O::Equal))),
            };
            let r = self.b.emit(op, &[a, b]);
            return Ok(self.bool_entry(r, value));
        }
        Err(AbortReason::UnsupportedTypes("COMPARE_OP"))
    }
}

/// Python's `x // y` for `y != 0`, or `None` when it overflows (`MIN // -1`).
fn python_floor_div(x: i64, y: i64) -> Option<i64> {
    let q = x.checked_div(y)?;
    let r = x.wrapping_rem(y);
    Some(if r != 0 && (r ^ y) < 0 { q - 1 } else { q })
}

/// Python's `x % y` for `y != 0`: the remainder takes the divisor's sign.
fn python_mod(x: i64, y: i64) -> i64 {
    let r = x.wrapping_rem(y);
    if r != 0 && (r ^ y) < 0 { r + y } else { r }
}
