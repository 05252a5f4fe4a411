//! Numeric builtins lowered to IR: `round` (1- and 2-argument, floats and ints), `divmod`
//! of ints (a tuple the trace builds, so `q, r = divmod(a, b)` allocates nothing) and
//! `hash` of ints, through the pure helpers of `jit::number_helpers`; `x ** y` of floats
//! through `jit::math_helpers::float_pow`.
//!
//! Called from `recorder::builtin` once the callee is known to be the real builtin. The
//! guards use the snapshot taken at the `CALL`, so where Python would raise (or produce a
//! big int) the trace leaves before the call and the interpreter runs it.

use pyrite_ir::{Effect, Op, Type};
use pyrite_profiler::AbortReason;

use super::{Entry, Recorder, Step};
use crate::jit::math_helpers;
use crate::jit::number_helpers::{self as nh, names};

impl Recorder<'_> {
    /// `a ** b` of floats (`x`, `y` their values now) through the pure helper: where the
    /// interpreter would raise, make a complex number or a NaN, the helper's NaN makes the
    /// trace leave before the `BINARY_OP`, which the interpreter then runs.
    pub(super) fn float_power(
        &mut self,
        a: pyrite_ir::Ref,
        b: pyrite_ir::Ref,
        x: f64,
        y: f64,
    ) -> Step<Entry> {
        let value = math_helpers::float_pow(x, y);
        if value.is_nan() {
            return Err(AbortReason::UnsupportedTypes("float ** float"));
        }
        let helper = self.b.helper(
            math_helpers::names::FLOAT_POW,
            &[Type::F64, Type::F64],
            Type::F64,
            Effect::Pure,
        );
        let r = self.b.call(helper, &[a, b]);
        let ok = self.b.emit(Op::EqFloat, &[r, r]);
        self.b.guard_true(ok);
        self.float_entry(r, value)
    }

    /// `round(x)` / `round(x, n)` of a float or an int (not a bool) and an int `n`.
    pub(super) fn lower_round(&mut self, x: &Entry, n: Option<&Entry>) -> Step<Option<Entry>> {
        let digits = match n {
            Some(n) if n.v.is_none() && self.b.trace().const_value(n.r).is_some() => None,
            Some(n) => match n.v.as_small_int() {
                Some(d) => Some((n, d)),
                None => return Ok(None),
            },
            None => None,
        };
        if let Some(f) = x.v.as_immediate_float() {
            let a = self.as_float(x)?;
            let Some((n, d)) = digits else {
                let helper = self.b.helper(
                    names::ROUND_FLOAT_TO_INT,
                    &[Type::F64],
                    Type::I64,
                    Effect::Pure,
                );
                let r = self.b.call(helper, &[a]);
                let bad = self.b.const_int(i64::MIN);
                let ok = self.b.emit(Op::NeInt, &[r, bad]);
                self.b.guard_true(ok);
                let value = nh::round_to_int(f);
                return self
                    .int_entry(r, (value != i64::MIN).then_some(value))
                    .map(Some);
            };
            let nd = self.as_int(n)?;
            let value = nh::round_float_digits(f, d);
            if value.is_nan() {
                return Err(AbortReason::UnsupportedTypes("round() overflow"));
            }
            let helper = self.b.helper(
                names::ROUND_FLOAT,
                &[Type::F64, Type::I64],
                Type::F64,
                Effect::Pure,
            );
            let r = self.b.call(helper, &[a, nd]);
            let ok = self.b.emit(Op::EqFloat, &[r, r]);
            self.b.guard_true(ok);
            return self.float_entry(r, value).map(Some);
        }
        let Some(i) = x.v.as_small_int() else {
            return Ok(None);
        };
        let a = self.as_int(x)?;
        let Some((n, d)) = digits else {
            return Ok(Some(Entry {
                r: a,
                v: x.v.clone(),
            }));
        };
        let nd = self.as_int(n)?;
        let zero = self.b.const_int(0);
        if d >= 0 {
            let ok = self.b.emit(Op::GeInt, &[nd, zero]);
            self.b.guard_true(ok);
            return Ok(Some(Entry {
                r: a,
                v: x.v.clone(),
            }));
        }
        let negative = self.b.emit(Op::LtInt, &[nd, zero]);
        self.b.guard_true(negative);
        let helper = self.b.helper(
            names::ROUND_INT,
            &[Type::I64, Type::I64],
            Type::I64,
            Effect::Pure,
        );
        let r = self.b.call(helper, &[a, nd]);
        let bad = self.b.const_int(i64::MIN);
        let ok = self.b.emit(Op::NeInt, &[r, bad]);
        self.b.guard_true(ok);
        let value = nh::round_int_digits(i, d);
        self.int_entry(r, (value != i64::MIN).then_some(value))
            .map(Some)
    }

    /// `divmod(a, b)` of two ints, `b != 0`.
    pub(super) fn lower_divmod(&mut self, a: &Entry, b: &Entry) -> Step<Option<Entry>> {
        let (Some(x), Some(y)) = (a.v.as_small_int(), b.v.as_small_int()) else {
            return Ok(None);
        };
        if y == 0 {
            // The interpreter raises ZeroDivisionError.
            return Ok(None);
        }
        let (ra, rb) = (self.as_int(a)?, self.as_int(b)?);
        let zero = self.b.const_int(0);
        let nonzero = self.b.emit(Op::NeInt, &[rb, zero]);
        self.b.guard_true(nonzero);
        let div = self.b.helper(
            names::FLOOR_DIV_INT,
            &[Type::I64, Type::I64],
            Type::I64,
            Effect::Pure,
        );
        let q = self.b.call(div, &[ra, rb]);
        let bad = self.b.const_int(i64::MIN);
        let ok = self.b.emit(Op::NeInt, &[q, bad]);
        self.b.guard_true(ok);
        let modulo = self.b.helper(
            names::MOD_INT,
            &[Type::I64, Type::I64],
            Type::I64,
            Effect::Pure,
        );
        let r = self.b.call(modulo, &[ra, rb]);
        let qv = nh::floor_div(x, y);
        let q = self.int_entry(q, (qv != i64::MIN).then_some(qv))?;
        let r = self.int_entry(r, Some(nh::modulo(x, y)))?;
        let words = [self.boxed(&q)?, self.boxed(&r)?];
        Ok(Some(self.make_tuple(&words, &[q, r])))
    }

    /// `hash(i)` of an int.
    pub(super) fn lower_hash(&mut self, x: &Entry) -> Step<Option<Entry>> {
        let Some(i) = x.v.as_small_int() else {
            return Ok(None);
        };
        let a = self.as_int(x)?;
        let helper = self
            .b
            .helper(names::HASH_INT, &[Type::I64], Type::I64, Effect::Pure);
        let r = self.b.call(helper, &[a]);
        self.int_entry(r, Some(crate::text::hash::hash_i64(i)))
            .map(Some)
    }
}
