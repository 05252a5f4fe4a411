//! Item access: `obj[key]`, `obj[key] = v`, `del obj[key]` for sequences (with negative
//! indices and extended slices, CPython's index arithmetic) and mappings, plus the
//! `__getitem__`/`__setitem__`/`__delitem__`/`__class_getitem__` fallbacks.

use crate::object::{Payload, Value};
use crate::runtime::errors::{PyErr, PyResult};
use crate::runtime::numbers::as_int;
use crate::vm::Vm;

/// Resolved slice bounds over a sequence of some length (CPython's `PySlice_AdjustIndices`).
#[derive(Clone, Copy, Debug)]
pub struct SliceIndices {
    pub start: i64,
    pub stop: i64,
    pub step: i64,
    pub len: usize,
}

impl SliceIndices {
    /// The selected positions, in order.
    pub fn positions(&self) -> impl Iterator<Item = usize> + use<> {
        let (start, step, len) = (self.start, self.step, self.len);
        (0..len).map(move |k| (start + k as i64 * step) as usize)
    }
}

impl Vm {
    /// Resolves a slice object against a sequence length.
    pub fn slice_indices(&mut self, slice: &Value, length: usize) -> PyResult<SliceIndices> {
        let Some(Payload::Slice(s)) = slice.payload() else {
            return Err(PyErr::internal("slice_indices of a non-slice"));
        };
        let (start, stop, step) = (s.start.clone(), s.stop.clone(), s.step.clone());
        let len = length as i64;
        let step = if step.is_none() {
            1
        } else {
            let v = self.slice_index(&step)?;
            if v == 0 {
                return Err(PyErr::value_error("slice step cannot be zero"));
            }
            v.max(-i64::MAX)
        };
        let (lower, upper) = if step < 0 { (-1, len - 1) } else { (0, len) };
        let clamp = |v: i64| -> i64 {
            if v < 0 {
                let v = v + len;
                if v < lower { lower } else { v }
            } else if v > upper {
                upper
            } else {
                v
            }
        };
        let start = if start.is_none() {
            if step < 0 { upper } else { lower }
        } else {
            clamp(self.slice_index(&start)?)
        };
        let stop = if stop.is_none() {
            if step < 0 { lower } else { upper }
        } else {
            clamp(self.slice_index(&stop)?)
        };
        let count = if step < 0 {
            if stop < start {
                (start - stop - 1) / (-step) + 1
            } else {
                0
            }
        } else if start < stop {
            (stop - start - 1) / step + 1
        } else {
            0
        };
        Ok(SliceIndices {
            start,
            stop,
            step,
            len: count as usize,
        })
    }

    /// A slice bound: an int (clamped to i64) or `__index__`.
    fn slice_index(&mut self, v: &Value) -> PyResult<i64> {
        if let Some(i) = as_int(v) {
            return Ok(i.to_i64().unwrap_or(if i.is_negative() {
                i64::MIN / 2
            } else {
                i64::MAX / 2
            }));
        }
        if self.lookup_special(v, "__index__").is_some() {
            let iv = self.index_value(v)?;
            if let Some(i) = as_int(&iv) {
                return Ok(i.to_i64().unwrap_or(if i.is_negative() {
                    i64::MIN / 2
                } else {
                    i64::MAX / 2
                }));
            }
        }
        Err(PyErr::type_error(
            "slice indices must be integers or None or have an __index__ method",
        ))
    }

    /// Normalizes a sequence index (negative counts from the end); `None` if out of range.
    /// `s[key]` for a string holding lone surrogates (kept exactly in the result).
    fn surrogate_str_subscript(
        &mut self,
        s: &crate::types::str::PyStr,
        key: &Value,
        is_slice: bool,
    ) -> PyResult<Value> {
        let cps: Vec<u32> = s.code_points().collect();
        if is_slice {
            let idx = self.slice_indices(key, cps.len())?;
            let out = idx.positions().filter_map(|p| cps.get(p).copied());
            return Ok(self.new_pystr(crate::types::str::PyStr::from_code_points(out)));
        }
        match self.seq_index(key, cps.len(), "string")? {
            Some(i) => Ok(self.new_pystr(crate::types::str::PyStr::from_code_points(
                cps.get(i).copied(),
            ))),
            None => Err(PyErr::index_error("string index out of range")),
        }
    }

    fn seq_index(&mut self, key: &Value, len: usize, type_name: &str) -> PyResult<Option<usize>> {
        let i = match as_int(key) {
            Some(i) => match i.to_i64() {
                Some(i) => i,
                None => {
                    return Err(PyErr::index_error(
                        "cannot fit 'int' into an index-sized integer".to_string(),
                    ));
                }
            },
            None => {
                if self.lookup_special(key, "__index__").is_some()
                    && !matches!(key.payload(), Some(Payload::Slice(_)))
                {
                    self.index_i64(key)?
                } else if type_name == "string" {
                    // str's own wording (CPython 3.13).
                    return Err(PyErr::type_error(format!(
                        "string indices must be integers, not '{}'",
                        self.type_name(key)
                    )));
                } else {
                    return Err(PyErr::type_error(format!(
                        "{type_name} indices must be integers or slices, not {}",
                        self.type_name(key)
                    )));
                }
            }
        };
        let idx = if i < 0 { i + len as i64 } else { i };
        Ok(if idx < 0 || idx >= len as i64 {
            None
        } else {
            Some(idx as usize)
        })
    }

    /// `obj[key]`.
    pub fn getitem(&mut self, obj: &Value, key: &Value) -> PyResult<Value> {
        let is_slice = matches!(key.payload(), Some(Payload::Slice(_)));
        if self.is_exact_builtin(obj) {
            match obj.payload() {
                Some(Payload::List(l)) => {
                    if is_slice {
                        // Resolve the bounds first (`__index__` may run code), then copy
                        // only the selected items.
                        let len = l.borrow().len();
                        let idx = self.slice_indices(key, len)?;
                        let items = l.borrow();
                        let out: Vec<Value> = idx
                            .positions()
                            .filter_map(|p| items.get(p).cloned())
                            .collect();
                        drop(items);
                        return Ok(self.new_list(out));
                    }
                    let len = l.borrow().len();
                    return match self.seq_index(key, len, "list")? {
                        Some(i) => Ok(l.borrow()[i].clone()),
                        None => Err(PyErr::index_error("list index out of range")),
                    };
                }
                Some(Payload::Tuple(t)) => {
                    if is_slice {
                        let idx = self.slice_indices(key, t.len())?;
                        if idx.step == 1 && idx.len == t.len() {
                            return Ok(obj.clone());
                        }
                        return Ok(self.new_tuple(idx.positions().map(|p| t[p].clone()).collect()));
                    }
                    return match self.seq_index(key, t.len(), "tuple")? {
                        Some(i) => Ok(t[i].clone()),
                        None => Err(PyErr::index_error("tuple index out of range")),
                    };
                }
                Some(Payload::Str(s)) => {
                    if s.has_surrogates() {
                        return self.surrogate_str_subscript(s, key, is_slice);
                    }
                    if is_slice {
                        let idx = self.slice_indices(key, s.char_len())?;
                        if idx.step == 1 {
                            let text = s
                                .substring(idx.start as usize, idx.start as usize + idx.len)
                                .to_string();
                            return Ok(self.new_string(text));
                        }
                        let chars: Vec<char> = s.as_str().chars().collect();
                        let text: String = idx.positions().map(|p| chars[p]).collect();
                        return Ok(self.new_string(text));
                    }
                    return match self.seq_index(key, s.char_len(), "string")? {
                        Some(i) => {
                            let c = s.char_at(i).unwrap_or('\0');
                            let mut buf = [0u8; 4];
                            Ok(self.new_str(c.encode_utf8(&mut buf)))
                        }
                        None => Err(PyErr::index_error("string index out of range")),
                    };
                }
                Some(Payload::Bytes(b)) => {
                    if is_slice {
                        let idx = self.slice_indices(key, b.len())?;
                        return Ok(self.new_bytes(idx.positions().map(|p| b[p]).collect()));
                    }
                    return match self.seq_index(key, b.len(), "byte")? {
                        Some(i) => Ok(self.new_int(i64::from(b[i]))),
                        None => Err(PyErr::index_error("index out of range")),
                    };
                }
                Some(Payload::ByteArray(b)) => {
                    let data = b.borrow().clone();
                    if is_slice {
                        let idx = self.slice_indices(key, data.len())?;
                        return Ok(self.new_bytearray(idx.positions().map(|p| data[p]).collect()));
                    }
                    return match self.seq_index(key, data.len(), "bytearray")? {
                        Some(i) => Ok(self.new_int(i64::from(data[i]))),
                        None => Err(PyErr::index_error("bytearray index out of range")),
                    };
                }
                Some(Payload::Dict(_)) => {
                    return match self.dict_get(obj, key)? {
                        Some(v) => Ok(v),
                        None => Err(PyErr::key_error(key.clone())),
                    };
                }
                Some(Payload::Range(_)) => {
                    return crate::builtins::range::range_getitem(self, obj, key);
                }
                Some(Payload::Type(_)) => {}
                _ => {}
            }
        }
        if let Some(m) = self.lookup_special(obj, "__getitem__") {
            return self.call(&m, &[obj.clone(), key.clone()]);
        }
        if self.is_type(obj) {
            if self.lookup_type_attr(obj, "__class_getitem__").is_some() {
                // Bound like a classmethod (it is one implicitly for user classes).
                let m = self.getattr_str(obj, "__class_getitem__")?;
                return self.call(&m, &[key.clone()]);
            }
            if obj.is(&self.types.type_) {
                // `type[int]`: `type` has no `__class_getitem__`; CPython special-cases it.
                return Ok(self.new_generic_alias(obj.clone(), key.clone()));
            }
            return Err(PyErr::type_error(format!(
                "type '{}' is not subscriptable",
                crate::runtime::typecheck::type_name_of(obj)
            )));
        }
        Err(PyErr::type_error(format!(
            "'{}' object is not subscriptable",
            self.type_name(obj)
        )))
    }

    /// `obj[key] = value`.
    pub fn setitem(&mut self, obj: &Value, key: &Value, value: Value) -> PyResult<()> {
        if self.is_exact_builtin(obj) {
            match obj.payload() {
                Some(Payload::List(l)) => {
                    if matches!(key.payload(), Some(Payload::Slice(_))) {
                        let new_items = self.collect_iterable(&value).map_err(|_| {
                            PyErr::type_error("must assign iterable to extended slice")
                        })?;
                        let len = l.borrow().len();
                        let idx = self.slice_indices(key, len)?;
                        let mut list = l.borrow_mut();
                        if idx.step == 1 {
                            let start = idx.start.max(0) as usize;
                            let end = (start + idx.len).min(list.len());
                            let removed: Vec<Value> = list.splice(start..end, new_items).collect();
                            drop(list);
                            drop(removed);
                            return Ok(());
                        }
                        if new_items.len() != idx.len {
                            return Err(PyErr::value_error(format!(
                                "attempt to assign sequence of size {} to extended slice of size {}",
                                new_items.len(),
                                idx.len
                            )));
                        }
                        let mut old = Vec::with_capacity(idx.len);
                        for (p, v) in idx.positions().zip(new_items) {
                            old.push(std::mem::replace(&mut list[p], v));
                        }
                        drop(list);
                        drop(old);
                        return Ok(());
                    }
                    let len = l.borrow().len();
                    return match self.seq_index(key, len, "list")? {
                        Some(i) => {
                            let old = std::mem::replace(&mut l.borrow_mut()[i], value);
                            drop(old);
                            Ok(())
                        }
                        None => Err(PyErr::index_error("list assignment index out of range")),
                    };
                }
                Some(Payload::Dict(_)) => return self.dict_set(obj, key.clone(), value),
                // Slice assignment is `bytearray.__setitem__` (builtins::bytes).
                Some(Payload::ByteArray(b))
                    if !matches!(key.payload(), Some(Payload::Slice(_))) =>
                {
                    let len = b.borrow().len();
                    let byte = self.index_i64(&value)?;
                    if !(0..256).contains(&byte) {
                        return Err(PyErr::value_error("byte must be in range(0, 256)"));
                    }
                    return match self.seq_index(key, len, "bytearray")? {
                        Some(i) => {
                            b.borrow_mut()[i] = byte as u8;
                            Ok(())
                        }
                        None => Err(PyErr::index_error("bytearray index out of range")),
                    };
                }
                _ => {}
            }
        }
        if let Some(m) = self.lookup_special(obj, "__setitem__") {
            self.call(&m, &[obj.clone(), key.clone(), value])?;
            return Ok(());
        }
        Err(PyErr::type_error(format!(
            "'{}' object does not support item assignment",
            self.type_name(obj)
        )))
    }

    /// `del obj[key]`.
    pub fn delitem(&mut self, obj: &Value, key: &Value) -> PyResult<()> {
        if self.is_exact_builtin(obj) {
            match obj.payload() {
                Some(Payload::List(l)) => {
                    let len = l.borrow().len();
                    if matches!(key.payload(), Some(Payload::Slice(_))) {
                        let idx = self.slice_indices(key, len)?;
                        let mut positions: Vec<usize> = idx.positions().collect();
                        positions.sort_unstable();
                        let mut list = l.borrow_mut();
                        let mut removed = Vec::with_capacity(positions.len());
                        for p in positions.into_iter().rev() {
                            removed.push(list.remove(p));
                        }
                        drop(list);
                        drop(removed);
                        return Ok(());
                    }
                    return match self.seq_index(key, len, "list")? {
                        Some(i) => {
                            let old = l.borrow_mut().remove(i);
                            drop(old);
                            Ok(())
                        }
                        None => Err(PyErr::index_error("list assignment index out of range")),
                    };
                }
                Some(Payload::Dict(_)) => {
                    return match self.dict_remove(obj, key)? {
                        Some(_) => Ok(()),
                        None => Err(PyErr::key_error(key.clone())),
                    };
                }
                _ => {}
            }
        }
        if let Some(m) = self.lookup_special(obj, "__delitem__") {
            self.call(&m, &[obj.clone(), key.clone()])?;
            return Ok(());
        }
        Err(PyErr::type_error(format!(
            "'{}' object doesn't support item deletion",
            self.type_name(obj)
        )))
    }
}
