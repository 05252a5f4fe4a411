//! Binary operators: the builtin implementations (`builtin_binary`) and the generic
//! dispatch with reflected and in-place dunder methods and the `NotImplemented` protocol
//! (`binary_op`), with CPython's error messages.

use crate::bytecode::BinaryOp;
use crate::object::{Payload, Value};
use crate::runtime::errors::{PyErr, PyResult};
use crate::runtime::numbers::{self, as_float, as_int};
use crate::vm::Vm;

/// Dunder names of each non-inplace operator: (forward, reflected, in-place).
pub fn dunder_names(op: BinaryOp) -> (&'static str, &'static str, &'static str) {
    match op.base() {
        BinaryOp::Add => ("__add__", "__radd__", "__iadd__"),
        BinaryOp::And => ("__and__", "__rand__", "__iand__"),
        BinaryOp::FloorDivide => ("__floordiv__", "__rfloordiv__", "__ifloordiv__"),
        BinaryOp::LShift => ("__lshift__", "__rlshift__", "__ilshift__"),
        BinaryOp::MatrixMultiply => ("__matmul__", "__rmatmul__", "__imatmul__"),
        BinaryOp::Multiply => ("__mul__", "__rmul__", "__imul__"),
        BinaryOp::Remainder => ("__mod__", "__rmod__", "__imod__"),
        BinaryOp::Or => ("__or__", "__ror__", "__ior__"),
        BinaryOp::Power => ("__pow__", "__rpow__", "__ipow__"),
        BinaryOp::RShift => ("__rshift__", "__rrshift__", "__irshift__"),
        BinaryOp::Subtract => ("__sub__", "__rsub__", "__isub__"),
        BinaryOp::TrueDivide => ("__truediv__", "__rtruediv__", "__itruediv__"),
        _ => ("__xor__", "__rxor__", "__ixor__"),
    }
}

impl Vm {
    /// `a op b` as the interpreter executes `BINARY_OP`.
    pub fn binary_op(&mut self, a: &Value, b: &Value, op: BinaryOp) -> PyResult<Value> {
        // Fast path: both operands of exact builtin types.
        if self.is_exact_builtin(a) && self.is_exact_builtin(b) {
            if op.is_inplace()
                && let Some(r) = self.builtin_inplace(a, b, op.base())?
            {
                return Ok(r);
            }
            let r = self.builtin_binary(a, b, op.base())?;
            if !r.is(&Value::NOT_IMPLEMENTED) {
                return Ok(r);
            }
            // Builtin types with a Python-visible operator the fast path does not know
            // (`int | None` through `type.__or__`) go through the dunder dispatch.
            let unionable = |v: &Value| {
                v.as_type_data().is_some() || matches!(v.payload(), Some(Payload::GenericAlias(_)))
            };
            if !(op.base() == BinaryOp::Or && (unionable(a) || unionable(b))) {
                return Err(self.binary_type_error(a, b, op));
            }
        }
        let (fwd, rev, inplace) = dunder_names(op);
        if op.is_inplace()
            && let Some(method) = self.lookup_special(a, inplace)
        {
            let r = self.call(&method, &[a.clone(), b.clone()])?;
            if !r.is(&Value::NOT_IMPLEMENTED) {
                return Ok(r);
            }
        }
        let r = self.binary_dispatch(a, b, fwd, rev)?;
        if !r.is(&Value::NOT_IMPLEMENTED) {
            return Ok(r);
        }
        Err(self.binary_type_error(a, b, op))
    }

    /// Tries `a.__op__(b)` then `b.__rop__(a)` (the reflected one first when b's type is a
    /// proper subclass of a's that overrides it). Returns NotImplemented if neither applies.
    pub fn binary_dispatch(
        &mut self,
        a: &Value,
        b: &Value,
        fwd: &str,
        rev: &str,
    ) -> PyResult<Value> {
        let ta = self.type_of(a);
        let tb = self.type_of(b);
        let fa = self.lookup_type_attr(&ta, fwd);
        let rb = if ta.is(&tb) {
            None
        } else {
            self.lookup_type_attr(&tb, rev)
        };
        if let Some(rb_method) = &rb
            && self.is_subtype(&tb, &ta)
            && !self.is_subtype(&ta, &tb)
        {
            let overrides = match self.lookup_type_attr(&ta, rev) {
                Some(ra) => !ra.is(rb_method),
                None => true,
            };
            if overrides {
                let r = self.call(rb_method, &[b.clone(), a.clone()])?;
                if !r.is(&Value::NOT_IMPLEMENTED) {
                    return Ok(r);
                }
                if let Some(fa) = &fa {
                    return self.call(fa, &[a.clone(), b.clone()]);
                }
                return Ok(Value::NOT_IMPLEMENTED);
            }
        }
        if let Some(fa) = &fa {
            let r = self.call(fa, &[a.clone(), b.clone()])?;
            if !r.is(&Value::NOT_IMPLEMENTED) {
                return Ok(r);
            }
        }
        if let Some(rb) = &rb {
            return self.call(rb, &[b.clone(), a.clone()]);
        }
        Ok(Value::NOT_IMPLEMENTED)
    }

    /// Whether `v`'s type is a builtin type (not a class statement's).
    #[inline]
    pub fn is_exact_builtin(&self, v: &Value) -> bool {
        match v.as_object() {
            None => true,
            // Deques and native types (weak proxies, `array.array`) are builtin but implement their
            // operators as dunder methods.
            Some(obj) => {
                obj.type_object().payload_is_builtin_type()
                    && !matches!(obj.payload, Payload::Deque(_) | Payload::Native(_))
            }
        }
    }

    /// In-place forms with their own semantics on builtin types (`list += iterable`,
    /// `set |= other` ...); `None` means "same as the binary form".
    fn builtin_inplace(&mut self, a: &Value, b: &Value, op: BinaryOp) -> PyResult<Option<Value>> {
        match (a.payload(), op) {
            // `bytearray += bytes-like` extends in place (other operands: the binary form's
            // error).
            (Some(Payload::ByteArray(data)), BinaryOp::Add) => match self.bytes_like(b) {
                Some(extra) => {
                    data.borrow_mut().extend_from_slice(&extra);
                    Ok(Some(a.clone()))
                }
                None => Ok(None),
            },
            (Some(Payload::List(_)), BinaryOp::Add) => {
                let items = self.collect_iterable(b)?;
                if let Some(list) = a.as_list() {
                    list.borrow_mut().extend(items);
                }
                Ok(Some(a.clone()))
            }
            (Some(Payload::List(_)), BinaryOp::Multiply) => {
                let Some(n) = as_int(b).map(|i| i.to_i64().unwrap_or(i64::MAX)) else {
                    return Ok(None);
                };
                if let Some(list) = a.as_list() {
                    let mut l = list.borrow_mut();
                    if n <= 0 {
                        l.clear();
                    } else {
                        let orig = l.clone();
                        for _ in 1..n {
                            l.extend(orig.iter().cloned());
                        }
                    }
                }
                Ok(Some(a.clone()))
            }
            (
                Some(Payload::Set(_)),
                BinaryOp::Or | BinaryOp::And | BinaryOp::Subtract | BinaryOp::Xor,
            ) if !self.is_instance(a, &self.types.frozenset)
                && matches!(b.payload(), Some(Payload::Set(_))) =>
            {
                self.set_inplace(a, b, op)?;
                Ok(Some(a.clone()))
            }
            // `d |= x` accepts any mapping or iterable of pairs (dict.update semantics).
            (Some(Payload::Dict(_)), BinaryOp::Or) => {
                self.dict_update_from(a, b)?;
                Ok(Some(a.clone()))
            }
            _ => Ok(None),
        }
    }

    /// The builtin implementation of `a op b`, or NotImplemented.
    pub fn builtin_binary(&mut self, a: &Value, b: &Value, op: BinaryOp) -> PyResult<Value> {
        // `bool & bool` (and `|`, `^`) stay bools, as `bool.__and__` defines.
        if let (Some(x), Some(y)) = (a.as_bool(), b.as_bool()) {
            match op {
                BinaryOp::And => return Ok(Value::from_bool(x & y)),
                BinaryOp::Or => return Ok(Value::from_bool(x | y)),
                BinaryOp::Xor => return Ok(Value::from_bool(x ^ y)),
                _ => {}
            }
        }
        if let (Some(x), Some(y)) = (as_int(a), as_int(b)) {
            return Ok(numbers::int_binary(self, op, &x, &y)?.unwrap_or(Value::NOT_IMPLEMENTED));
        }
        let fa = as_float(a)
            .map(Ok)
            .or_else(|| as_int(a).map(|i| numbers::int_to_f64(&i)));
        let fb = as_float(b)
            .map(Ok)
            .or_else(|| as_int(b).map(|i| numbers::int_to_f64(&i)));
        if let (Some(x), Some(y)) = (&fa, &fb)
            && (as_float(a).is_some() || as_float(b).is_some())
        {
            let (x, y) = (
                x.as_ref().map_err(clone_err)?,
                y.as_ref().map_err(clone_err)?,
            );
            let (x, y) = (*x, *y);
            return Ok(numbers::float_binary(self, op, x, y)?.unwrap_or(Value::NOT_IMPLEMENTED));
        }
        if matches!(a.payload(), Some(Payload::Complex(..)))
            || matches!(b.payload(), Some(Payload::Complex(..)))
        {
            // `'%d' % 1j` formats (and fails there), it is not complex arithmetic.
            let percent = matches!(op, BinaryOp::Remainder | BinaryOp::InplaceRemainder)
                && matches!(a.payload(), Some(Payload::Str(_) | Payload::Bytes(_)));
            if !percent {
                return crate::builtins::complex::complex_binary(self, a, b, op);
            }
        }
        match op {
            BinaryOp::Add => self.sequence_concat(a, b),
            BinaryOp::Multiply => {
                if let Some(n) = as_int(b) {
                    return self.sequence_repeat(a, &n);
                }
                if let Some(n) = as_int(a) {
                    return self.sequence_repeat(b, &n);
                }
                Ok(Value::NOT_IMPLEMENTED)
            }
            BinaryOp::Remainder => {
                if a.as_pystr().is_some() {
                    let pair = [a.clone(), b.clone()];
                    if crate::builtins::str_surrogates::involved(&pair) {
                        return crate::builtins::str_surrogates::call_mapped(
                            self,
                            &pair,
                            |vm, m| crate::builtins::percent_format::str_percent(vm, &m[0], &m[1]),
                        );
                    }
                    return crate::builtins::percent_format::str_percent(self, a, b);
                }
                if a.as_bytes().is_some() {
                    return crate::builtins::percent_format::bytes_percent(self, a, b);
                }
                Ok(Value::NOT_IMPLEMENTED)
            }
            BinaryOp::Or | BinaryOp::And | BinaryOp::Subtract | BinaryOp::Xor
                if matches!(a.payload(), Some(Payload::Set(_)))
                    && matches!(b.payload(), Some(Payload::Set(_))) =>
            {
                self.set_binary(a, b, op)
            }
            // Keys and items views are set-like (`d.keys() & s`, `s | d.items()`).
            BinaryOp::Or | BinaryOp::And | BinaryOp::Subtract | BinaryOp::Xor
                if matches!(a.payload(), Some(Payload::DictView(_)))
                    || matches!(b.payload(), Some(Payload::DictView(_))) =>
            {
                crate::builtins::dict::views::view_binary(self, a, b, op)
            }
            BinaryOp::Or
                if matches!(a.payload(), Some(Payload::Dict(_)))
                    && matches!(b.payload(), Some(Payload::Dict(_))) =>
            {
                let copy = self.dict_copy(a)?;
                self.dict_update_from(&copy, b)?;
                Ok(copy)
            }
            _ => Ok(Value::NOT_IMPLEMENTED),
        }
    }

    fn sequence_concat(&mut self, a: &Value, b: &Value) -> PyResult<Value> {
        match (a.payload(), b.payload()) {
            (Some(Payload::Str(x)), Some(Payload::Str(y)))
                if x.has_surrogates() || y.has_surrogates() =>
            {
                let mut bytes = x.wtf8().to_vec();
                bytes.extend_from_slice(y.wtf8());
                Ok(self.new_str_wtf8(bytes))
            }
            (Some(Payload::Str(x)), Some(Payload::Str(y))) => {
                let mut s = String::with_capacity(x.as_str().len() + y.as_str().len());
                s.push_str(x.as_str());
                s.push_str(y.as_str());
                Ok(self.new_string(s))
            }
            (Some(Payload::List(x)), Some(Payload::List(y))) => {
                let mut v = x.borrow().clone();
                v.extend(y.borrow().iter().cloned());
                Ok(self.new_list(v))
            }
            (Some(Payload::Tuple(x)), Some(Payload::Tuple(y))) => {
                let mut v = x.to_vec();
                v.extend(y.iter().cloned());
                Ok(self.new_tuple(v))
            }
            (Some(Payload::Bytes(x)), Some(Payload::Bytes(y))) => {
                let mut v = x.to_vec();
                v.extend_from_slice(y);
                Ok(self.new_bytes(v))
            }
            (Some(Payload::ByteArray(x)), Some(Payload::Bytes(_) | Payload::ByteArray(_))) => {
                let mut v = x.borrow().clone();
                v.extend(self.bytes_like(b).unwrap_or_default());
                Ok(self.new_bytearray(v))
            }
            (Some(Payload::Bytes(x)), Some(Payload::ByteArray(y))) => {
                let mut v = x.to_vec();
                v.extend(y.borrow().iter());
                Ok(self.new_bytes(v))
            }
            _ => Ok(Value::NOT_IMPLEMENTED),
        }
    }

    fn sequence_repeat(&mut self, seq: &Value, n: &numbers::IntRef<'_>) -> PyResult<Value> {
        let count = match n.to_i64() {
            Some(c) => c.max(0) as usize,
            None if n.is_negative() => 0,
            None => {
                return Err(PyErr::overflow_error(
                    "cannot fit 'int' into an index-sized integer".to_string(),
                ));
            }
        };
        let too_big = |len: usize| len.checked_mul(count).is_none_or(|t| t > (1 << 40));
        match seq.payload() {
            Some(Payload::Str(s)) => {
                if too_big(s.as_str().len()) {
                    return Err(PyErr::new(crate::runtime::errors::ExcKind::MemoryError, ""));
                }
                if s.has_surrogates() {
                    return Ok(self.new_str_wtf8(s.wtf8().repeat(count)));
                }
                Ok(self.new_string(s.as_str().repeat(count)))
            }
            Some(Payload::List(l)) => {
                let items = l.borrow().clone();
                if too_big(items.len()) {
                    return Err(PyErr::new(crate::runtime::errors::ExcKind::MemoryError, ""));
                }
                // `[x] * n` (the common case) fills in one pass instead of n one-item extends.
                let out = match &items[..] {
                    [item] => vec![item.clone(); count],
                    _ => {
                        let mut out = Vec::with_capacity(items.len() * count);
                        for _ in 0..count {
                            out.extend_from_slice(&items);
                        }
                        out
                    }
                };
                Ok(self.new_list(out))
            }
            Some(Payload::Tuple(t)) => {
                if too_big(t.len()) {
                    return Err(PyErr::new(crate::runtime::errors::ExcKind::MemoryError, ""));
                }
                let mut out = Vec::with_capacity(t.len() * count);
                for _ in 0..count {
                    out.extend(t.iter().cloned());
                }
                Ok(self.new_tuple(out))
            }
            Some(Payload::Bytes(b)) => {
                if too_big(b.len()) {
                    return Err(PyErr::new(crate::runtime::errors::ExcKind::MemoryError, ""));
                }
                Ok(self.new_bytes(b.repeat(count)))
            }
            Some(Payload::ByteArray(b)) => {
                let v = b.borrow().repeat(count);
                Ok(self.new_bytearray(v))
            }
            _ => Ok(Value::NOT_IMPLEMENTED),
        }
    }

    /// The TypeError for an operator no operand supports.
    pub fn binary_type_error(&self, a: &Value, b: &Value, op: BinaryOp) -> PyErr {
        let (ta, tb) = (self.type_name(a), self.type_name(b));
        match op.base() {
            BinaryOp::Add if matches!(a.payload(), Some(Payload::Str(_))) => {
                return PyErr::type_error(format!(
                    "can only concatenate str (not \"{tb}\") to str"
                ));
            }
            BinaryOp::Add if matches!(a.payload(), Some(Payload::List(_))) => {
                return PyErr::type_error(format!(
                    "can only concatenate list (not \"{tb}\") to list"
                ));
            }
            BinaryOp::Add if matches!(a.payload(), Some(Payload::Tuple(_))) => {
                return PyErr::type_error(format!(
                    "can only concatenate tuple (not \"{tb}\") to tuple"
                ));
            }
            BinaryOp::Add
                if matches!(a.payload(), Some(Payload::Bytes(_) | Payload::ByteArray(_))) =>
            {
                return PyErr::type_error(format!("can't concat {tb} to {ta}"));
            }
            BinaryOp::Multiply if is_sequence(a) => {
                return PyErr::type_error(format!(
                    "can't multiply sequence by non-int of type '{tb}'"
                ));
            }
            BinaryOp::Multiply if is_sequence(b) => {
                return PyErr::type_error(format!(
                    "can't multiply sequence by non-int of type '{ta}'"
                ));
            }
            _ => {}
        }
        let symbol = match op {
            BinaryOp::Power => "** or pow()",
            BinaryOp::InplacePower => "**=",
            other => other.symbol(),
        };
        PyErr::type_error(format!(
            "unsupported operand type(s) for {symbol}: '{ta}' and '{tb}'"
        ))
    }
}

fn is_sequence(v: &Value) -> bool {
    matches!(
        v.payload(),
        Some(
            Payload::Str(_)
                | Payload::List(_)
                | Payload::Tuple(_)
                | Payload::Bytes(_)
                | Payload::ByteArray(_)
        )
    )
}

fn clone_err(e: &PyErr) -> PyErr {
    match e.repr() {
        crate::runtime::errors::ErrRepr::Lazy(k, m) => PyErr::new(*k, m.clone()),
        crate::runtime::errors::ErrRepr::LazyArgs(k, a) => PyErr::with_args(*k, a.clone()),
        crate::runtime::errors::ErrRepr::Object(v) => PyErr::from_object(v.clone()),
    }
}
