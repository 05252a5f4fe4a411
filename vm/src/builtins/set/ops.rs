//! The set algorithms of CPython's `setobject.c`, step for step: which operand is iterated,
//! which table is resized when, and in what order keys are inserted all decide the order in
//! which a set prints, so every operation here mirrors its CPython counterpart (`set_merge`,
//! `set_intersection`, `set_difference`, `set_symmetric_difference_update`...).
//!
//! Keys are compared without running Python code when possible (`fast_eq`: ints, floats,
//! strs, tuples of those). Otherwise the candidates with an equal hash are collected first
//! and compared with the table released, since `__eq__` may do anything, including mutating
//! the set.

use std::cell::RefCell;
use std::convert::Infallible;

use crate::builtins::object::util::{borrow, borrow_mut};
use crate::object::{Payload, Value};
use crate::runtime::errors::{ExcKind, PyErr, PyResult};
use crate::types::set::SetTable;
use crate::vm::Vm;

pub type SetCell = RefCell<SetTable>;

/// A marker error: the fast comparison could not decide.
struct Unresolved;

/// Equality of two keys when it can be decided without running Python code.
pub fn fast_eq(a: &Value, b: &Value) -> Option<bool> {
    fast_eq_depth(a, b, 0)
}

fn exact(o: &crate::object::Object) -> bool {
    o.type_object().payload_is_builtin_type()
}

fn fast_eq_depth(a: &Value, b: &Value, depth: u32) -> Option<bool> {
    if a.is(b) {
        return Some(true);
    }
    match (a.as_object(), b.as_object()) {
        (None, None) => {
            let num = |v: &Value| {
                v.as_small_int()
                    .map(|i| i as f64)
                    .or_else(|| v.as_immediate_float())
                    .or_else(|| v.as_bool().map(|b| if b { 1.0 } else { 0.0 }))
            };
            match (num(a), num(b)) {
                (Some(x), Some(y)) => Some(x == y),
                _ => Some(false),
            }
        }
        (Some(x), Some(y)) if exact(x) && exact(y) => match (&x.payload, &y.payload) {
            (Payload::Str(p), Payload::Str(q)) => Some(p.same_text(q)),
            (Payload::Int(p), Payload::Int(q)) => Some(p == q),
            (Payload::Tuple(p), Payload::Tuple(q)) if depth < 16 => {
                if p.len() != q.len() {
                    return Some(false);
                }
                let mut all = true;
                for (u, v) in p.iter().zip(q.iter()) {
                    match fast_eq_depth(u, v, depth + 1)? {
                        true => {}
                        false => all = false,
                    }
                }
                Some(all)
            }
            (Payload::Str(_), Payload::Int(_) | Payload::Tuple(_))
            | (Payload::Int(_) | Payload::Tuple(_), Payload::Str(_)) => Some(false),
            _ => None,
        },
        (Some(x), None) | (None, Some(x)) if exact(x) && matches!(x.payload, Payload::Str(_)) => {
            Some(false)
        }
        _ => None,
    }
}

/// Looks `key` up; `Err(candidates)` when some equal-hash keys need a Python comparison.
fn probe(cell: &SetCell, key: &Value, hash: i64) -> PyResult<Result<Option<usize>, Vec<Value>>> {
    let t = borrow(cell)?;
    let mut pending: Vec<Value> = Vec::new();
    let found = t.find(hash, &mut |k| {
        Ok::<bool, Infallible>(match fast_eq(k, key) {
            Some(eq) => eq,
            None => {
                pending.push(k.clone());
                false
            }
        })
    });
    let found = match found {
        Ok(f) => f,
        Err(never) => match never {},
    };
    if found.is_some() || pending.is_empty() {
        Ok(Ok(found))
    } else {
        Ok(Err(pending))
    }
}

/// The live table key equal to `key`, comparing with Python `__eq__` where needed.
fn find_equal(vm: &mut Vm, cell: &SetCell, key: &Value, hash: i64) -> PyResult<Option<Value>> {
    match probe(cell, key, hash)? {
        Ok(Some(i)) => Ok(borrow(cell)?.next_entry(i).map(|(_, k)| k.clone())),
        Ok(None) => Ok(None),
        Err(candidates) => {
            for c in candidates {
                if vm.eq(&c, key)? {
                    return Ok(Some(c));
                }
            }
            Ok(None)
        }
    }
}

/// CPython's `set_contains_entry`.
pub fn contains_entry(vm: &mut Vm, cell: &SetCell, key: &Value, hash: i64) -> PyResult<bool> {
    match probe(cell, key, hash)? {
        Ok(found) => Ok(found.is_some()),
        Err(candidates) => {
            for c in candidates {
                if vm.eq(&c, key)? {
                    return Ok(true);
                }
            }
            Ok(false)
        }
    }
}

/// CPython's `set_add_entry`.
pub fn add_entry(vm: &mut Vm, cell: &SetCell, key: Value, hash: i64) -> PyResult<()> {
    let needle = key.clone();
    let r = borrow_mut(cell)?.insert(hash, key, &mut |k| fast_eq(k, &needle).ok_or(Unresolved));
    if r.is_ok() {
        return Ok(());
    }
    if find_equal(vm, cell, &needle, hash)?.is_some() {
        return Ok(());
    }
    let r = borrow_mut(cell)?.insert(hash, needle, &mut |_| Ok::<bool, Infallible>(false));
    match r {
        Ok(_) => Ok(()),
        Err(never) => match never {},
    }
}

/// CPython's `set_discard_entry`: whether the key was found (and removed).
pub fn discard_entry(vm: &mut Vm, cell: &SetCell, key: &Value, hash: i64) -> PyResult<bool> {
    let slot = match probe(cell, key, hash)? {
        Ok(found) => found,
        Err(candidates) => {
            let mut equal = None;
            for c in candidates {
                if vm.eq(&c, key)? {
                    equal = Some(c);
                    break;
                }
            }
            let Some(c) = equal else { return Ok(false) };
            let t = borrow(cell)?;
            match t.find(hash, &mut |k| Ok::<bool, Infallible>(k.is(&c))) {
                Ok(slot) => slot,
                Err(never) => match never {},
            }
        }
    };
    let Some(slot) = slot else { return Ok(false) };
    let old = borrow_mut(cell)?.remove_slot(slot);
    drop(old);
    Ok(true)
}

/// The hash of a key, with the unhashable-set retry as a frozenset done by the caller.
pub fn add_key(vm: &mut Vm, cell: &SetCell, key: Value) -> PyResult<()> {
    let hash = vm.hash(&key)?;
    add_entry(vm, cell, key, hash)
}

/// Runs `f` with `key`, or with `frozenset(key)` if `key` is an unhashable set (CPython's
/// retry in `__contains__`, `remove` and `discard`).
pub fn with_hashable_key<R>(
    vm: &mut Vm,
    key: &Value,
    mut f: impl FnMut(&mut Vm, &Value, i64) -> PyResult<R>,
) -> PyResult<R> {
    match vm.hash(key) {
        Ok(h) => f(vm, key, h),
        Err(e) => {
            let is_set = matches!(key.payload(), Some(Payload::Set(_)))
                && !vm.is_instance(key, &vm.types.frozenset);
            if !is_set || !vm.err_matches(&e, ExcKind::TypeError) {
                return Err(e);
            }
            let ty = vm.types.frozenset.clone();
            let tmp = new_set(vm, &ty, Some(key))?;
            let h = vm.hash(&tmp)?;
            f(vm, &tmp, h)
        }
    }
}

fn cell_of(v: &Value) -> PyResult<&SetCell> {
    v.as_set()
        .ok_or_else(|| PyErr::internal("set operation on a non-set"))
}

fn is_exact_dict(vm: &Vm, v: &Value) -> bool {
    v.as_object().is_some_and(|o| o.has_type(&vm.types.dict))
}

/// The entries of a set, copied out so the set can change while they are used.
pub fn snapshot(cell: &SetCell) -> PyResult<Vec<(i64, Value)>> {
    Ok(borrow(cell)?
        .entries()
        .map(|(h, k)| (h, k.clone()))
        .collect())
}

/// CPython's `set_merge`: adds every key of set `src` to `dst`.
pub fn merge(vm: &mut Vm, dst: &Value, src: &Value) -> PyResult<()> {
    if dst.is(src) {
        return Ok(());
    }
    let (dc, sc) = (cell_of(dst)?, cell_of(src)?);
    {
        let s = borrow(sc)?;
        if s.is_empty() {
            return Ok(());
        }
        let mut d = borrow_mut(dc)?;
        d.reserve_for_merge(s.len());
        if d.copy_from_same_layout(&s) {
            return Ok(());
        }
        if d.fill() == 0 {
            d.merge_clean_from(&s);
            return Ok(());
        }
    }
    for (h, k) in snapshot(sc)? {
        add_entry(vm, dc, k, h)?;
    }
    Ok(())
}

/// CPython's `set_update_internal`: sets merge, exact dicts add their keys with the stored
/// hashes after one up-front resize, anything else is iterated.
pub fn update_internal(vm: &mut Vm, dst: &Value, other: &Value) -> PyResult<()> {
    if matches!(other.payload(), Some(Payload::Set(_))) {
        return merge(vm, dst, other);
    }
    let dc = cell_of(dst)?;
    if is_exact_dict(vm, other) {
        let entries: Vec<(i64, Value)> = match other.as_dict() {
            Some(t) => borrow(t)?.iter().map(|e| (e.hash, e.key.clone())).collect(),
            None => Vec::new(),
        };
        borrow_mut(dc)?.reserve_for_merge(entries.len());
        for (h, k) in entries {
            add_entry(vm, dc, k, h)?;
        }
        return Ok(());
    }
    let it = vm.iter(other)?;
    while let Some(k) = vm.next(&it)? {
        add_key(vm, dc, k)?;
    }
    Ok(())
}

/// `make_new_set(cls, iterable)`.
pub fn new_set(vm: &mut Vm, cls: &Value, iterable: Option<&Value>) -> PyResult<Value> {
    let s = Value::alloc(cls, Payload::Set(RefCell::new(SetTable::new())));
    if let Some(it) = iterable {
        update_internal(vm, &s, it)?;
    }
    Ok(s)
}

/// `make_new_set_basetype`: a new set or frozenset (never a subclass) like `like`.
pub fn new_set_basetype(vm: &mut Vm, like: &Value, iterable: Option<&Value>) -> PyResult<Value> {
    let cls = if vm.is_instance(like, &vm.types.set) {
        vm.types.set.clone()
    } else {
        vm.types.frozenset.clone()
    };
    new_set(vm, &cls, iterable)
}

/// `set_copy`.
pub fn copy(vm: &mut Vm, so: &Value) -> PyResult<Value> {
    new_set_basetype(vm, so, Some(so))
}

/// `set_intersection`.
pub fn intersection(vm: &mut Vm, so: &Value, other: &Value) -> PyResult<Value> {
    if so.is(other) {
        return copy(vm, so);
    }
    let result = new_set_basetype(vm, so, None)?;
    let rc = cell_of(&result)?;
    if let Some(oc) = other.as_set() {
        let sc = cell_of(so)?;
        let (big, small) = if borrow(oc)?.len() > borrow(sc)?.len() {
            (oc, sc)
        } else {
            (sc, oc)
        };
        for (h, k) in snapshot(small)? {
            if contains_entry(vm, big, &k, h)? {
                add_entry(vm, rc, k, h)?;
            }
        }
        return Ok(result);
    }
    let sc = cell_of(so)?;
    let it = vm.iter(other)?;
    while let Some(k) = vm.next(&it)? {
        let h = vm.hash(&k)?;
        if contains_entry(vm, sc, &k, h)? {
            add_entry(vm, rc, k, h)?;
            if borrow(rc)?.len() >= borrow(sc)?.len() {
                break;
            }
        }
    }
    Ok(result)
}

/// Replaces the contents of `a` with those of `b` (and vice versa).
pub fn swap_bodies(a: &Value, b: &Value) -> PyResult<()> {
    if a.is(b) {
        return Ok(());
    }
    let (ac, bc) = (cell_of(a)?, cell_of(b)?);
    std::mem::swap(&mut *borrow_mut(ac)?, &mut *borrow_mut(bc)?);
    Ok(())
}

/// Empties a set (`set_clear_internal`).
pub fn clear(so: &Value) -> PyResult<()> {
    let old = std::mem::take(&mut *borrow_mut(cell_of(so)?)?);
    drop(old);
    Ok(())
}

/// `set_difference_update_internal`.
pub fn difference_update(vm: &mut Vm, so: &Value, other: &Value) -> PyResult<()> {
    if so.is(other) {
        return clear(so);
    }
    let sc = cell_of(so)?;
    if let Some(oc) = other.as_set() {
        let entries = if (borrow(oc)?.len() >> 3) > borrow(sc)?.len() {
            let tmp = intersection(vm, so, other)?;
            snapshot(cell_of(&tmp)?)?
        } else {
            snapshot(oc)?
        };
        for (h, k) in entries {
            discard_entry(vm, sc, &k, h)?;
        }
    } else {
        let it = vm.iter(other)?;
        while let Some(k) = vm.next(&it)? {
            let h = vm.hash(&k)?;
            discard_entry(vm, sc, &k, h)?;
        }
    }
    let mut t = borrow_mut(sc)?;
    if t.fill() - t.len() <= t.mask() / 4 {
        return Ok(());
    }
    let used = t.len();
    t.resize(if used > 50000 { used * 2 } else { used * 4 });
    Ok(())
}

/// `set_difference`.
pub fn difference(vm: &mut Vm, so: &Value, other: &Value) -> PyResult<Value> {
    let other_size = if let Some(oc) = other.as_set() {
        borrow(oc)?.len()
    } else if is_exact_dict(vm, other) {
        other.as_dict().map(|d| d.borrow().len()).unwrap_or(0)
    } else {
        return copy_and_difference(vm, so, other);
    };
    let sc = cell_of(so)?;
    if (borrow(sc)?.len() >> 2) > other_size {
        return copy_and_difference(vm, so, other);
    }
    let result = new_set_basetype(vm, so, None)?;
    let rc = cell_of(&result)?;
    let entries = snapshot(sc)?;
    if let Some(oc) = other.as_set() {
        for (h, k) in entries {
            if !contains_entry(vm, oc, &k, h)? {
                add_entry(vm, rc, k, h)?;
            }
        }
    } else {
        for (h, k) in entries {
            if vm.dict_get(other, &k)?.is_none() {
                add_entry(vm, rc, k, h)?;
            }
        }
    }
    Ok(result)
}

fn copy_and_difference(vm: &mut Vm, so: &Value, other: &Value) -> PyResult<Value> {
    let result = copy(vm, so)?;
    difference_update(vm, &result, other)?;
    Ok(result)
}

/// Toggles each of `entries` in `so` (`set_symmetric_difference_update_set`/`_dict`).
fn toggle(vm: &mut Vm, sc: &SetCell, entries: Vec<(i64, Value)>) -> PyResult<()> {
    for (h, k) in entries {
        if !discard_entry(vm, sc, &k, h)? {
            add_entry(vm, sc, k, h)?;
        }
    }
    Ok(())
}

/// `set_symmetric_difference_update`.
pub fn symmetric_difference_update(vm: &mut Vm, so: &Value, other: &Value) -> PyResult<()> {
    if so.is(other) {
        return clear(so);
    }
    let sc = cell_of(so)?;
    let entries = if is_exact_dict(vm, other) {
        match other.as_dict() {
            Some(t) => borrow(t)?.iter().map(|e| (e.hash, e.key.clone())).collect(),
            None => Vec::new(),
        }
    } else if let Some(oc) = other.as_set() {
        snapshot(oc)?
    } else {
        let tmp = new_set_basetype(vm, so, Some(other))?;
        snapshot(cell_of(&tmp)?)?
    };
    toggle(vm, sc, entries)
}

/// `set_symmetric_difference`: a copy of `other` with the keys of `so` toggled in.
pub fn symmetric_difference(vm: &mut Vm, so: &Value, other: &Value) -> PyResult<Value> {
    let result = new_set_basetype(vm, so, None)?;
    update_internal(vm, &result, other)?;
    let entries = snapshot(cell_of(so)?)?;
    toggle(vm, cell_of(&result)?, entries)?;
    Ok(result)
}

/// `set_issubset`.
pub fn issubset(vm: &mut Vm, so: &Value, other: &Value) -> PyResult<bool> {
    let sc = cell_of(so)?;
    let Some(oc) = other.as_set() else {
        let tmp = intersection(vm, so, other)?;
        let n = borrow(cell_of(&tmp)?)?.len();
        return Ok(n == borrow(sc)?.len());
    };
    if borrow(sc)?.len() > borrow(oc)?.len() {
        return Ok(false);
    }
    for (h, k) in snapshot(sc)? {
        if !contains_entry(vm, oc, &k, h)? {
            return Ok(false);
        }
    }
    Ok(true)
}

/// `set_issuperset`.
pub fn issuperset(vm: &mut Vm, so: &Value, other: &Value) -> PyResult<bool> {
    if other.as_set().is_some() {
        return issubset(vm, other, so);
    }
    let sc = cell_of(so)?;
    let it = vm.iter(other)?;
    while let Some(k) = vm.next(&it)? {
        let h = vm.hash(&k)?;
        if !contains_entry(vm, sc, &k, h)? {
            return Ok(false);
        }
    }
    Ok(true)
}

/// `set_isdisjoint`.
pub fn isdisjoint(vm: &mut Vm, so: &Value, other: &Value) -> PyResult<bool> {
    let sc = cell_of(so)?;
    if so.is(other) {
        return Ok(borrow(sc)?.is_empty());
    }
    if let Some(oc) = other.as_set()
        && vm.is_exact_builtin(other)
    {
        let (big, small) = if borrow(oc)?.len() > borrow(sc)?.len() {
            (oc, sc)
        } else {
            (sc, oc)
        };
        for (h, k) in snapshot(small)? {
            if contains_entry(vm, big, &k, h)? {
                return Ok(false);
            }
        }
        return Ok(true);
    }
    let it = vm.iter(other)?;
    while let Some(k) = vm.next(&it)? {
        let h = vm.hash(&k)?;
        if contains_entry(vm, sc, &k, h)? {
            return Ok(false);
        }
    }
    Ok(true)
}

/// CPython's frozenset hash (for frozenset subclasses; exact ones are hashed by the core).
pub fn frozenset_hash(cell: &SetCell) -> PyResult<i64> {
    fn shuffle(h: u64) -> u64 {
        ((h ^ 89869747) ^ (h << 16)).wrapping_mul(3644798167)
    }
    let t = borrow(cell)?;
    let mut hash: u64 = 0;
    for (h, _) in t.entries() {
        hash ^= shuffle(h as u64);
    }
    hash ^= (t.len() as u64).wrapping_add(1).wrapping_mul(1927868237);
    hash ^= (hash >> 11) ^ (hash >> 25);
    hash = hash.wrapping_mul(69069).wrapping_add(907133923);
    let h = hash as i64;
    Ok(if h == -1 { 590923713 } else { h })
}
