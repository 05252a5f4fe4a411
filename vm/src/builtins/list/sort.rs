//! `list.sort()` and `sorted()`: a stable sort whose comparisons are Python's `<`, which may
//! run arbitrary code, raise, or be inconsistent. Rust's own sorts may panic on an
//! inconsistent order, so Python values go through a merge sort written here: natural runs
//! (descending ones reversed, as timsort does) extended to a minimum length by binary
//! insertion, then merged pairwise. A comparison error stops the sort at once; every element
//! is still in the slice (in some order), as with CPython.
//!
//! When every key is a small int, or a float/small-int mix, or an exact `str`, no Python code
//! can run and the order is total, so Rust's stable `sort_by` does the work.
//!
//! `reverse=True` keeps stability the way CPython does: reverse, sort ascending, reverse.

use std::cmp::Ordering;

use crate::bytecode::CompareOp;
use crate::object::{Payload, Value};
use crate::runtime::errors::PyResult;
use crate::vm::Vm;

/// Runs shorter than this are extended with binary insertion.
const MIN_RUN: usize = 32;

/// Sorts `items` in place by `keys` (or by the items themselves).
pub fn sort_values(
    vm: &mut Vm,
    items: &mut Vec<Value>,
    key: Option<&Value>,
    reverse: bool,
) -> PyResult<()> {
    if items.len() < 2 && key.is_none() {
        return Ok(());
    }
    if reverse {
        items.reverse();
    }
    let result = match key {
        None => sort_plain(vm, items),
        Some(f) => {
            let mut pairs: Vec<(Value, Value)> = Vec::with_capacity(items.len());
            let mut err = None;
            for item in items.drain(..) {
                if err.is_some() {
                    pairs.push((Value::NULL, item));
                    continue;
                }
                match vm.call(f, std::slice::from_ref(&item)) {
                    Ok(k) => pairs.push((k, item)),
                    Err(e) => {
                        err = Some(e);
                        pairs.push((Value::NULL, item));
                    }
                }
            }
            let r = match err {
                Some(e) => Err(e),
                None => sort_pairs(vm, &mut pairs),
            };
            items.extend(pairs.into_iter().map(|(_, v)| v));
            r
        }
    };
    if reverse {
        items.reverse();
    }
    result
}

/// What all keys have in common, to pick a sort that runs no Python code.
enum KeyKind {
    SmallInt,
    Number,
    Str,
    General,
}

fn classify<'a>(keys: impl Iterator<Item = &'a Value>, vm: &Vm) -> KeyKind {
    let mut kind = None;
    for k in keys {
        let this = if k.is_small_int() {
            KeyKind::SmallInt
        } else if k.is_immediate_float() {
            KeyKind::Number
        } else if matches!(k.payload(), Some(Payload::Str(_))) && vm.is_exact_builtin(k) {
            KeyKind::Str
        } else {
            return KeyKind::General;
        };
        kind = Some(match (kind, this) {
            (None, t) => t,
            (Some(KeyKind::SmallInt), KeyKind::SmallInt) => KeyKind::SmallInt,
            (Some(KeyKind::SmallInt | KeyKind::Number), KeyKind::SmallInt | KeyKind::Number) => {
                KeyKind::Number
            }
            (Some(KeyKind::Str), KeyKind::Str) => KeyKind::Str,
            _ => return KeyKind::General,
        });
    }
    kind.unwrap_or(KeyKind::General)
}

fn num(v: &Value) -> f64 {
    // Small ints have 48 bits, so the conversion is exact.
    v.as_small_int()
        .map(|i| i as f64)
        .or_else(|| v.as_immediate_float())
        .unwrap_or(0.0)
}

fn fast_cmp(kind: &KeyKind, a: &Value, b: &Value) -> Ordering {
    match kind {
        KeyKind::SmallInt => a.as_small_int().cmp(&b.as_small_int()),
        KeyKind::Number => num(a).partial_cmp(&num(b)).unwrap_or(Ordering::Equal),
        _ => a
            .as_pystr()
            .map(|p| p.wtf8())
            .cmp(&b.as_pystr().map(|p| p.wtf8())),
    }
}

fn sort_plain(vm: &mut Vm, items: &mut [Value]) -> PyResult<()> {
    match classify(items.iter(), vm) {
        KeyKind::General => merge_sort(vm, items, &mut |vm, a: &Value, b: &Value| lt(vm, a, b)),
        kind => {
            items.sort_by(|a, b| fast_cmp(&kind, a, b));
            Ok(())
        }
    }
}

fn sort_pairs(vm: &mut Vm, pairs: &mut [(Value, Value)]) -> PyResult<()> {
    match classify(pairs.iter().map(|p| &p.0), vm) {
        KeyKind::General => merge_sort(vm, pairs, &mut |vm, a: &(Value, Value), b| {
            lt(vm, &a.0, &b.0)
        }),
        kind => {
            pairs.sort_by(|a, b| fast_cmp(&kind, &a.0, &b.0));
            Ok(())
        }
    }
}

/// `a < b` as a bool, with inline answers for the common builtin cases.
#[inline]
fn lt(vm: &mut Vm, a: &Value, b: &Value) -> PyResult<bool> {
    if let (Some(x), Some(y)) = (a.as_small_int(), b.as_small_int()) {
        return Ok(x < y);
    }
    if let (Some(Payload::Str(x)), Some(Payload::Str(y))) = (a.payload(), b.payload())
        && vm.is_exact_builtin(a)
        && vm.is_exact_builtin(b)
    {
        return Ok(x.cmp_text(y).is_lt());
    }
    vm.compare_bool(a, b, CompareOp::Lt)
}

type Less<'a, T> = dyn FnMut(&mut Vm, &T, &T) -> PyResult<bool> + 'a;

/// A stable merge sort with a fallible comparison; on error every element is still in `v`.
pub fn merge_sort<T: Default>(vm: &mut Vm, v: &mut [T], less: &mut Less<'_, T>) -> PyResult<()> {
    let n = v.len();
    if n < 2 {
        return Ok(());
    }
    let mut runs: Vec<(usize, usize)> = Vec::new();
    let mut start = 0;
    while start < n {
        let mut end = start + 1;
        if end < n {
            if less(vm, &v[end], &v[end - 1])? {
                // Strictly descending: reversing keeps stability.
                end += 1;
                while end < n && less(vm, &v[end], &v[end - 1])? {
                    end += 1;
                }
                v[start..end].reverse();
            } else {
                end += 1;
                while end < n && !less(vm, &v[end], &v[end - 1])? {
                    end += 1;
                }
            }
        }
        let target = (start + MIN_RUN).min(n);
        if end < target {
            insertion_sort(vm, &mut v[start..target], end - start, less)?;
            end = target;
        }
        runs.push((start, end));
        start = end;
    }
    let mut tmp: Vec<T> = Vec::new();
    while runs.len() > 1 {
        let mut merged = Vec::with_capacity(runs.len() / 2 + 1);
        let mut i = 0;
        while i + 1 < runs.len() {
            let (a, m) = runs[i];
            let (_, b) = runs[i + 1];
            merge(vm, &mut v[a..b], m - a, &mut tmp, less)?;
            merged.push((a, b));
            i += 2;
        }
        if i < runs.len() {
            merged.push(runs[i]);
        }
        runs = merged;
    }
    Ok(())
}

/// Binary insertion sort of `v`, whose first `sorted` elements are already in order.
fn insertion_sort<T: Default>(
    vm: &mut Vm,
    v: &mut [T],
    sorted: usize,
    less: &mut Less<'_, T>,
) -> PyResult<()> {
    for idx in sorted.max(1)..v.len() {
        let pivot = std::mem::take(&mut v[idx]);
        let (mut lo, mut hi) = (0, idx);
        while lo < hi {
            let mid = lo + (hi - lo) / 2;
            match less(vm, &pivot, &v[mid]) {
                Ok(true) => hi = mid,
                Ok(false) => lo = mid + 1,
                Err(e) => {
                    v[idx] = pivot;
                    return Err(e);
                }
            }
        }
        v[idx] = pivot;
        v[lo..=idx].rotate_right(1);
    }
    Ok(())
}

/// Merges the sorted halves `v[..mid]` and `v[mid..]`.
fn merge<T: Default>(
    vm: &mut Vm,
    v: &mut [T],
    mid: usize,
    tmp: &mut Vec<T>,
    less: &mut Less<'_, T>,
) -> PyResult<()> {
    // Already in order: nothing to move.
    if less(vm, &v[mid], &v[mid - 1]).map(|l| !l)? {
        return Ok(());
    }
    tmp.clear();
    tmp.extend(v[..mid].iter_mut().map(std::mem::take));
    let (mut i, mut j, mut k) = (0, mid, 0);
    while i < tmp.len() && j < v.len() {
        match less(vm, &v[j], &tmp[i]) {
            Ok(true) => {
                v.swap(k, j);
                j += 1;
            }
            Ok(false) => {
                v[k] = std::mem::take(&mut tmp[i]);
                i += 1;
            }
            Err(e) => {
                for (slot, item) in v[k..j].iter_mut().zip(tmp.drain(i..)) {
                    *slot = item;
                }
                return Err(e);
            }
        }
        k += 1;
    }
    for item in tmp.drain(i..) {
        v[k] = item;
        k += 1;
    }
    Ok(())
}
