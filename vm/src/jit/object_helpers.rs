//! Helpers for the object operations traces call (`recorder::list_pop`, `recorder::arith`):
//! `list.pop` on an exact list and `==` of exact strs. Like every helper in `glue`, they
//! run no Python code and never raise: where the interpreter would raise (an empty list,
//! an index out of range) they return a sentinel without side effects, and the trace's
//! next guard leaves to the interpreter, which then runs the instruction itself.

use pyrite_jit::HelperTable;

use crate::jit::glue::{defer_release, has_exact_type, with_word};
use crate::object::Payload;

/// Helper names as traces declare them.
pub(crate) mod names {
    pub const LIST_POP: &str = "list_pop";
    pub const STR_EQ: &str = "str_eq";
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

/// `a == b` of two exact strs (1 or 0): equal code points.
extern "C" fn str_eq(a: u64, b: u64) -> i64 {
    if a == b {
        return 1;
    }
    with_word(a, |a| {
        with_word(b, |b| match (a.as_str(), b.as_str()) {
            (Some(x), Some(y)) => i64::from(x == y),
            _ => 0,
        })
    })
}

pub(crate) fn register(table: &mut HelperTable) {
    table.add(names::LIST_POP, list_pop as *const () as u64);
    table.add(names::STR_EQ, str_eq as *const () as u64);
}
