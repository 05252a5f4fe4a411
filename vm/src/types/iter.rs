//! State of the builtin iterators (`list_iterator`, `range_iterator`, `enumerate`, `zip`,
//! `map`, `filter`, `reversed`, dict and set iterators, ...). One payload variant holds them
//! all; the object's type tells Python which kind it is.

use crate::object::Value;
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
