//! `str` storage: UTF-8 text with its code-point length (so `len()` is O(1) and ASCII
//! strings index in O(1)) and a cached hash.
//!
//! Lone surrogates: a `str` may hold the code points U+D800..U+DFFF (from `'\ud800'`,
//! `chr(0xD800)`, `surrogateescape` decoding, ...), which a Rust `str` cannot. Such a string
//! additionally keeps its exact text as generalized UTF-8 (`text::wtf8`), and its `text`
//! holds U+FFFD in place of each surrogate (same code-point count, so indices agree). The
//! common case pays nothing: `as_str()` stays a plain `&str`, and only the operations that
//! must see surrogates (indexing, slicing, concatenation, comparison, hashing, repr,
//! codecs, printing) look at `wtf8()`/`code_points()`.

use std::cell::Cell;
use std::cmp::Ordering;

use crate::text::wtf8::{self, CodePoints};

/// The payload of a `str` object.
pub struct PyStr {
    /// The text; for a string with lone surrogates, each surrogate reads as U+FFFD here.
    text: Box<str>,
    /// Only for a string with lone surrogates: its exact code points as generalized UTF-8.
    surrogate_text: Option<Box<[u8]>>,
    char_len: usize,
    /// Cached `hash()`; `-1` until computed (a real hash is never -1).
    hash: Cell<i64>,
}

impl PyStr {
    pub fn new(text: impl Into<Box<str>>) -> PyStr {
        let text = text.into();
        let char_len = if text.is_ascii() {
            text.len()
        } else {
            text.chars().count()
        };
        PyStr {
            text,
            surrogate_text: None,
            char_len,
            hash: Cell::new(-1),
        }
    }

    /// A string from well-formed generalized UTF-8 (which may encode lone surrogates).
    pub fn from_wtf8(bytes: Vec<u8>) -> PyStr {
        match String::from_utf8(bytes) {
            Ok(text) => PyStr::new(text),
            Err(e) => {
                let bytes = e.into_bytes();
                let mut s = PyStr::new(wtf8::to_lossy_string(&bytes));
                s.surrogate_text = Some(bytes.into_boxed_slice());
                s
            }
        }
    }

    /// A string from code points (surrogates allowed; each at most 0x10FFFF).
    pub fn from_code_points(cps: impl IntoIterator<Item = u32>) -> PyStr {
        PyStr::from_wtf8(wtf8::from_code_points(cps))
    }

    /// A copy holding the same code points (for `str` subclass instances).
    pub fn exact_copy(&self) -> PyStr {
        PyStr::from_wtf8(self.wtf8().to_vec())
    }

    /// The text as a Rust string; lone surrogates read as U+FFFD (see the module doc).
    #[inline]
    pub fn as_str(&self) -> &str {
        &self.text
    }

    /// Whether the string holds any lone surrogate.
    #[inline]
    pub fn has_surrogates(&self) -> bool {
        self.surrogate_text.is_some()
    }

    /// The exact text as generalized UTF-8 (plain UTF-8 without surrogates).
    #[inline]
    pub fn wtf8(&self) -> &[u8] {
        match &self.surrogate_text {
            Some(b) => b,
            None => self.text.as_bytes(),
        }
    }

    /// The exact code points.
    pub fn code_points(&self) -> CodePoints<'_> {
        CodePoints::new(self.wtf8())
    }

    /// Whether two strings hold the same code points.
    #[inline]
    pub fn same_text(&self, other: &PyStr) -> bool {
        self.text == other.text && self.surrogate_text == other.surrogate_text
    }

    /// Code-point order of two strings.
    pub fn cmp_text(&self, other: &PyStr) -> Ordering {
        self.wtf8().cmp(other.wtf8())
    }

    /// Number of code points.
    #[inline]
    pub fn char_len(&self) -> usize {
        self.char_len
    }

    #[inline]
    pub fn is_ascii(&self) -> bool {
        self.char_len == self.text.len()
    }

    pub fn cached_hash(&self) -> Option<i64> {
        let h = self.hash.get();
        if h == -1 { None } else { Some(h) }
    }

    pub fn set_cached_hash(&self, h: i64) {
        self.hash.set(h);
    }

    /// The code point at index `i` (0-based, already bounds-checked by the caller); lone
    /// surrogates read as U+FFFD (use [`PyStr::code_point_at`] for the exact value).
    pub fn char_at(&self, i: usize) -> Option<char> {
        if self.is_ascii() {
            self.text.as_bytes().get(i).map(|b| *b as char)
        } else {
            self.text.chars().nth(i)
        }
    }

    /// The exact code point at index `i`.
    pub fn code_point_at(&self, i: usize) -> Option<u32> {
        if self.has_surrogates() {
            self.code_points().nth(i)
        } else {
            self.char_at(i).map(u32::from)
        }
    }

    /// Byte offset of code point `i` in `as_str()` (`i == char_len` gives the end).
    pub fn byte_offset(&self, i: usize) -> usize {
        if self.is_ascii() {
            i.min(self.text.len())
        } else {
            self.text
                .char_indices()
                .nth(i)
                .map(|(b, _)| b)
                .unwrap_or(self.text.len())
        }
    }

    /// The substring of code points `start..end` of `as_str()`.
    pub fn substring(&self, start: usize, end: usize) -> &str {
        if start >= end {
            return "";
        }
        let a = self.byte_offset(start);
        let b = self.byte_offset(end);
        &self.text[a..b]
    }

    /// The exact substring of code points `start..end`, surrogates kept.
    pub fn substring_exact(&self, start: usize, end: usize) -> PyStr {
        if self.has_surrogates() {
            PyStr::from_code_points(
                self.code_points()
                    .skip(start)
                    .take(end.saturating_sub(start)),
            )
        } else {
            PyStr::new(self.substring(start, end))
        }
    }
}
