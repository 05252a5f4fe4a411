//! The VM side of the boundary with native trace code: the runtime helpers traces call (by
//! address, with value words) and the functions that turn the words a trace left behind
//! back into counted `Value`s. With `jit::code`, the only place outside `object/` that
//! handles raw value words, hence `unsafe`.
//!
//! Every helper runs no Python code and never raises: when it cannot do its job exactly
//! (not the exact builtin type, an index out of range, a borrowed `RefCell`) it returns a
//! sentinel *without side effects*, and the trace's next guard leaves to the interpreter,
//! which then executes the instruction itself (and raises, if that is what it does).

#![allow(unsafe_code)]

use pyrite_jit::HelperTable;

use crate::object::{Payload, Value};
use crate::types::iter::IterState;

/// Runs `f` on the value behind a word a trace passed to a helper.
pub(crate) fn with_word<R>(word: u64, f: impl FnOnce(&Value) -> R) -> R {
    // SAFETY: helpers are only called by traces, whose value words are borrowed from the
    // slot array (copied from live frame slots and globals that keep their references while
    // the trace runs), from list items (lists are not mutated by traces), or from trace
    // constants kept alive by the compiled trace's dependencies.
    unsafe { Value::with_word(word, f) }
}

/// A counted reference to the value behind a word a trace left in its slot array.
pub(crate) fn clone_trace_word(word: u64) -> Value {
    // SAFETY: as in `with_word`: exits run before anything that could free the sources of
    // the trace's borrowed words (the write-back clones every word before replacing any).
    unsafe { Value::clone_word(word) }
}

/// Whether `v` is an object of exactly the type at address `type_bits`.
pub(crate) fn has_exact_type(v: &Value, type_bits: u64) -> bool {
    v.as_object().is_some_and(|o| o.type_bits() == type_bits)
}

/// `seq[index]` for an exact list or tuple (negative indices count from the end): the
/// item's word, or 0 (NULL) when out of range or not applicable.
extern "C" fn seq_item(seq: u64, index: i64, type_bits: u64) -> u64 {
    with_word(seq, |seq| {
        if !has_exact_type(seq, type_bits) {
            return 0;
        }
        let item = |items: &[Value]| -> u64 {
            let len = items.len() as i64;
            let i = if index < 0 { index + len } else { index };
            if (0..len).contains(&i) {
                items[i as usize].bits()
            } else {
                0
            }
        };
        match seq.payload() {
            Some(Payload::List(list)) => list.try_borrow().map(|l| item(&l)).unwrap_or(0),
            Some(Payload::Tuple(items)) => item(items),
            _ => 0,
        }
    })
}

/// `len(obj)` for an exact list, tuple, str or dict, or -1 (lists and tuples are read
/// inline by traces; the others come here).
extern "C" fn seq_len(seq: u64, type_bits: u64) -> i64 {
    with_word(seq, |seq| {
        if !has_exact_type(seq, type_bits) {
            return -1;
        }
        match seq.payload() {
            Some(Payload::List(list)) => list.try_borrow().map(|l| l.len() as i64).unwrap_or(-1),
            Some(Payload::Tuple(items)) => items.len() as i64,
            Some(Payload::Str(s)) => s.char_len() as i64,
            Some(Payload::Dict(d)) => d.try_borrow().map(|d| d.len() as i64).unwrap_or(-1),
            _ => -1,
        }
    })
}

/// `list.append(item)` on a list the trace guarded to be exactly a list (the list takes a
/// reference). No `RefCell` borrow is held while a trace runs, so it always appends; the
/// checks only keep a broken invariant from becoming memory unsafety.
extern "C" fn list_append(list: u64, item: u64, type_bits: u64) {
    with_word(list, |list| {
        if !has_exact_type(list, type_bits) {
            return;
        }
        if let Some(Payload::List(cell)) = list.payload()
            && let Ok(mut items) = cell.try_borrow_mut()
        {
            items.push(clone_trace_word(item));
        }
    })
}

/// Whether the immediate `x` equals `item` by Python's `==`, when that needs no Python
/// code: immediates compare by value (`1 == 1.0 == True`); `None` for a heap item, whose
/// `__eq__` might run code.
fn immediate_eq(x: &Value, item: &Value) -> Option<bool> {
    if item.is(x) {
        return Some(true);
    }
    if item.is_heap() {
        return None;
    }
    let number = |v: &Value| {
        v.as_small_int()
            .map(|i| i as f64)
            .or_else(|| v.as_immediate_float())
            .or_else(|| v.as_bool().map(|b| if b { 1.0 } else { 0.0 }))
    };
    Some(match (number(x), number(item)) {
        // Small ints are exact in f64 (48 bits).
        (Some(a), Some(b)) => a == b,
        _ => false,
    })
}

/// `x in items` for an immediate `x`, scanning as CPython does (identity, then `==`):
/// `None` if an item before the first match is a heap object (its `__eq__` decides).
pub(crate) fn immediate_in(x: &Value, items: &[Value]) -> Option<bool> {
    for item in items {
        if immediate_eq(x, item)? {
            return Some(true);
        }
    }
    Some(false)
}

/// `x in seq` for an exact list or tuple and an immediate `x`: 1 or 0, or -1 when it
/// cannot be decided without running Python code.
extern "C" fn seq_contains(seq: u64, x: u64, type_bits: u64) -> i64 {
    let Some(x) = Value::from_immediate_word(x) else {
        return -1;
    };
    with_word(seq, |seq| {
        if !has_exact_type(seq, type_bits) {
            return -1;
        }
        let found = match seq.payload() {
            Some(Payload::List(list)) => match list.try_borrow() {
                Ok(items) => immediate_in(&x, &items),
                Err(_) => None,
            },
            Some(Payload::Tuple(items)) => immediate_in(&x, items),
            _ => None,
        };
        found.map_or(-1, i64::from)
    })
}

/// The next item of a range, list or tuple iterator *without advancing it*: its word, or 0
/// when exhausted, not such an iterator, or a range value outside the small-int range.
extern "C" fn iter_peek(it: u64) -> u64 {
    with_word(it, |it| {
        let Some(Payload::Iterator(state)) = it.payload() else {
            return 0;
        };
        let Ok(state) = state.try_borrow() else {
            return 0;
        };
        match &*state {
            IterState::Range { next, stop, step } => {
                let more = if *step > 0 { next < stop } else { next > stop };
                if !more {
                    return 0;
                }
                Value::try_small_int(*next).map_or(0, |v| v.bits())
            }
            IterState::Seq { seq, index } => match seq.payload() {
                Some(Payload::List(l)) => l
                    .try_borrow()
                    .ok()
                    .and_then(|l| l.get(*index).map(Value::bits))
                    .unwrap_or(0),
                Some(Payload::Tuple(t)) => t.get(*index).map_or(0, Value::bits),
                _ => 0,
            },
            _ => 0,
        }
    })
}

/// Advances an iterator whose next item `iter_peek` just returned (as the interpreter's
/// `FOR_ITER` does).
extern "C" fn iter_advance(it: u64) {
    with_word(it, |it| {
        let Some(Payload::Iterator(state)) = it.payload() else {
            return;
        };
        let Ok(mut state) = state.try_borrow_mut() else {
            return;
        };
        match &mut *state {
            IterState::Range { next, stop, step } => match next.checked_add(*step) {
                Some(n) => *next = n,
                None => *stop = *next,
            },
            IterState::Seq { index, .. } => *index += 1,
            _ => {}
        }
    })
}

thread_local! {
    /// References traces gave up whose count reached zero while the trace still held the
    /// object in a register (a local the interpreter would own): released once the VM
    /// has the trace's state back (after an exit's write-back, before a residual call).
    static DEFERRED_RELEASES: std::cell::RefCell<Vec<Value>> = const { std::cell::RefCell::new(Vec::new()) };
}

/// A trace's `decref` of the last counted reference to `word`. The recorder only lets that
/// happen when the trace itself still holds the object where the interpreter would hold
/// a reference (a frame slot of the exit's snapshot), so it must stay alive until the
/// exit writes that slot back: the release waits for [`drain_releases`].
extern "C" fn release(word: u64) {
    // SAFETY: compiled code calls this only with a counted reference it owns (an
    // overwritten attribute value) whose count it found at one; it is released once.
    let value = unsafe { Value::from_owned_word(word) };
    let _ = DEFERRED_RELEASES.try_with(|list| match list.try_borrow_mut() {
        Ok(mut list) => list.push(value),
        // Cannot happen (nothing borrows it across a trace); leak rather than free a
        // value the trace may still use.
        Err(_) => std::mem::forget(value),
    });
}

/// Releases `value` with the references traces deferred: a write into the frame made
/// while native code still runs (see `nest_link`), an item `list.pop` removed or an
/// object a trace allocated (`object_helpers`), which the trace holds only as a borrowed
/// word until the VM has its state back.
pub(crate) fn defer_release(value: Value) {
    let _ = DEFERRED_RELEASES.try_with(|list| match list.try_borrow_mut() {
        Ok(mut list) => list.push(value),
        Err(_) => std::mem::forget(value),
    });
}

/// How many references wait in the deferred releases.
pub(crate) fn deferred_count() -> usize {
    DEFERRED_RELEASES
        .try_with(|list| list.try_borrow().map_or(usize::MAX, |l| l.len()))
        .unwrap_or(usize::MAX)
}

/// Releases the references traces deferred (see [`release`]).
pub(crate) fn drain_releases() {
    loop {
        let taken = DEFERRED_RELEASES
            .try_with(|list| list.try_borrow_mut().map(|mut l| std::mem::take(&mut *l)))
            .ok()
            .and_then(Result::ok)
            .unwrap_or_default();
        if taken.is_empty() {
            return;
        }
        // Finalizers run here, outside the borrow, and may defer more.
        drop(taken);
    }
}

/// `len(obj)` for an exact str (code points) or dict, or -1.
extern "C" fn obj_len(obj: u64, type_bits: u64) -> i64 {
    with_word(obj, |obj| {
        if !has_exact_type(obj, type_bits) {
            return -1;
        }
        match obj.payload() {
            Some(Payload::Str(s)) => s.char_len() as i64,
            Some(Payload::Dict(d)) => d.try_borrow().map(|t| t.len() as i64).unwrap_or(-1),
            _ => -1,
        }
    })
}

/// The contents of a cell (a free variable of an inlined closure), or 0 when empty.
extern "C" fn cell_get(cell: u64) -> u64 {
    with_word(cell, |cell| match cell.payload() {
        Some(Payload::Cell(c)) => c.try_borrow().map_or(0, |v| v.bits()),
        _ => 0,
    })
}

/// Helper names as traces declare them.
pub(crate) mod names {
    pub const SEQ_ITEM: &str = "seq_item";
    pub const SEQ_LEN: &str = "seq_len";
    pub const ITER_PEEK: &str = "iter_peek";
    pub const ITER_ADVANCE: &str = "iter_advance";
    pub const LIST_APPEND: &str = "list_append";
    pub const SEQ_CONTAINS: &str = "seq_contains";
    pub const OBJ_LEN: &str = "obj_len";
    pub const CELL_GET: &str = "cell_get";
}

/// The table handed to the backend.
pub(crate) fn helper_table() -> HelperTable {
    let mut table = HelperTable::new();
    table.add(pyrite_ir::abi::RELEASE_HELPER, release as *const () as u64);
    table.add(names::SEQ_ITEM, seq_item as *const () as u64);
    table.add(names::SEQ_LEN, seq_len as *const () as u64);
    table.add(names::ITER_PEEK, iter_peek as *const () as u64);
    table.add(names::ITER_ADVANCE, iter_advance as *const () as u64);
    table.add(names::LIST_APPEND, list_append as *const () as u64);
    table.add(names::SEQ_CONTAINS, seq_contains as *const () as u64);
    table.add(names::OBJ_LEN, obj_len as *const () as u64);
    table.add(names::CELL_GET, cell_get as *const () as u64);
    crate::jit::math_helpers::register(&mut table);
    crate::jit::residual::register(&mut table);
    crate::jit::number_helpers::register(&mut table);
    crate::jit::dict_helpers::register(&mut table);
    crate::jit::object_helpers::register(&mut table);
    table
}
