//! Builtins lowered to IR: `abs`, `min`/`max` of two numbers of one kind, `len` of a str or
//! dict, `int()`/`float()` of numbers and the `math` module's `sqrt`, `fabs` and
//! one-argument float functions (`math_helpers`); `round`, `divmod` and `hash` are in
//! `recorder::numeric`, `isinstance` in `recorder::typecheck`.
//!
//! The callee must be a trace constant (a folded builtin or module attribute, pinned by the
//! trace's dependencies). Where Python would raise, the IR leaves the trace *before* the
//! call (its guards use the snapshot taken at the `CALL`), so the interpreter re-runs the
//! call and raises itself. Other builtins return `None` here and the recording goes on to
//! the generic `CALL` handling (which aborts with a named reason).

use pyrite_ir::{Effect, Op, Type};
use pyrite_profiler::AbortReason;

use super::{Entry, Recorder, Step};
use crate::jit::glue::names as glue_names;
use crate::jit::math_helpers::{self, MATH_FNS, names};
use crate::object::Payload;

/// What a callee constant is, for lowering.
enum Callee {
    Builtin(&'static str),
    Math(&'static str),
    IntType,
    FloatType,
}

impl Recorder<'_> {
    fn classify_callee(&self, callee: &Entry) -> Option<Callee> {
        self.b.trace().const_value(callee.r)?;
        let types = &self.vm.types;
        if callee.v.is(&types.int) {
            return Some(Callee::IntType);
        }
        if callee.v.is(&types.float) {
            return Some(Callee::FloatType);
        }
        let Some(Payload::BuiltinFunction(f)) = callee.v.payload() else {
            return None;
        };
        if f.receiver.is(&self.vm.builtins) {
            return Some(Callee::Builtin(f.name));
        }
        let Some(Payload::Module(m)) = f.receiver.payload() else {
            return None;
        };
        let table = m.dict.as_dict()?.try_borrow().ok()?;
        let hash = crate::runtime::hashing::str_hash_cached("__name__");
        let index = table.find_str(hash, "__name__")?;
        let is_math = table.entry(index)?.value.as_str() == Some("math");
        is_math.then_some(Callee::Math(f.name))
    }

    /// `CALL argc` of a builtin this module lowers: the result, with the call's operands
    /// popped; `None` (nothing popped) for any other call.
    pub(super) fn builtin_call(&mut self, argc: usize) -> Step<Option<Entry>> {
        let len = self.stack.len();
        let Some(at) = len.checked_sub(argc + 2) else {
            return Ok(None);
        };
        if !self.stack[at + 1].v.is_null() {
            return Ok(None);
        }
        let callee = self.stack[at].clone();
        let Some(kind) = self.classify_callee(&callee) else {
            return Ok(None);
        };
        let args: Vec<Entry> = self.stack[at + 2..].to_vec();
        let result = match (kind, args.as_slice()) {
            (Callee::Builtin("abs"), [x]) => self.lower_abs(x)?,
            (Callee::Builtin(name @ ("min" | "max")), [a, b]) => {
                self.lower_min_max(name == "max", a, b)?
            }
            (Callee::Builtin("len"), [x]) => self.lower_len(x)?,
            (Callee::IntType, [x]) => self.lower_int(x)?,
            (Callee::FloatType, [x]) => self.lower_float(x)?,
            (Callee::Math(name), [x]) => self.lower_math(name, x)?,
            (Callee::Builtin("round"), [x]) => self.lower_round(x, None)?,
            (Callee::Builtin("round"), [x, n]) => self.lower_round(x, Some(n))?,
            (Callee::Builtin("divmod"), [a, b]) => self.lower_divmod(a, b)?,
            (Callee::Builtin("hash"), [x]) => self.lower_hash(x)?,
            (Callee::Builtin("isinstance"), [x, cls]) => self.lower_isinstance(x, cls)?,
            _ => None,
        };
        if result.is_some() {
            self.stack.truncate(at);
        }
        Ok(result)
    }

    fn lower_abs(&mut self, x: &Entry) -> Step<Option<Entry>> {
        if let Some(i) = x.v.as_small_int() {
            let a = self.as_int(x)?;
            let helper = self
                .b
                .helper(names::ABS_INT, &[Type::I64], Type::I64, Effect::Pure);
            let r = self.b.call(helper, &[a]);
            let zero = self.b.const_int(0);
            let ok = self.b.emit(Op::GeInt, &[r, zero]);
            self.b.guard_true(ok);
            return self.int_entry(r, i.checked_abs()).map(Some);
        }
        if let Some(f) = x.v.as_immediate_float() {
            let a = self.as_float(x)?;
            let r = self.b.emit(Op::AbsFloat, &[a]);
            return self.float_entry(r, f.abs()).map(Some);
        }
        Ok(None)
    }

    fn lower_min_max(&mut self, max: bool, a: &Entry, b: &Entry) -> Step<Option<Entry>> {
        if let (Some(x), Some(y)) = (a.v.as_small_int(), b.v.as_small_int()) {
            let (ra, rb) = (self.as_int(a)?, self.as_int(b)?);
            let name = if max { names::MAX_INT } else { names::MIN_INT };
            let helper = self
                .b
                .helper(name, &[Type::I64, Type::I64], Type::I64, Effect::Pure);
            let r = self.b.call(helper, &[ra, rb]);
            let value = math_helpers::min_max_int(max, x, y);
            return self.int_entry(r, Some(value)).map(Some);
        }
        if let (Some(x), Some(y)) = (a.v.as_immediate_float(), b.v.as_immediate_float()) {
            let (ra, rb) = (self.as_float(a)?, self.as_float(b)?);
            let name = if max {
                names::MAX_FLOAT
            } else {
                names::MIN_FLOAT
            };
            let helper = self
                .b
                .helper(name, &[Type::F64, Type::F64], Type::F64, Effect::Pure);
            let r = self.b.call(helper, &[ra, rb]);
            let value = math_helpers::min_max_float(max, x, y);
            return self.float_entry(r, value).map(Some);
        }
        Ok(None)
    }

    /// `len()` of an exact str or dict (lists and tuples: the generic `CALL` path).
    fn lower_len(&mut self, x: &Entry) -> Step<Option<Entry>> {
        let types = &self.vm.types;
        let exact =
            |t: &crate::object::Value| x.v.as_object().is_some_and(|o| o.type_bits() == t.bits());
        let (ty, n) = match x.v.payload() {
            Some(Payload::Str(s)) if exact(&types.str_) => (types.str_.bits(), s.char_len()),
            Some(Payload::Dict(d)) if exact(&types.dict) => {
                let n = d.try_borrow().map_err(|_| AbortReason::FrameShape)?.len();
                (types.dict.bits(), n)
            }
            _ => return Ok(None),
        };
        if self.b.trace().type_of(x.r) != Type::Value {
            return Ok(None);
        }
        let helper = self.b.helper(
            glue_names::OBJ_LEN,
            &[Type::Value, Type::Value],
            Type::I64,
            Effect::MayRaise,
        );
        let type_const = self.b.const_value(ty);
        let r = self.b.call(helper, &[x.r, type_const]);
        let zero = self.b.const_int(0);
        let ok = self.b.emit(Op::GeInt, &[r, zero]);
        self.b.guard_true(ok);
        self.int_entry(r, Some(n as i64)).map(Some)
    }

    fn lower_int(&mut self, x: &Entry) -> Step<Option<Entry>> {
        if x.v.is_small_int() {
            let r = self.as_int(x)?;
            return Ok(Some(Entry { r, v: x.v.clone() }));
        }
        let Some(f) = x.v.as_immediate_float() else {
            return Ok(None);
        };
        let a = self.as_float(x)?;
        let helper = self
            .b
            .helper(names::FLOAT_TO_INT, &[Type::F64], Type::I64, Effect::Pure);
        let r = self.b.call(helper, &[a]);
        let bad = self.b.const_int(i64::MIN);
        let ok = self.b.emit(Op::NeInt, &[r, bad]);
        self.b.guard_true(ok);
        let t = f.trunc();
        let value = (t.is_finite() && t.abs() < 9.2e18).then_some(t as i64);
        self.int_entry(r, value).map(Some)
    }

    fn lower_float(&mut self, x: &Entry) -> Step<Option<Entry>> {
        let value = match (x.v.as_immediate_float(), x.v.as_small_int()) {
            (Some(f), _) => f,
            (None, Some(i)) => i as f64,
            _ => return Ok(None),
        };
        let r = self.as_float(x)?;
        self.float_entry(r, value).map(Some)
    }

    fn lower_math(&mut self, name: &str, x: &Entry) -> Step<Option<Entry>> {
        let Some(arg) =
            x.v.as_immediate_float()
                .or_else(|| x.v.as_small_int().map(|i| i as f64))
        else {
            return Ok(None);
        };
        let a = self.as_float(x)?;
        match name {
            "sqrt" => {
                if arg < 0.0 {
                    // The interpreter raises ValueError.
                    return Err(AbortReason::UnsupportedTypes("math.sqrt of a negative"));
                }
                let r = self.b.emit(Op::SqrtFloat, &[a]);
                return self.float_entry(r, arg.sqrt()).map(Some);
            }
            "fabs" => {
                let r = self.b.emit(Op::AbsFloat, &[a]);
                return self.float_entry(r, arg.abs()).map(Some);
            }
            _ => {}
        }
        let Some(index) = MATH_FNS.iter().position(|m| m.name == name) else {
            return Ok(None);
        };
        let value = math_helpers::math_value(index, arg)
            .ok_or(AbortReason::UnsupportedTypes("math function error"))?;
        let helper = self.b.helper(
            MATH_FNS[index].helper,
            &[Type::F64],
            Type::F64,
            Effect::Pure,
        );
        let r = self.b.call(helper, &[a]);
        let ok = self.b.emit(Op::EqFloat, &[r, r]);
        self.b.guard_true(ok);
        self.float_entry(r, value).map(Some)
    }
}
