//! Binary operators and comparisons of small ints, floats and bools as IR: each one
//! computes its concrete result (to choose guards and carry values) and emits the typed op,
//! with an overflow guard where the result could leave the machine range.

use pyrite_ir::{Effect, Op, Type};
use pyrite_profiler::AbortReason;

use super::{Entry, Recorder, Step};
use crate::bytecode::{BinaryOp, CompareOp};
use crate::jit::object_helpers::names::{STR_CMP, STR_EQ};
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
            InplaceLShift => LShift,
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
                return self.int_true_divide(lhs, rhs, x, y);
            }
            if plain == LShift {
                return self.int_left_shift(lhs, rhs, x, y);
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
        if let (Some(x), Some(y)) = (self.exact_str(&lhs.v), self.exact_str(&rhs.v)) {
            let ord = x.cmp(y);
            let str_type = self.vm.types.str_.bits();
            self.guard_exact_type(lhs.r, str_type)?;
            self.guard_exact_type(rhs.r, str_type)?;
            let (name, value) = match cop {
                CompareOp::Eq | CompareOp::Ne => (STR_EQ, i64::from(ord == O::Equal)),
                _ => (STR_CMP, ord as i64),
            };
            let helper = self
                .b
                .helper(name, &[Type::Value, Type::Value], Type::I64, Effect::Pure);
            let result = self.b.call(helper, &[lhs.r, rhs.r]);
            let zero = self.b.const_int(0);
            // `str_eq` gives 1 for equal strings; `str_cmp` the order's sign.
            let (op, truth) = match cop {
                CompareOp::Eq => (Op::NeInt, value != 0),
                CompareOp::Ne => (Op::EqInt, value == 0),
                CompareOp::Lt => (Op::LtInt, value < 0),
                CompareOp::Le => (Op::LeInt, value <= 0),
                CompareOp::Gt => (Op::GtInt, value > 0),
                CompareOp::Ge => (Op::GeInt, value >= 0),
            };
            let r = self.b.emit(op, &[result, zero]);
            return Ok(self.bool_entry(r, truth));
        }
        Err(AbortReason::UnsupportedTypes("COMPARE_OP"))
    }

    /// The exact text (generalized UTF-8, which sorts as code points do) of an exact
    /// `str` (not a subclass, whose `__eq__` may be Python code).
    fn exact_str<'v>(&self, v: &'v Value) -> Option<&'v [u8]> {
        let obj = v.as_object()?;
        if obj.type_bits() != self.vm.types.str_.bits() {
            return None;
        }
        v.as_pystr().map(|s| s.wtf8())
    }
}

/// The largest magnitude an int may have for `x / y` to be one float division: both
/// operands convert exactly (CPython takes the same fast path), so the quotient is
/// correctly rounded.
const EXACT_FLOAT_INT: i64 = 1 << 53;

impl Recorder<'_> {
    /// `x / y` of small ints whose magnitudes are at most 2**53: the quotient of the exact
    /// float conversions, after guards on the range and a nonzero divisor (other operands
    /// leave, and the interpreter divides, raising ZeroDivisionError for 0).
    fn int_true_divide(&mut self, lhs: &Entry, rhs: &Entry, x: i64, y: i64) -> Step<Entry> {
        if y == 0 {
            return Err(AbortReason::DivisionByZero);
        }
        if x.unsigned_abs() > EXACT_FLOAT_INT as u64 || y.unsigned_abs() > EXACT_FLOAT_INT as u64 {
            return Err(AbortReason::UnsupportedTypes("int / int beyond 2**53"));
        }
        let a = self.as_int(lhs)?;
        let b = self.as_int(rhs)?;
        self.guard_exact_float_int(a);
        self.guard_exact_float_int(b);
        let zero = self.b.const_int(0);
        let nonzero = self.b.emit(Op::NeInt, &[b, zero]);
        self.b.guard_true(nonzero);
        let fa = self.b.emit(Op::IntToFloat, &[a]);
        let fb = self.b.emit(Op::IntToFloat, &[b]);
        let r = self.b.emit(Op::DivFloat, &[fa, fb]);
        self.float_entry(r, x as f64 / y as f64)
    }

    /// Guards `-2**53 <= v <= 2**53` (folded away for constants).
    fn guard_exact_float_int(&mut self, v: pyrite_ir::Ref) {
        let low = self.b.const_int(-EXACT_FLOAT_INT);
        let high = self.b.const_int(EXACT_FLOAT_INT);
        let above = self.b.emit(Op::GeInt, &[v, low]);
        self.b.guard_true(above);
        let below = self.b.emit(Op::LeInt, &[v, high]);
        self.b.guard_true(below);
    }

    /// `x << y` of small ints: the shift count is guarded to be the one recorded (almost
    /// always a constant), and the shift is a multiplication by `2**y` with the overflow
    /// guard of `*` (a result beyond the machine range leaves, and the interpreter makes
    /// the big int).
    fn int_left_shift(&mut self, lhs: &Entry, rhs: &Entry, x: i64, y: i64) -> Step<Entry> {
        if !(0..=61).contains(&y) {
            return Err(AbortReason::UnsupportedTypes("int << beyond 61 bits"));
        }
        let a = self.as_int(lhs)?;
        let b = self.as_int(rhs)?;
        let count = self.b.const_int(y);
        if b != count {
            self.b.guard_eq(b, count);
        }
        let factor = self.b.const_int(1 << y);
        let r = self.b.emit(Op::MulIntOvf, &[a, factor]);
        self.int_entry(r, x.checked_mul(1 << y))
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
