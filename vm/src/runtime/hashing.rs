//! `hash()` for every builtin type, consistent with CPython: ints mod 2**61-1, floats
//! consistent with ints, strings with SipHash-1-3 keyed from `PYTHONHASHSEED`, tuples with
//! CPython's xxHash-style combination, frozensets with CPython's shuffle.

use std::cell::Cell;

use crate::object::{Payload, Value};
use crate::runtime::errors::{PyErr, PyResult};
use crate::text::hash as th;
use crate::vm::Vm;

thread_local! {
    /// The SipHash key of the interpreter running on this thread.
    static HASH_KEY: Cell<(u64, u64)> = const { Cell::new((0, 0)) };
}

/// Installs the interpreter's hash key for this thread.
pub fn set_thread_hash_key(key: (u64, u64)) {
    HASH_KEY.with(|k| k.set(key));
}

/// The hash of a string with this thread's key.
pub fn str_hash_cached(text: &str) -> i64 {
    let key = HASH_KEY.with(Cell::get);
    th::hash_str(text, key)
}

/// The hash of a `str` value, computed once and cached in the object.
pub fn pystr_hash(s: &crate::types::str::PyStr) -> i64 {
    if let Some(h) = s.cached_hash() {
        return h;
    }
    let h = if s.has_surrogates() {
        th::hash_code_points(s.code_points(), HASH_KEY.with(Cell::get))
    } else {
        str_hash_cached(s.as_str())
    };
    s.set_cached_hash(h);
    h
}

impl Vm {
    /// `hash(v)`.
    pub fn hash(&mut self, v: &Value) -> PyResult<i64> {
        if let Some(i) = v.as_small_int() {
            return Ok(th::hash_i64(i));
        }
        if let Some(f) = v.as_immediate_float() {
            return Ok(th::hash_float(f).unwrap_or(0));
        }
        if let Some(b) = v.as_bool() {
            return Ok(b as i64);
        }
        if let Some(obj) = v.as_object() {
            let exact_builtin = obj.type_object().payload_is_builtin_type();
            match &obj.payload {
                Payload::Str(s)
                    if exact_builtin || self.lookup_special(v, "__hash__").is_none() =>
                {
                    return Ok(pystr_hash(s));
                }
                Payload::Int(i) if exact_builtin => return Ok(th::hash_int(i)),
                Payload::Float(f) if exact_builtin => {
                    return Ok(th::hash_float(*f).unwrap_or_else(|| pointer_hash(v)));
                }
                Payload::Bytes(b) => {
                    let key = HASH_KEY.with(Cell::get);
                    return Ok(th::hash_bytes(b, key));
                }
                Payload::Tuple(items) if exact_builtin => {
                    let items: Vec<Value> = items.to_vec();
                    let mut hashes = Vec::with_capacity(items.len());
                    self.enter_native()?;
                    for item in &items {
                        match self.hash(item) {
                            Ok(h) => hashes.push(h),
                            Err(e) => {
                                self.leave_native();
                                return Err(e);
                            }
                        }
                    }
                    self.leave_native();
                    return Ok(th::hash_tuple(&hashes));
                }
                Payload::Set(table) if obj.has_type(&self.types.frozenset) => {
                    let hashes: Vec<i64> = table.borrow().entries().map(|(h, _)| h).collect();
                    return Ok(frozenset_hash(&hashes));
                }
                Payload::Complex(re, im) if exact_builtin => {
                    let hr = th::hash_float(*re).unwrap_or(0);
                    let hi = th::hash_float(*im).unwrap_or(0);
                    let mut h = hr.wrapping_add(1000003i64.wrapping_mul(hi));
                    if h == -1 {
                        h = -2;
                    }
                    return Ok(h);
                }
                _ => {}
            }
        }
        // General case: the type's __hash__ (None means unhashable).
        match self.lookup_special(v, "__hash__") {
            Some(h) if h.is_none() => Err(self.unhashable(v)),
            Some(h) if !self.is_builtin_object_hash(&h) => {
                let r = self.call(&h, &[v.clone()])?;
                match self.index_value_to_i64_for_hash(&r) {
                    Some(x) => Ok(if x == -1 { -2 } else { x }),
                    None => Err(PyErr::type_error(
                        "__hash__ method should return an integer",
                    )),
                }
            }
            _ => {
                if self.is_unhashable_builtin(v) {
                    return Err(self.unhashable(v));
                }
                Ok(pointer_hash(v))
            }
        }
    }

    fn unhashable(&self, v: &Value) -> PyErr {
        PyErr::type_error(format!("unhashable type: '{}'", self.type_name(v)))
    }

    fn is_unhashable_builtin(&self, v: &Value) -> bool {
        matches!(
            v.payload(),
            Some(Payload::List(_)) | Some(Payload::Dict(_)) | Some(Payload::ByteArray(_))
        ) || (matches!(v.payload(), Some(Payload::Set(_)))
            && !self.is_instance(v, &self.types.frozenset))
    }

    fn is_builtin_object_hash(&self, h: &Value) -> bool {
        // Only `object.__hash__` means identity; `tuple.__hash__` etc. must be called.
        matches!(h.payload(), Some(Payload::BuiltinFunction(f))
            if f.name == "__hash__" && (f.owner.is_null() || f.owner.is(&self.types.object)))
    }

    fn index_value_to_i64_for_hash(&self, v: &Value) -> Option<i64> {
        if let Some(i) = v.as_small_int() {
            return Some(i);
        }
        if let Some(b) = v.as_bool() {
            return Some(b as i64);
        }
        // CPython: the value itself when it fits a Py_ssize_t, else the int's hash.
        v.as_bigint()
            .map(|b| num_traits::ToPrimitive::to_i64(b).unwrap_or_else(|| th::hash_int(b)))
    }
}

/// Identity hash (CPython: the address rotated by 4 bits).
pub fn pointer_hash(v: &Value) -> i64 {
    let bits = v.bits();
    let h = bits.rotate_right(4) as i64;
    if h == -1 { -2 } else { h }
}

/// CPython's frozenset hash: shuffle each entry hash, xor them, then mix with the size.
fn frozenset_hash(hashes: &[i64]) -> i64 {
    fn shuffle(h: u64) -> u64 {
        ((h ^ 89869747) ^ (h << 16)).wrapping_mul(3644798167)
    }
    let mut hash: u64 = 0;
    for &h in hashes {
        hash ^= shuffle(h as u64);
    }
    hash ^= (hashes.len() as u64)
        .wrapping_add(1)
        .wrapping_mul(1927868237);
    hash ^= (hash >> 11) ^ (hash >> 25);
    hash = hash.wrapping_mul(69069).wrapping_add(907133923);
    let mut h = hash as i64;
    if h == -1 {
        h = 590923713;
    }
    h
}
