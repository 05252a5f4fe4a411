//! Inline fast paths of `BINARY_SUBSCR` and `STORE_SUBSCR` for the commonest case: an exact
//! `list` or `tuple` indexed by a small int that is in range. Anything else (subclasses,
//! slices, big or out-of-range indices, other containers) returns None and the generic
//! instruction runs, raising CPython's errors.

use crate::object::{Payload, Value};
use crate::vm::Vm;

/// `i` (negative counts from the end) as a position in a sequence of `len` items.
#[inline(always)]
fn position(i: i64, len: usize) -> Option<usize> {
    let len = i64::try_from(len).ok()?;
    let at = if i < 0 { i + len } else { i };
    if (0..len).contains(&at) {
        usize::try_from(at).ok()
    } else {
        None
    }
}

impl Vm {
    /// `obj[key]` for an exact list or tuple and an in-range small int.
    #[inline(always)]
    pub(crate) fn subscript_fast(&self, obj: &Value, key: &Value) -> Option<Value> {
        let i = key.as_small_int()?;
        let o = obj.as_object()?;
        match &o.payload {
            Payload::List(l) if o.has_type(&self.types.list) => {
                let items = l.try_borrow().ok()?;
                items.get(position(i, items.len())?).cloned()
            }
            Payload::Tuple(t) if o.has_type(&self.types.tuple) => {
                t.get(position(i, t.len())?).cloned()
            }
            _ => None,
        }
    }

    /// `obj[key] = value` for an exact list and an in-range small int; gives `value` back
    /// otherwise. The replaced item is returned so the caller drops it at a safe point.
    #[inline(always)]
    pub(crate) fn store_subscript_fast(
        &self,
        obj: &Value,
        key: &Value,
        value: Value,
    ) -> Result<Value, Value> {
        let Some(i) = key.as_small_int() else {
            return Err(value);
        };
        let Some(o) = obj.as_object() else {
            return Err(value);
        };
        let Payload::List(l) = &o.payload else {
            return Err(value);
        };
        if !o.has_type(&self.types.list) {
            return Err(value);
        }
        let Ok(mut items) = l.try_borrow_mut() else {
            return Err(value);
        };
        match position(i, items.len()) {
            Some(at) => Ok(std::mem::replace(&mut items[at], value)),
            None => Err(value),
        }
    }
}
