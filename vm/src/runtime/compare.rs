//! Rich comparisons and truthiness: builtin fast paths (numbers, strings, sequences) and the
//! generic `__lt__`/`__eq__`... protocol with reflection, with CPython's messages.

use std::cmp::Ordering;

use crate::bytecode::CompareOp;
use crate::object::{Payload, Value};
use crate::runtime::errors::{PyErr, PyResult};
use crate::runtime::numbers::{self, as_float, as_int};
use crate::vm::Vm;

fn dunder(op: CompareOp) -> &'static str {
    match op {
        CompareOp::Lt => "__lt__",
        CompareOp::Le => "__le__",
        CompareOp::Eq => "__eq__",
        CompareOp::Ne => "__ne__",
        CompareOp::Gt => "__gt__",
        CompareOp::Ge => "__ge__",
    }
}

fn ordering_matches(ord: Ordering, op: CompareOp) -> bool {
    match op {
        CompareOp::Lt => ord == Ordering::Less,
        CompareOp::Le => ord != Ordering::Greater,
        CompareOp::Eq => ord == Ordering::Equal,
        CompareOp::Ne => ord != Ordering::Equal,
        CompareOp::Gt => ord == Ordering::Greater,
        CompareOp::Ge => ord != Ordering::Less,
    }
}

impl Vm {
    /// `a op b` (returns whatever the dunder returned).
    pub fn compare(&mut self, a: &Value, b: &Value, op: CompareOp) -> PyResult<Value> {
        let native = |v: &Value| matches!(v.payload(), Some(Payload::Native(_)));
        if self.is_exact_builtin(a) && self.is_exact_builtin(b) && !native(a) && !native(b) {
            // Bound methods are equal when they bind the same function to the same object.
            if let (Some(Payload::BoundMethod(x)), Some(Payload::BoundMethod(y))) =
                (a.payload(), b.payload())
                && matches!(op, CompareOp::Eq | CompareOp::Ne)
            {
                let same = x.receiver.is(&y.receiver) && self.eq(&x.function, &y.function)?;
                return Ok(Value::from_bool(same == (op == CompareOp::Eq)));
            }
            if let Some(r) = self.builtin_compare(a, b, op)? {
                return Ok(Value::from_bool(r));
            }
            if op == CompareOp::Eq {
                return Ok(Value::from_bool(a.is(b)));
            }
            if op == CompareOp::Ne {
                return Ok(Value::from_bool(!a.is(b)));
            }
            return Err(self.compare_type_error(a, b, op));
        }
        let ta = self.type_of(a);
        let tb = self.type_of(b);
        let reflected_first = !ta.is(&tb) && self.is_subtype(&tb, &ta);
        let name = dunder(op);
        let rname = dunder(op.swapped());
        if reflected_first && let Some(m) = self.lookup_type_attr(&tb, rname) {
            let r = self.call(&m, &[b.clone(), a.clone()])?;
            if !r.is(&Value::NOT_IMPLEMENTED) {
                return Ok(r);
            }
        }
        if let Some(m) = self.lookup_type_attr(&ta, name) {
            let r = self.call(&m, &[a.clone(), b.clone()])?;
            if !r.is(&Value::NOT_IMPLEMENTED) {
                return Ok(r);
            }
        }
        if !reflected_first && let Some(m) = self.lookup_type_attr(&tb, rname) {
            let r = self.call(&m, &[b.clone(), a.clone()])?;
            if !r.is(&Value::NOT_IMPLEMENTED) {
                return Ok(r);
            }
        }
        match op {
            CompareOp::Eq => Ok(Value::from_bool(a.is(b))),
            CompareOp::Ne => Ok(Value::from_bool(!a.is(b))),
            _ => Err(self.compare_type_error(a, b, op)),
        }
    }

    /// `a op b` as a bool.
    pub fn compare_bool(&mut self, a: &Value, b: &Value, op: CompareOp) -> PyResult<bool> {
        let r = self.compare(a, b, op)?;
        self.truthy(&r)
    }

    /// `a == b` as a bool, with the identity shortcut containers use.
    pub fn eq(&mut self, a: &Value, b: &Value) -> PyResult<bool> {
        if a.is(b) {
            return Ok(true);
        }
        self.compare_bool(a, b, CompareOp::Eq)
    }

    fn compare_type_error(&self, a: &Value, b: &Value, op: CompareOp) -> PyErr {
        PyErr::type_error(format!(
            "'{}' not supported between instances of '{}' and '{}'",
            op.symbol(),
            self.type_name(a),
            self.type_name(b)
        ))
    }

    /// Builtin comparison; `None` if these types don't compare natively.
    pub fn builtin_compare(
        &mut self,
        a: &Value,
        b: &Value,
        op: CompareOp,
    ) -> PyResult<Option<bool>> {
        if let (Some(x), Some(y)) = (a.as_small_int(), b.as_small_int()) {
            return Ok(Some(ordering_matches(x.cmp(&y), op)));
        }
        if let (Some(x), Some(y)) = (as_int(a), as_int(b)) {
            return Ok(Some(ordering_matches(numbers::compare_ints(&x, &y), op)));
        }
        if let Some(x) = as_float(a) {
            let ord = if let Some(y) = as_float(b) {
                x.partial_cmp(&y)
            } else if let Some(y) = as_int(b) {
                numbers::compare_int_float(&y, x).map(Ordering::reverse)
            } else {
                return self.complex_eq(a, b, op);
            };
            return Ok(Some(match ord {
                Some(o) => ordering_matches(o, op),
                None => op == CompareOp::Ne,
            }));
        }
        if let (Some(x), Some(y)) = (as_int(a), as_float(b)) {
            return Ok(Some(match numbers::compare_int_float(&x, y) {
                Some(o) => ordering_matches(o, op),
                None => op == CompareOp::Ne,
            }));
        }
        match (a.payload(), b.payload()) {
            (Some(Payload::Str(x)), Some(Payload::Str(y))) => {
                Ok(Some(ordering_matches(x.cmp_text(y), op)))
            }
            (
                Some(Payload::Bytes(_) | Payload::ByteArray(_)),
                Some(Payload::Bytes(_) | Payload::ByteArray(_)),
            ) => {
                let x = self.bytes_like(a).unwrap_or_default();
                let y = self.bytes_like(b).unwrap_or_default();
                Ok(Some(ordering_matches(x.cmp(&y), op)))
            }
            (Some(Payload::List(x)), Some(Payload::List(y))) => {
                let (x, y) = (x.borrow().clone(), y.borrow().clone());
                self.compare_sequences(&x, &y, op).map(Some)
            }
            (Some(Payload::Tuple(x)), Some(Payload::Tuple(y))) => {
                let (x, y) = (x.to_vec(), y.to_vec());
                self.compare_sequences(&x, &y, op).map(Some)
            }
            (Some(Payload::Set(_)), Some(Payload::Set(_))) => self.set_compare(a, b, op),
            (Some(Payload::Dict(_)), Some(Payload::Dict(_)))
                if matches!(op, CompareOp::Eq | CompareOp::Ne) =>
            {
                let eq = self.dict_eq(a, b)?;
                Ok(Some(eq == (op == CompareOp::Eq)))
            }
            (Some(Payload::GenericAlias(x)), Some(Payload::GenericAlias(y)))
                if matches!(op, CompareOp::Eq | CompareOp::Ne) =>
            {
                let (xo, yo, xa, ya) = (
                    x.origin.clone(),
                    y.origin.clone(),
                    x.args.clone(),
                    y.args.clone(),
                );
                let eq = self.eq(&xo, &yo)? && self.eq(&xa, &ya)?;
                Ok(Some(eq == (op == CompareOp::Eq)))
            }
            (Some(Payload::Range(_)), Some(Payload::Range(_)))
                if matches!(op, CompareOp::Eq | CompareOp::Ne) =>
            {
                let eq = self.range_eq(a, b)?;
                Ok(Some(eq == (op == CompareOp::Eq)))
            }
            // Slices compare like (start, stop, step) tuples (CPython 3.12+).
            (Some(Payload::Slice(x)), Some(Payload::Slice(y))) => {
                let xs = [x.start.clone(), x.stop.clone(), x.step.clone()];
                let ys = [y.start.clone(), y.stop.clone(), y.step.clone()];
                self.compare_sequences(&xs, &ys, op).map(Some)
            }
            (Some(Payload::MemoryView(_)), _) | (_, Some(Payload::MemoryView(_)))
                if matches!(op, CompareOp::Eq | CompareOp::Ne) =>
            {
                let eq = crate::builtins::memoryview::buffers_equal(self, a, b)?;
                Ok(Some(eq.unwrap_or_else(|| a.is(b)) == (op == CompareOp::Eq)))
            }
            (Some(Payload::DictView(_)), _) | (_, Some(Payload::DictView(_))) => {
                self.dict_view_compare(a, b, op)
            }
            (Some(Payload::Complex(..)), _) | (_, Some(Payload::Complex(..))) => {
                self.complex_eq(a, b, op)
            }
            _ => Ok(None),
        }
    }

    fn complex_eq(&mut self, a: &Value, b: &Value, op: CompareOp) -> PyResult<Option<bool>> {
        let to_c = |v: &Value| -> Option<(f64, f64)> {
            match v.payload() {
                Some(Payload::Complex(r, i)) => Some((*r, *i)),
                _ => as_float(v)
                    .or_else(|| as_int(v).and_then(|i| numbers::int_to_f64(&i).ok()))
                    .map(|f| (f, 0.0)),
            }
        };
        if !matches!(op, CompareOp::Eq | CompareOp::Ne) {
            return Ok(None);
        }
        match (to_c(a), to_c(b)) {
            (Some(x), Some(y)) => Ok(Some((x == y) == (op == CompareOp::Eq))),
            _ => Ok(None),
        }
    }

    /// Lexicographic comparison of two item lists.
    pub fn compare_sequences(&mut self, x: &[Value], y: &[Value], op: CompareOp) -> PyResult<bool> {
        if matches!(op, CompareOp::Eq | CompareOp::Ne) && x.len() != y.len() {
            return Ok(op == CompareOp::Ne);
        }
        self.enter_native().map_err(|_| {
            PyErr::new(
                crate::runtime::errors::ExcKind::RecursionError,
                "maximum recursion depth exceeded in comparison",
            )
        })?;
        let result = (|| {
            for (p, q) in x.iter().zip(y.iter()) {
                if !self.eq(p, q)? {
                    return match op {
                        CompareOp::Eq => Ok(false),
                        CompareOp::Ne => Ok(true),
                        _ => self.compare_bool(p, q, op),
                    };
                }
            }
            Ok(ordering_matches(x.len().cmp(&y.len()), op))
        })();
        self.leave_native();
        result
    }

    /// `bool(v)`.
    #[inline]
    pub fn truthy(&mut self, v: &Value) -> PyResult<bool> {
        if let Some(b) = v.as_bool() {
            return Ok(b);
        }
        if let Some(i) = v.as_small_int() {
            return Ok(i != 0);
        }
        if v.is_none() {
            return Ok(false);
        }
        if let Some(f) = v.as_immediate_float() {
            return Ok(f != 0.0);
        }
        let Some(obj) = v.as_object() else {
            return Ok(true);
        };
        if obj.type_object().payload_is_builtin_type() {
            return Ok(match &obj.payload {
                Payload::Str(s) => !s.as_str().is_empty(),
                Payload::List(l) => !l.borrow().is_empty(),
                Payload::Tuple(t) => !t.is_empty(),
                Payload::Dict(d) => !d.borrow().is_empty(),
                Payload::Set(s) => !s.borrow().is_empty(),
                Payload::Int(_) => true,
                Payload::Float(f) => *f != 0.0,
                Payload::Complex(r, i) => *r != 0.0 || *i != 0.0,
                Payload::Bytes(b) => !b.is_empty(),
                Payload::ByteArray(b) => !b.borrow().is_empty(),
                Payload::Range(_) => self.len(v)? != 0,
                Payload::DictView(_) | Payload::Deque(_) => self.len(v)? != 0,
                _ => true,
            });
        }
        if let Some(m) = self.lookup_special(v, "__bool__") {
            let r = self.call(&m, &[v.clone()])?;
            return match r.as_bool() {
                Some(b) => Ok(b),
                None => Err(PyErr::type_error(format!(
                    "__bool__ should return bool, returned {}",
                    self.type_name(&r)
                ))),
            };
        }
        if let Some(m) = self.lookup_special(v, "__len__") {
            let r = self.call(&m, &[v.clone()])?;
            let n = self.len_result(&r)?;
            return Ok(n != 0);
        }
        Ok(true)
    }
}
