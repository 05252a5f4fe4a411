//! Dict operations with Python key semantics: `hash()` and `==` of keys may run Python
//! code, so comparisons of non-builtin keys happen with no borrow of the table held, and a
//! table that changed meanwhile is searched again (as CPython restarts its lookup).

use crate::object::{Payload, Value};
use crate::runtime::errors::{PyErr, PyResult};
use crate::vm::Vm;

/// Equality of keys that never runs Python code: `Some(answer)` for builtin scalar keys.
fn fast_key_eq(a: &Value, b: &Value) -> Option<bool> {
    if a.is(b) {
        return Some(true);
    }
    match (a.payload(), b.payload()) {
        (Some(Payload::Str(x)), Some(Payload::Str(y))) => Some(x.same_text(y)),
        (None, None) => {
            // Two immediates: ints/floats/bools compare by value.
            if let (Some(x), Some(y)) = (a.as_small_int(), b.as_small_int()) {
                return Some(x == y);
            }
            None
        }
        _ => None,
    }
}

impl Vm {
    /// Finds the entry index of `key` in `dict`.
    fn dict_find(&mut self, dict: &Value, key: &Value, hash: i64) -> PyResult<Option<usize>> {
        let Some(table) = dict.as_dict() else {
            return Err(PyErr::internal("dict operation on a non-dict"));
        };
        loop {
            let candidates = {
                let t = table.borrow();
                let mut unresolved = false;
                let found = t.find(hash, |k| match fast_key_eq(k, key) {
                    Some(eq) => eq,
                    None => {
                        unresolved = true;
                        false
                    }
                });
                if found.is_some() || !unresolved {
                    return Ok(found);
                }
                (t.version(), t.candidates(hash))
            };
            let (version, candidates) = candidates;
            let mut result = None;
            for (index, k) in candidates {
                if fast_key_eq(&k, key) == Some(false) {
                    continue;
                }
                if self.eq(&k, key)? {
                    result = Some(index);
                    break;
                }
            }
            let t = table.borrow();
            if t.version() == version {
                return Ok(result);
            }
            // The table changed while __eq__ ran: search again.
        }
    }

    /// `dict[key]`, or `None` if absent.
    pub fn dict_get(&mut self, dict: &Value, key: &Value) -> PyResult<Option<Value>> {
        let hash = self.hash(key)?;
        let Some(index) = self.dict_find(dict, key, hash)? else {
            return Ok(None);
        };
        Ok(dict
            .as_dict()
            .and_then(|t| t.borrow().entry(index).map(|e| e.value.clone())))
    }

    /// `dict[key]` for an exact-str key given as text (never runs Python code).
    pub fn dict_get_str(&self, dict: &Value, key: &str) -> Option<Value> {
        crate::runtime::typecheck::dict_get_str(dict, key)
    }

    /// `dict[key] = value`.
    pub fn dict_set(&mut self, dict: &Value, key: Value, value: Value) -> PyResult<()> {
        let hash = self.hash(&key)?;
        let found = self.dict_find(dict, &key, hash)?;
        let Some(table) = dict.as_dict() else {
            return Err(PyErr::internal("dict operation on a non-dict"));
        };
        let mut t = table
            .try_borrow_mut()
            .map_err(|_| PyErr::runtime_error("dictionary changed size during iteration"))?;
        match found {
            Some(index) => {
                let old = t.set_value_at(index, value);
                drop(t);
                drop(old);
            }
            None => t.insert_new(hash, key, value),
        }
        Ok(())
    }

    /// `del dict[key]`; returns the removed value, or `None` if absent.
    pub fn dict_remove(&mut self, dict: &Value, key: &Value) -> PyResult<Option<Value>> {
        let hash = self.hash(key)?;
        let Some(index) = self.dict_find(dict, key, hash)? else {
            return Ok(None);
        };
        let Some(table) = dict.as_dict() else {
            return Ok(None);
        };
        let entry = table
            .try_borrow_mut()
            .map_err(|_| PyErr::runtime_error("dictionary changed size during iteration"))?
            .remove_at(index);
        Ok(entry.map(|e| e.value))
    }

    /// Copies all items of mapping `src` into dict `dst` (`dict.update`).
    pub fn dict_update_from(&mut self, dst: &Value, src: &Value) -> PyResult<()> {
        if let Some(table) = src.as_dict() {
            let items = table.borrow().items();
            for (k, v) in items {
                self.dict_set(dst, k, v)?;
            }
            return Ok(());
        }
        if let Some(keys) = self.lookup_special(src, "keys") {
            let keys = self.call(&keys, &[src.clone()])?;
            for k in self.collect_iterable(&keys)? {
                let v = self.getitem(src, &k)?;
                self.dict_set(dst, k, v)?;
            }
            return Ok(());
        }
        let items = self.collect_iterable(src)?;
        for (i, item) in items.iter().enumerate() {
            let pair = self.collect_iterable(item).map_err(|_| {
                PyErr::type_error(format!(
                    "cannot convert dictionary update sequence element #{i} to a sequence"
                ))
            })?;
            if pair.len() != 2 {
                return Err(PyErr::value_error(format!(
                    "dictionary update sequence element #{i} has length {}; 2 is required",
                    pair.len()
                )));
            }
            let mut pair = pair.into_iter();
            if let (Some(k), Some(v)) = (pair.next(), pair.next()) {
                self.dict_set(dst, k, v)?;
            }
        }
        Ok(())
    }

    /// A shallow copy of a dict.
    pub fn dict_copy(&mut self, src: &Value) -> PyResult<Value> {
        match src.as_dict() {
            Some(table) => {
                let t = table.borrow().clone();
                Ok(self.new_dict_from_table(t))
            }
            None => Err(PyErr::internal("dict_copy of a non-dict")),
        }
    }

    /// `a == b` for two dicts.
    pub fn dict_eq(&mut self, a: &Value, b: &Value) -> PyResult<bool> {
        let (Some(ta), Some(_)) = (a.as_dict(), b.as_dict()) else {
            return Ok(false);
        };
        if self.len(a)? != self.len(b)? {
            return Ok(false);
        }
        let items = ta.borrow().items();
        for (k, v) in items {
            match self.dict_get(b, &k)? {
                Some(other) => {
                    if !self.eq(&v, &other)? {
                        return Ok(false);
                    }
                }
                None => return Ok(false),
            }
        }
        Ok(true)
    }
}
