//! Dict operations traces call (`recorder::dict`): `d[k]`, `d[k] = v`, `k in d` and
//! `d.get(k)` on an exact dict with a str or small-int key.
//!
//! A lookup compares the key with the dict's keys of the same hash in probe order, as
//! CPython does; a comparison that would run Python code (a key whose class is not a
//! builtin type, so its `__eq__` may be anything) makes the helper give up *without side
//! effects* and return its sentinel, and the trace leaves before the instruction, which the
//! interpreter then runs (calling that `__eq__` exactly once). A missing key in `d[k]` gives
//! up the same way, so the interpreter raises the `KeyError`.

use crate::jit::glue::{clone_trace_word, has_exact_type, with_word};
use crate::object::{Payload, Value};
use crate::types::dict::DictTable;

/// Helper names as traces declare them.
pub(crate) mod names {
    pub const DICT_GET: &str = "dict_get";
    pub const DICT_CONTAINS: &str = "dict_contains";
    pub const DICT_SET: &str = "dict_set";
}

/// What looking up a key found.
#[derive(Debug, PartialEq)]
pub(crate) enum Lookup {
    Found(usize),
    Missing,
    /// Deciding needs Python code (or the key is not a str or small int).
    Undecided,
}

/// The hash of a key traces look up, if it is a str or a small int.
fn key_hash(key: &Value) -> Option<i64> {
    if let Some(i) = key.as_small_int() {
        return Some(crate::text::hash::hash_i64(i));
    }
    match key.payload() {
        Some(Payload::Str(s)) if is_builtin(key) => Some(crate::runtime::hashing::pystr_hash(s)),
        _ => None,
    }
}

/// Whether `v` is an immediate or an object of a builtin type (whose `==` runs no Python).
fn is_builtin(v: &Value) -> bool {
    match v.as_object() {
        Some(o) => o.type_object().payload_is_builtin_type(),
        None => true,
    }
}

/// `key == other` for a str or small-int `key`, when no Python code is needed.
fn key_eq(key: &Value, other: &Value) -> Option<bool> {
    if key.is(other) {
        return Some(true);
    }
    if !is_builtin(other) {
        return None;
    }
    if let Some(i) = key.as_small_int() {
        let number = other
            .as_small_int()
            .map(|j| j == i)
            .or_else(|| other.as_immediate_float().map(|f| f == i as f64))
            .or_else(|| other.as_bool().map(|b| i64::from(b) == i));
        return Some(number.unwrap_or(false));
    }
    let text = key.as_str()?;
    Some(other.as_str() == Some(text))
}

/// Looks `key` up in `table`, comparing in probe order as the interpreter does.
pub(crate) fn lookup(table: &DictTable, key: &Value) -> Lookup {
    let Some(hash) = key_hash(key) else {
        return Lookup::Undecided;
    };
    let mut undecided = false;
    let found = table.find(hash, |other| {
        if undecided {
            return false;
        }
        match key_eq(key, other) {
            Some(eq) => eq,
            None => {
                undecided = true;
                false
            }
        }
    });
    match (undecided, found) {
        (true, _) => Lookup::Undecided,
        (false, Some(index)) => Lookup::Found(index),
        (false, None) => Lookup::Missing,
    }
}

/// Runs `f` on the table of `dict` if it is exactly a dict (type at `type_bits`).
fn with_table<R>(dict: &Value, type_bits: u64, f: impl FnOnce(&DictTable) -> R) -> Option<R> {
    if !has_exact_type(dict, type_bits) {
        return None;
    }
    let Some(Payload::Dict(d)) = dict.payload() else {
        return None;
    };
    let table = d.try_borrow().ok()?;
    Some(f(&table))
}

/// `d[key]`: the value's word, or 0 (missing, undecided, not an exact dict).
extern "C" fn dict_get(dict: u64, key: u64, type_bits: u64) -> u64 {
    with_word(dict, |dict| {
        with_word(key, |key| {
            with_table(dict, type_bits, |t| match lookup(t, key) {
                Lookup::Found(i) => t.entry(i).map_or(0, |e| e.value.bits()),
                _ => 0,
            })
            .unwrap_or(0)
        })
    })
}

/// `key in d`: 1 or 0, or -1 when undecided.
extern "C" fn dict_contains(dict: u64, key: u64, type_bits: u64) -> i64 {
    with_word(dict, |dict| {
        with_word(key, |key| {
            with_table(dict, type_bits, |t| match lookup(t, key) {
                Lookup::Found(_) => 1,
                Lookup::Missing => 0,
                Lookup::Undecided => -1,
            })
            .unwrap_or(-1)
        })
    })
}

/// `d[key] = value` over an existing key whose value is an immediate (nothing is freed, so
/// no finalizer can run): 1 when stored, 0 (nothing changed) otherwise — a new key, an
/// object value to replace, an undecided lookup, or a dict the running trace keeps globals
/// homes in (its cached entries would go stale).
extern "C" fn dict_set(dict: u64, key: u64, value: u64, type_bits: u64) -> u64 {
    if crate::jit::residual::is_home_dict(dict) {
        return 0;
    }
    with_word(dict, |dict| {
        with_word(key, |key| {
            if !has_exact_type(dict, type_bits) {
                return 0;
            }
            let Some(Payload::Dict(d)) = dict.payload() else {
                return 0;
            };
            let Ok(mut table) = d.try_borrow_mut() else {
                return 0;
            };
            let Lookup::Found(index) = lookup(&table, key) else {
                return 0;
            };
            match table.entry(index) {
                Some(e) if !e.value.is_heap() => {}
                _ => return 0,
            }
            // The old value is an immediate: dropping it frees nothing.
            table.set_value_at(index, clone_trace_word(value));
            1
        })
    })
}

/// Adds these helpers to the backend's table.
pub(crate) fn register(table: &mut pyrite_jit::HelperTable) {
    table.add(names::DICT_GET, dict_get as *const () as u64);
    table.add(names::DICT_CONTAINS, dict_contains as *const () as u64);
    table.add(names::DICT_SET, dict_set as *const () as u64);
}
