//! `str` storage: UTF-8 text with its code-point length (so `len()` is O(1) and ASCII
//! strings index in O(1)) and a cached hash.

use std::cell::Cell;

/// The payload of a `str` object.
pub struct PyStr {
    text: Box<str>,
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
            char_len,
            hash: Cell::new(-1),
        }
    }

    #[inline]
    pub fn as_str(&self) -> &str {
        &self.text
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

    /// The code point at index `i` (0-based, already bounds-checked by the caller).
    pub fn char_at(&self, i: usize) -> Option<char> {
        if self.is_ascii() {
            self.text.as_bytes().get(i).map(|b| *b as char)
        } else {
            self.text.chars().nth(i)
        }
    }

    /// Byte offset of code point `i` (`i == char_len` gives the end).
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

    /// The substring of code points `start..end`.
    pub fn substring(&self, start: usize, end: usize) -> &str {
        if start >= end {
            return "";
        }
        let a = self.byte_offset(start);
        let b = self.byte_offset(end);
        &self.text[a..b]
    }
}
