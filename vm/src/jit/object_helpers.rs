//! Helpers for the object operations traces call (`recorder::list_pop`, `recorder::arith`,
//! `recorder::alloc`): `list.pop` on an exact list, comparisons of exact strs, and allocating
//! an instance that escapes. Like every helper in `glue`, they
//! run no Python code and never raise: where the interpreter would raise (an empty list,
//! an index out of range) they return a sentinel without side effects, and the trace's
//! next guard leaves to the interpreter, which then runs the instruction itself.

use pyrite_jit::HelperTable;

use crate::jit::glue::{
    clone_trace_word, defer_release, deferred_count, has_exact_type, with_word,
};
use crate::jit::virtuals::instance_with;
use crate::object::Payload;

/// Helper names as traces declare them.
pub(crate) mod names {
    pub const LIST_POP: &str = "list_pop";
    pub const STR_EQ: &str = "str_eq";
    pub const STR_CMP: &str = "str_cmp";
    pub const NEW_INSTANCE: &str = "new_instance";
    pub const BUILD_LIST: &str = "build_list";
}

/// The most fields [`new_instance`] takes.
pub(crate) const MAX_FIELDS: usize = 8;

/// How many deferred references a trace may leave before an allocation refuses (the
/// trace then leaves, and the exit releases them): keeps a long-running loop that
/// allocates from growing memory without bound.
const DEFERRED_LIMIT: usize = 4096;

/// The first `count` of `words` as counted references for a new object, or `None` (nothing
/// taken) when `count` is out of range or too many references already wait in the
/// deferred releases.
fn counted_words(count: i64, words: [u64; MAX_FIELDS]) -> Option<Vec<crate::object::Value>> {
    if deferred_count() >= DEFERRED_LIMIT {
        return None;
    }
    let words = words.get(..usize::try_from(count).ok()?)?;
    Some(words.iter().map(|&w| clone_trace_word(w)).collect())
}

/// An instance of `class` in map `map` with the first `count` of the field words (what
/// `cls(...)` and its `__init__`'s attribute stores make): its word, or 0 (NULL, nothing
/// made) when too many references wait in the deferred releases. The new object's own
/// reference goes to the deferred releases, so it lives until the VM has the trace's
/// state back; whatever stores it (an attribute, a list, the frame at an exit) takes a
/// reference of its own.
#[allow(clippy::too_many_arguments)]
extern "C" fn new_instance(
    class: u64,
    map: i64,
    count: i64,
    f0: u64,
    f1: u64,
    f2: u64,
    f3: u64,
    f4: u64,
    f5: u64,
    f6: u64,
    f7: u64,
) -> u64 {
    let Some(slots) = counted_words(count, [f0, f1, f2, f3, f4, f5, f6, f7]) else {
        return 0;
    };
    let class = clone_trace_word(class);
    let object = instance_with(&class, map as u32, slots);
    let word = object.bits();
    defer_release(object);
    word
}

/// `list.pop(index)` on an exact list (a negative index counts from the end): the removed
/// item's word, or 0 (NULL) when the list is empty or the index out of range (nothing
/// removed). The list's reference to the item moves to the deferred releases, so the
/// word stays valid until the VM has the trace's state back.
extern "C" fn list_pop(list: u64, index: i64, type_bits: u64) -> u64 {
    with_word(list, |list| {
        if !has_exact_type(list, type_bits) {
            return 0;
        }
        let Some(Payload::List(cell)) = list.payload() else {
            return 0;
        };
        let Ok(mut items) = cell.try_borrow_mut() else {
            return 0;
        };
        let len = items.len() as i64;
        let at = if index < 0 { index + len } else { index };
        if at < 0 || at >= len {
            return 0;
        }
        let item = items.remove(at as usize);
        drop(items);
        let word = item.bits();
        defer_release(item);
        word
    })
}

/// `a == b` of two exact strs (1 or 0): equal code points (their generalized UTF-8, so
/// lone surrogates count as themselves).
extern "C" fn str_eq(a: u64, b: u64) -> i64 {
    if a == b {
        return 1;
    }
    with_word(a, |a| {
        with_word(b, |b| match (a.as_pystr(), b.as_pystr()) {
            (Some(x), Some(y)) => i64::from(x.wtf8() == y.wtf8()),
            _ => 0,
        })
    })
}

/// The order of two exact strs (-1, 0 or 1) by code points: generalized UTF-8 sorts as
/// its code points do.
extern "C" fn str_cmp(a: u64, b: u64) -> i64 {
    with_word(a, |a| {
        with_word(b, |b| match (a.as_pystr(), b.as_pystr()) {
            (Some(x), Some(y)) => x.wtf8().cmp(y.wtf8()) as i64,
            _ => 0,
        })
    })
}

/// `[f0, ..., f(count-1)]` (`BUILD_LIST`): a new exact list of `list_type` holding the
/// first `count` words, its reference deferred as [`new_instance`]'s; 0 (nothing made)
/// when too many references wait.
#[allow(clippy::too_many_arguments)]
extern "C" fn build_list(
    list_type: u64,
    count: i64,
    f0: u64,
    f1: u64,
    f2: u64,
    f3: u64,
    f4: u64,
    f5: u64,
    f6: u64,
    f7: u64,
) -> u64 {
    let Some(items) = counted_words(count, [f0, f1, f2, f3, f4, f5, f6, f7]) else {
        return 0;
    };
    let list_type = clone_trace_word(list_type);
    let list =
        crate::object::Value::alloc(&list_type, Payload::List(std::cell::RefCell::new(items)));
    let word = list.bits();
    defer_release(list);
    word
}

pub(crate) fn register(table: &mut HelperTable) {
    table.add(names::LIST_POP, list_pop as *const () as u64);
    table.add(names::STR_EQ, str_eq as *const () as u64);
    table.add(names::STR_CMP, str_cmp as *const () as u64);
    table.add(names::NEW_INSTANCE, new_instance as *const () as u64);
    table.add(names::BUILD_LIST, build_list as *const () as u64);
}
