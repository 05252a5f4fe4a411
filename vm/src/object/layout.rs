//! Where JIT code finds the items and length of a list or tuple inside its object.
//!
//! Rust does not promise the field order of `Vec`, `Box<[T]>` or an enum variant, but it
//! does promise one layout per type within a build. So instead of guessing, the offsets are
//! *measured* once on real objects: the address of the payload's vector (or boxed slice)
//! relative to the object, then which of its words holds the item pointer and which the
//! length (a list is probed with a capacity different from its length). Traces then read
//! `obj + items` and `obj + len` directly, after guarding the object's exact type.

#![allow(unsafe_code)]

use super::{Payload, Value};

/// Byte offsets from the start of a list or tuple object (its header) to the word holding
/// the item pointer and the word holding the item count.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SeqLayout {
    pub list_items: i32,
    pub list_len: i32,
    pub tuple_items: i32,
    pub tuple_len: i32,
}

/// The words of `count` machine words starting at `at`.
///
/// # Safety
/// `at` must point to `count` initialized, pointer-aligned words (a `Vec` or a fat `Box`
/// pointer: both consist of word-sized fields only, so there is no padding).
unsafe fn words(at: *const u8, count: usize) -> Vec<u64> {
    (0..count)
        // SAFETY: forwarded from this function's contract.
        .map(|i| unsafe { std::ptr::read(at.add(i * 8) as *const u64) })
        .collect()
}

/// The offsets of the word equal to `items` and the word equal to `len` among `fields`
/// (found at `at`), relative to `base`.
fn find(base: usize, at: usize, fields: &[u64], items: u64, len: u64) -> Option<(i32, i32)> {
    let items_at = fields.iter().position(|&w| w == items)?;
    let len_at = fields.iter().position(|&w| w == len)?;
    let offset = |i: usize| i32::try_from(at - base + i * 8).ok();
    Some((offset(items_at)?, offset(len_at)?))
}

/// Measures the layout on `list` (a list of 3 items with capacity 7) and `tuple` (a
/// tuple of 3 items); `None` if the probes are not such objects.
pub fn measure_seq_layout(list: &Value, tuple: &Value) -> Option<SeqLayout> {
    let list_obj = list.as_object()?;
    let tuple_obj = tuple.as_object()?;
    let (Payload::List(cell), Payload::Tuple(boxed)) = (&list_obj.payload, &tuple_obj.payload)
    else {
        return None;
    };
    let vec = cell.try_borrow().ok()?;
    if vec.len() != 3 || vec.capacity() == vec.len() || boxed.len() != 3 {
        return None;
    }
    const VEC_WORDS: usize = std::mem::size_of::<Vec<Value>>() / 8;
    const BOX_WORDS: usize = std::mem::size_of::<Box<[Value]>>() / 8;
    let vec_at = cell.as_ptr() as usize;
    // SAFETY: `vec_at` is the address of a live `Vec<Value>` (borrowed above), made of
    // `VEC_WORDS` word-sized fields.
    let vec_words = unsafe { words(vec_at as *const u8, VEC_WORDS) };
    let (list_items, list_len) = find(
        list_obj as *const _ as usize,
        vec_at,
        &vec_words,
        vec.as_ptr() as u64,
        vec.len() as u64,
    )?;
    let box_at = boxed as *const Box<[Value]> as usize;
    // SAFETY: `box_at` is the address of a live `Box<[Value]>`: a pointer and a length.
    let box_words = unsafe { words(box_at as *const u8, BOX_WORDS) };
    let (tuple_items, tuple_len) = find(
        tuple_obj as *const _ as usize,
        box_at,
        &box_words,
        boxed.as_ptr() as u64,
        boxed.len() as u64,
    )?;
    Some(SeqLayout {
        list_items,
        list_len,
        tuple_items,
        tuple_len,
    })
}
