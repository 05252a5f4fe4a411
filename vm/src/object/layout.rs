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

/// Byte offsets from the start of an instance object (its header) to the parts of its
/// `RefCell<InstanceAttrs>` a trace reads: the cell's borrow flag (a word, 0 when nobody
/// borrows it), the map id (a `u32`; the word read there is masked to its low 32 bits) and
/// the slot vector's item pointer and length.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct InstanceLayout {
    pub borrow_flag: i32,
    pub map: i32,
    pub values: i32,
    pub values_len: i32,
}

/// A map id no real map has, to find the map field by its bytes.
const PROBE_MAP: u32 = 0x5EED_CAFE;

/// Measures the layout on a fresh probe instance of `ty` (any type; the probe is freed at
/// once and never seen by Python code); `None` if a field cannot be found unambiguously.
pub fn measure_instance_layout(ty: &Value) -> Option<InstanceLayout> {
    use crate::types::attr_map::InstanceAttrs;
    use std::cell::RefCell;
    let mut attrs = InstanceAttrs::new(PROBE_MAP, 0);
    attrs.values = Vec::with_capacity(7);
    attrs.values.extend((0..3).filter_map(Value::try_small_int));
    let probe = Value::alloc(ty, Payload::Instance(RefCell::new(attrs)));
    let obj = probe.as_object()?;
    let Payload::Instance(cell) = &obj.payload else {
        return None;
    };
    const CELL_WORDS: usize = std::mem::size_of::<RefCell<InstanceAttrs>>() / 8;
    let base = obj as *const _ as usize;
    let cell_at = cell as *const RefCell<InstanceAttrs> as usize;
    let object_end = base + std::mem::size_of_val(obj);
    let cell_end = cell_at + CELL_WORDS * 8;
    if cell_end > object_end {
        return None;
    }
    // SAFETY: `cell_at` is the address of a live `RefCell<InstanceAttrs>`, read as
    // `CELL_WORDS` words while nothing borrows it mutably (only the probe's own shared
    // borrow below, which changes the flag through a `Cell`).
    let free = unsafe { words(cell_at as *const u8, CELL_WORDS) };
    let (values_ptr, held) = {
        let held = cell.try_borrow().ok()?;
        // SAFETY: as above; the shared borrow is live, so the flag word reads 1.
        let borrowed = unsafe { words(cell_at as *const u8, CELL_WORDS) };
        (held.values.as_ptr() as u64, borrowed)
    };
    let offset = |i: usize| i32::try_from(cell_at - base + i * 8).ok();
    let flag_words: Vec<usize> = (0..CELL_WORDS)
        .filter(|&i| free[i] == 0 && held[i] == 1)
        .collect();
    let [flag] = flag_words[..] else {
        return None;
    };
    let values_at = free.iter().position(|&w| w == values_ptr)?;
    let len_words: Vec<usize> = (0..CELL_WORDS).filter(|&i| free[i] == 3).collect();
    let [len_at] = len_words[..] else {
        return None;
    };
    // The map's four bytes, at a 4-byte boundary, with room for a whole word after them.
    let bytes: Vec<u8> = free.iter().flat_map(|w| w.to_ne_bytes()).collect();
    let map_at = (0..bytes.len().saturating_sub(3))
        .step_by(4)
        .filter(|&at| bytes[at..at + 4] == PROBE_MAP.to_ne_bytes())
        .collect::<Vec<_>>();
    let [map_byte] = map_at[..] else {
        return None;
    };
    let map = i32::try_from(cell_at - base + map_byte).ok()?;
    if cell_at + map_byte + 8 > object_end || !cfg!(target_endian = "little") {
        return None;
    }
    Some(InstanceLayout {
        borrow_flag: offset(flag)?,
        map,
        values: offset(values_at)?,
        values_len: offset(len_at)?,
    })
}
