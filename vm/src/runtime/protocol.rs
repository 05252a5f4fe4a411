//! The object protocols the interpreter uses everywhere: `repr`/`str`, `len`, item access,
//! membership, iteration. Each has a builtin fast path and a dunder fallback, and guards
//! Rust-level recursion so deeply nested data gives RecursionError, never a stack overflow.

use crate::object::{Payload, Value};
use crate::runtime::errors::{ExcKind, PyErr, PyResult};
use crate::runtime::numbers::{as_float, as_int};
use crate::types::iter::IterState;
use crate::types::payload::DictViewKind;
use crate::vm::{NATIVE_RECURSION_LIMIT, Vm};

impl Vm {
    /// Enters one level of Rust recursion; errors past the limit.
    pub fn enter_native(&mut self) -> PyResult<()> {
        if self.native_depth >= NATIVE_RECURSION_LIMIT {
            return Err(PyErr::new(
                ExcKind::RecursionError,
                "maximum recursion depth exceeded",
            ));
        }
        self.native_depth += 1;
        Ok(())
    }

    pub fn leave_native(&mut self) {
        self.native_depth = self.native_depth.saturating_sub(1);
    }

    /// `repr(v)` as a Rust string.
    pub fn repr(&mut self, v: &Value) -> PyResult<String> {
        if let Some(i) = v.as_small_int() {
            return Ok(i.to_string());
        }
        if let Some(f) = v.as_immediate_float() {
            return Ok(crate::text::float_repr::float_repr(f));
        }
        if let Some(b) = v.as_bool() {
            return Ok(if b { "True" } else { "False" }.to_string());
        }
        if v.is_none() {
            return Ok("None".to_string());
        }
        if v.is(&Value::NOT_IMPLEMENTED) {
            return Ok("NotImplemented".to_string());
        }
        if v.is(&Value::ELLIPSIS) {
            return Ok("Ellipsis".to_string());
        }
        if self.is_exact_builtin(v) && !matches!(v.payload(), Some(Payload::Native(_))) {
            self.enter_native().map_err(|_| {
                PyErr::new(
                    ExcKind::RecursionError,
                    "maximum recursion depth exceeded while getting the repr of an object",
                )
            })?;
            let r = crate::builtins::repr::builtin_repr(self, v);
            self.leave_native();
            return r;
        }
        match self.lookup_special(v, "__repr__") {
            Some(m) => {
                self.enter_native()?;
                let r = self.call(&m, &[v.clone()]);
                self.leave_native();
                let r = r?;
                match r.as_str() {
                    Some(s) => Ok(s.to_string()),
                    None => Err(PyErr::type_error(format!(
                        "__repr__ returned non-string (type {})",
                        self.type_name(&r)
                    ))),
                }
            }
            None => crate::builtins::repr::builtin_repr(self, v),
        }
    }

    /// `str(v)` as a Rust string.
    pub fn str(&mut self, v: &Value) -> PyResult<String> {
        if let Some(s) = v.as_str()
            && self.is_exact_builtin(v)
        {
            return Ok(s.to_string());
        }
        let s = self.str_value(v)?;
        Ok(s.as_str().unwrap_or_default().to_string())
    }

    /// `str(v)` as a value (exact str returned as is).
    pub fn str_value(&mut self, v: &Value) -> PyResult<Value> {
        if v.as_pystr().is_some() && self.is_exact_builtin(v) {
            return Ok(v.clone());
        }
        if !self.is_exact_builtin(v)
            && let Some(m) = self.lookup_special(v, "__str__")
            && !is_builtin_named(&m, "__str__")
        {
            let r = self.call(&m, &[v.clone()])?;
            if r.as_pystr().is_none() {
                return Err(PyErr::type_error(format!(
                    "__str__ returned non-string (type {})",
                    self.type_name(&r)
                )));
            }
            return Ok(r);
        }
        if v.as_exception().is_some() {
            let s = crate::builtins::exceptions::exception_str(self, v)?;
            return Ok(self.new_string(s));
        }
        if let Some(s) = v.as_str() {
            return Ok(self.new_str(s));
        }
        let s = self.repr(v)?;
        Ok(self.new_string(s))
    }

    /// `len(v)`.
    pub fn len(&mut self, v: &Value) -> PyResult<usize> {
        if let Some(obj) = v.as_object() {
            match &obj.payload {
                Payload::Str(s) => return Ok(s.char_len()),
                Payload::List(l) => return Ok(l.borrow().len()),
                Payload::Tuple(t) => return Ok(t.len()),
                Payload::Dict(d) => return Ok(d.borrow().len()),
                Payload::Set(s) => return Ok(s.borrow().len()),
                Payload::Bytes(b) => return Ok(b.len()),
                Payload::ByteArray(b) => return Ok(b.borrow().len()),
                Payload::Range(_) => return crate::builtins::range::range_len(self, v),
                Payload::DictView(view) => {
                    return Ok(view.dict.as_dict().map(|d| d.borrow().len()).unwrap_or(0));
                }
                _ => {}
            }
        }
        match self.lookup_special(v, "__len__") {
            Some(m) => {
                let r = self.call(&m, &[v.clone()])?;
                self.len_result(&r)
            }
            None => Err(PyErr::type_error(format!(
                "object of type '{}' has no len()",
                self.type_name(v)
            ))),
        }
    }

    pub(crate) fn len_result(&mut self, r: &Value) -> PyResult<usize> {
        match as_int(r) {
            Some(i) if i.is_negative() => Err(PyErr::value_error("__len__() should return >= 0")),
            Some(i) => i.to_i64().map(|n| n as usize).ok_or_else(|| {
                PyErr::overflow_error("cannot fit 'int' into an index-sized integer")
            }),
            None => Err(PyErr::type_error(format!(
                "'{}' object cannot be interpreted as an integer",
                self.type_name(r)
            ))),
        }
    }

    /// `iter(v)`.
    pub fn iter(&mut self, v: &Value) -> PyResult<Value> {
        let state = if let Some(obj) = v.as_object() {
            let builtin = obj.type_object().payload_is_builtin_type();
            match &obj.payload {
                Payload::List(_) if builtin => Some((
                    IterState::Seq {
                        seq: v.clone(),
                        index: 0,
                    },
                    &self.types.list_iterator,
                )),
                Payload::Tuple(_) if builtin => Some((
                    IterState::Seq {
                        seq: v.clone(),
                        index: 0,
                    },
                    &self.types.tuple_iterator,
                )),
                Payload::Str(_) if builtin => Some((
                    IterState::Str {
                        text: v.clone(),
                        pos: 0,
                    },
                    &self.types.str_iterator,
                )),
                Payload::Bytes(_) | Payload::ByteArray(_) if builtin => Some((
                    IterState::Seq {
                        seq: v.clone(),
                        index: 0,
                    },
                    &self.types.bytes_iterator,
                )),
                Payload::Range(_) => Some((
                    crate::builtins::range::range_iter_state(self, v)?,
                    &self.types.range_iterator,
                )),
                Payload::Dict(d) if builtin => {
                    let len = d.borrow().len();
                    Some((
                        IterState::Dict {
                            dict: v.clone(),
                            pos: 0,
                            len,
                            remaining: len,
                            kind: DictViewKind::Keys,
                        },
                        &self.types.dict_keyiterator,
                    ))
                }
                Payload::Set(s) if builtin => {
                    let len = s.borrow().len();
                    Some((
                        IterState::Set {
                            set: v.clone(),
                            pos: 0,
                            len,
                        },
                        &self.types.set_iterator,
                    ))
                }
                Payload::DictView(view) => {
                    let len = view.dict.as_dict().map(|d| d.borrow().len()).unwrap_or(0);
                    let ty = match view.kind {
                        DictViewKind::Keys => &self.types.dict_keyiterator,
                        DictViewKind::Values => &self.types.dict_valueiterator,
                        DictViewKind::Items => &self.types.dict_itemiterator,
                    };
                    Some((
                        IterState::Dict {
                            dict: view.dict.clone(),
                            pos: 0,
                            len,
                            remaining: len,
                            kind: view.kind,
                        },
                        ty,
                    ))
                }
                Payload::Iterator(_) if builtin => return Ok(v.clone()),
                Payload::Generator(_) if builtin && obj.has_type(&self.types.generator) => {
                    return Ok(v.clone());
                }
                _ => None,
            }
        } else {
            None
        };
        if let Some((state, ty)) = state {
            let ty = ty.clone();
            return Ok(Value::alloc(
                &ty,
                Payload::Iterator(std::cell::RefCell::new(state)),
            ));
        }
        if let Some(m) = self.lookup_special(v, "__iter__") {
            if m.is_none() {
                return Err(self.not_iterable(v));
            }
            let it = self.call(&m, &[v.clone()])?;
            if self.lookup_special(&it, "__next__").is_none() {
                return Err(PyErr::type_error(format!(
                    "iter() returned non-iterator of type '{}'",
                    self.type_name(&it)
                )));
            }
            return Ok(it);
        }
        if self.lookup_special(v, "__getitem__").is_some() {
            let ty = self.types.seq_iterator.clone();
            return Ok(Value::alloc(
                &ty,
                Payload::Iterator(std::cell::RefCell::new(IterState::Seq {
                    seq: v.clone(),
                    index: 0,
                })),
            ));
        }
        Err(self.not_iterable(v))
    }

    pub(crate) fn not_iterable(&self, v: &Value) -> PyErr {
        PyErr::type_error(format!("'{}' object is not iterable", self.type_name(v)))
    }

    /// `next(it)`: `Ok(None)` when exhausted.
    pub fn next(&mut self, it: &Value) -> PyResult<Option<Value>> {
        match it.payload() {
            Some(Payload::Iterator(state)) => {
                crate::builtins::iterators::iterator_next(self, it, state)
            }
            Some(Payload::Generator(_)) if self.type_of(it).is(&self.types.generator) => {
                crate::builtins::generator::generator_next(self, it)
            }
            Some(Payload::Native(n)) if n.iternext.is_some() && self.is_exact_builtin(it) => {
                match n.iternext {
                    Some(step) => step(self, it),
                    None => Ok(None),
                }
            }
            _ => match self.lookup_special(it, "__next__") {
                Some(m) => match self.call(&m, &[it.clone()]) {
                    Ok(v) => Ok(Some(v)),
                    Err(e) => {
                        if self.err_matches(&e, ExcKind::StopIteration) {
                            Ok(None)
                        } else {
                            Err(e)
                        }
                    }
                },
                None => Err(PyErr::type_error(format!(
                    "'{}' object is not an iterator",
                    self.type_name(it)
                ))),
            },
        }
    }

    /// All items of an iterable, in order.
    pub fn collect_iterable(&mut self, v: &Value) -> PyResult<Vec<Value>> {
        if self.is_exact_builtin(v) {
            match v.payload() {
                Some(Payload::List(l)) => return Ok(l.borrow().clone()),
                Some(Payload::Tuple(t)) => return Ok(t.to_vec()),
                _ => {}
            }
        }
        let it = self.iter(v)?;
        let mut out = Vec::new();
        while let Some(item) = self.next(&it)? {
            out.push(item);
        }
        Ok(out)
    }

    /// `item in container`.
    pub fn contains(&mut self, container: &Value, item: &Value) -> PyResult<bool> {
        if self.is_exact_builtin(container) {
            match container.payload() {
                Some(Payload::Str(s)) => {
                    return match item.as_pystr() {
                        Some(sub) if s.has_surrogates() || sub.has_surrogates() => {
                            let (hay, needle) = (s.wtf8(), sub.wtf8());
                            Ok(needle.is_empty() || hay.windows(needle.len()).any(|w| w == needle))
                        }
                        Some(sub) => Ok(s.as_str().contains(sub.as_str())),
                        None => Err(PyErr::type_error(format!(
                            "'in <string>' requires string as left operand, not {}",
                            self.type_name(item)
                        ))),
                    };
                }
                Some(Payload::Dict(_)) => return Ok(self.dict_get(container, item)?.is_some()),
                Some(Payload::Set(_)) => return self.set_contains(container, item),
                // No copy of the list: re-read length and item each step, as CPython does
                // (`__eq__` may mutate the list), holding no borrow while comparing.
                Some(Payload::List(l)) => {
                    let mut i = 0;
                    loop {
                        let x = match l.try_borrow() {
                            Ok(items) => match items.get(i) {
                                Some(x) => x.clone(),
                                None => return Ok(false),
                            },
                            Err(_) => return Err(PyErr::runtime_error("list is being modified")),
                        };
                        if self.eq(&x, item)? {
                            return Ok(true);
                        }
                        i += 1;
                    }
                }
                Some(Payload::Tuple(t)) => {
                    for x in t.iter() {
                        if self.eq(x, item)? {
                            return Ok(true);
                        }
                    }
                    return Ok(false);
                }
                Some(Payload::Range(_)) => {
                    return crate::builtins::range::range_contains(self, container, item);
                }
                Some(Payload::Bytes(_) | Payload::ByteArray(_)) => {
                    return crate::builtins::bytes::bytes_contains(self, container, item);
                }
                Some(Payload::DictView(view)) => {
                    let (dict, kind) = (view.dict.clone(), view.kind);
                    return crate::builtins::dict::view_contains(self, &dict, kind, item);
                }
                _ => {}
            }
        }
        if let Some(m) = self.lookup_special(container, "__contains__") {
            let r = self.call(&m, &[container.clone(), item.clone()])?;
            return self.truthy(&r);
        }
        if self.lookup_special(container, "__iter__").is_none()
            && self.lookup_special(container, "__getitem__").is_none()
        {
            return Err(PyErr::type_error(format!(
                "argument of type '{}' is not iterable",
                self.type_name(container)
            )));
        }
        let it = self.iter(container)?;
        while let Some(x) = self.next(&it)? {
            if self.eq(&x, item)? {
                return Ok(true);
            }
        }
        Ok(false)
    }

    /// Whether the error is an instance of the builtin exception `kind`.
    pub fn err_matches(&self, err: &PyErr, kind: ExcKind) -> bool {
        let target = self.types.exception(kind);
        match err.repr() {
            crate::runtime::errors::ErrRepr::Lazy(k, _)
            | crate::runtime::errors::ErrRepr::LazyArgs(k, _) => {
                self.is_subtype(self.types.exception(*k), target)
            }
            crate::runtime::errors::ErrRepr::Object(v) => self.is_instance(v, target),
        }
    }

    /// An `__index__` integer, with CPython's TypeError for other types.
    pub fn index_value(&mut self, v: &Value) -> PyResult<Value> {
        if as_int(v).is_some() {
            return Ok(v.clone());
        }
        if let Some(m) = self.lookup_special(v, "__index__") {
            let r = self.call(&m, &[v.clone()])?;
            if as_int(&r).is_some() {
                return Ok(r);
            }
            return Err(PyErr::type_error(format!(
                "__index__ returned non-int (type {})",
                self.type_name(&r)
            )));
        }
        Err(PyErr::type_error(format!(
            "'{}' object cannot be interpreted as an integer",
            self.type_name(v)
        )))
    }

    /// An index as i64 (CPython's `PyNumber_AsSsize_t` with IndexError on overflow).
    pub fn index_i64(&mut self, v: &Value) -> PyResult<i64> {
        let iv = self.index_value(v)?;
        match as_int(&iv).and_then(|i| i.to_i64()) {
            Some(i) => Ok(i),
            None => Err(PyErr::index_error(format!(
                "cannot fit '{}' into an index-sized integer",
                self.type_name(v)
            ))),
        }
    }

    /// A float from an int or float (`float()` of numbers, math functions).
    pub fn to_f64(&mut self, v: &Value) -> PyResult<f64> {
        if let Some(f) = as_float(v) {
            return Ok(f);
        }
        if let Some(i) = as_int(v) {
            return crate::runtime::numbers::int_to_f64(&i);
        }
        if let Some(m) = self.lookup_special(v, "__float__") {
            let r = self.call(&m, &[v.clone()])?;
            if let Some(f) = as_float(&r) {
                return Ok(f);
            }
            return Err(PyErr::type_error(format!(
                "{}.__float__ returned non-float (type {})",
                self.type_name(v),
                self.type_name(&r)
            )));
        }
        if self.lookup_special(v, "__index__").is_some() {
            let i = self.index_value(v)?;
            if let Some(i) = as_int(&i) {
                return crate::runtime::numbers::int_to_f64(&i);
            }
        }
        Err(PyErr::type_error(format!(
            "must be real number, not {}",
            self.type_name(v)
        )))
    }

    /// The bytes of a bytes-like object.
    pub fn bytes_like(&self, v: &Value) -> Option<Vec<u8>> {
        match v.payload() {
            Some(Payload::Bytes(b)) => Some(b.to_vec()),
            Some(Payload::ByteArray(b)) => Some(b.borrow().clone()),
            Some(Payload::MemoryView(m)) if !m.released.get() => {
                Some(crate::builtins::memoryview::view_bytes(m))
            }
            _ => None,
        }
    }
}

/// Whether `m` is a builtin function with this name (an inherited default like
/// `object.__str__`).
pub fn is_builtin_named(m: &Value, name: &str) -> bool {
    // A native type's own method of that name (a weak proxy's `__str__`) is an override.
    matches!(m.payload(), Some(Payload::BuiltinFunction(f)) if f.name == name
        && !f.owner.as_type_data().is_some_and(|t| t.layout == crate::types::typeobj::Layout::Native))
}
