//! State of the builtin iterators (`list_iterator`, `range_iterator`, `enumerate`, `zip`,
//! `map`, `filter`, `reversed`, dict and set iterators, ...). One payload variant holds them
//! all; the object's type tells Python which kind it is.

use crate::object::{Payload, Value};
use crate::types::payload::DictViewKind;

pub enum IterState {
    /// Iteration finished (iterators stay exhausted).
    Exhausted,
    /// Over a list, tuple, str (by code point), bytes, bytearray, or anything with
    /// `__getitem__` (`index` counts items taken).
    Seq {
        seq: Value,
        index: usize,
    },
    /// Over a str: `pos` is a byte offset.
    Str {
        text: Value,
        pos: usize,
    },
    /// `range` with machine-int bounds.
    Range {
        next: i64,
        stop: i64,
        step: i64,
    },
    /// `range` with big-int bounds.
    BigRange {
        next: Value,
        stop: Value,
        step: Value,
    },
    /// Over a dict view or the dict itself; `pos` is the raw entry position and `len` the
    /// size at start (to detect "changed size during iteration"); `remaining` counts the
    /// items still expected (to detect "keys changed during iteration").
    Dict {
        dict: Value,
        pos: usize,
        len: usize,
        remaining: usize,
        kind: DictViewKind,
    },
    /// Over a set; `pos` is the raw slot position.
    Set {
        set: Value,
        pos: usize,
        len: usize,
    },
    /// `reversed()` over a sequence: yields `seq[index - 1]` down to `seq[0]`.
    Reversed {
        seq: Value,
        index: usize,
    },
    Enumerate {
        iter: Value,
        count: Value,
    },
    Zip {
        iters: Vec<Value>,
        strict: bool,
    },
    Map {
        func: Value,
        iters: Vec<Value>,
    },
    Filter {
        func: Value,
        iter: Value,
    },
    /// `iter(callable, sentinel)`.
    Callable {
        func: Value,
        sentinel: Value,
    },
}

/// Result of the inline `FOR_ITER` paths.
pub(crate) enum FastNext {
    Int(i64),
    Item(Value),
    Done,
}

/// `next()` of range, list and tuple iterators without leaving the loop; `None` for
/// other iterators. Runs no Python code.
#[inline]
pub(crate) fn fast_iter_next(it: &Value) -> Option<FastNext> {
    let Some(Payload::Iterator(state)) = it.payload() else {
        return None;
    };
    let mut state = state.try_borrow_mut().ok()?;
    match &mut *state {
        IterState::Range { next, stop, step } => {
            let current = *next;
            let more = if *step > 0 {
                current < *stop
            } else {
                current > *stop
            };
            if !more {
                *state = IterState::Exhausted;
                return Some(FastNext::Done);
            }
            match current.checked_add(*step) {
                Some(n) => *next = n,
                None => *stop = current,
            }
            Some(FastNext::Int(current))
        }
        IterState::Seq { seq, index } => {
            let item = match seq.payload() {
                Some(Payload::List(l)) => l.try_borrow().ok()?.get(*index).cloned(),
                Some(Payload::Tuple(t)) => t.get(*index).cloned(),
                _ => return None,
            };
            match item {
                Some(v) => {
                    *index += 1;
                    Some(FastNext::Item(v))
                }
                None => {
                    *state = IterState::Exhausted;
                    Some(FastNext::Done)
                }
            }
        }
        IterState::Exhausted => Some(FastNext::Done),
        _ => None,
    }
}
