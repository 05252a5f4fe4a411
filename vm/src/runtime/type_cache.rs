//! The type attribute cache (CPython's method cache): remembers where a name was found
//! along a type's MRO — or that it is found nowhere — keyed by the type's version tag and
//! the name, so repeated `lookup_type_attr` calls (every generic attribute access, every
//! special-method lookup) skip hashing the name and probing each dict of the MRO.
//!
//! Validity: a type's version tag changes whenever it or a base is mutated (through
//! `setattr`/`delattr` on the class, `__bases__` changes, ...), and tags are never reused,
//! so a slot whose tag matches describes the current MRO. The cache keeps no values alive:
//! a hit records the MRO position and dict entry index, and the entry is re-read (its key
//! checked) at each hit, so a value replaced in place is seen at once.

use std::cell::RefCell;

use crate::object::Value;
use crate::types::typeobj::TypeData;

/// Number of slots (a power of two).
const SLOTS: usize = 1024;

/// What a lookup found.
#[derive(Clone, Copy)]
enum Found {
    /// The name is in no dict of the MRO.
    Absent,
    /// The name is entry `index` of the dict of the class at MRO position `pos`.
    At { pos: u32, index: u32 },
}

struct Slot {
    /// The type's version tag; 0 marks an empty slot (0 is never a valid tag).
    version: u32,
    name: String,
    found: Found,
}

/// The cache; one per interpreter.
pub struct TypeAttrCache {
    slots: RefCell<Vec<Slot>>,
}

impl Default for TypeAttrCache {
    fn default() -> Self {
        TypeAttrCache {
            slots: RefCell::new(
                (0..SLOTS)
                    .map(|_| Slot {
                        version: 0,
                        name: String::new(),
                        found: Found::Absent,
                    })
                    .collect(),
            ),
        }
    }
}

/// The slot for `name` in `version`: a hash of the version, the name's length and the
/// address of its text. Most lookups pass the same string (a literal such as `"__add__"`
/// or an interned name) every time, so hashing the address instead of the bytes is cheap
/// and stable; the same name at another address merely takes another slot. Hits are still
/// confirmed by comparing the text.
#[inline]
fn slot_index(version: u32, name: &str) -> usize {
    const K: u64 = 0x517c_c1b7_2722_0a95;
    let h = u64::from(version).wrapping_mul(K);
    let h = (h.rotate_left(5) ^ name.as_ptr() as u64).wrapping_mul(K);
    let h = (h.rotate_left(5) ^ name.len() as u64).wrapping_mul(K);
    (h >> 32) as usize & (SLOTS - 1)
}

/// Name equality without a `memcmp` call (names are short).
#[inline(always)]
fn same_name(a: &str, b: &str) -> bool {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    if a.len() != b.len() {
        return false;
    }
    let mut left = a.chunks_exact(8);
    let mut right = b.chunks_exact(8);
    for (x, y) in (&mut left).zip(&mut right) {
        let word = |c: &[u8]| <[u8; 8]>::try_from(c).map_or(0, u64::from_ne_bytes);
        if word(x) != word(y) {
            return false;
        }
    }
    left.remainder()
        .iter()
        .zip(right.remainder())
        .all(|(x, y)| x == y)
}

/// The dict of the class at MRO position `pos` of `ty` (0 is `ty` itself), run through `f`.
fn with_mro_dict<R>(ty: &TypeData, pos: usize, f: impl FnOnce(&Value) -> Option<R>) -> Option<R> {
    if pos == 0 {
        return f(&ty.dict);
    }
    let tail = ty.mro_tail.try_borrow().ok()?;
    f(&tail.get(pos - 1)?.as_type_data()?.dict)
}

/// The value of entry `index` of `dict` if its key is still the str `name`.
fn entry_value(dict: &Value, index: usize, name: &str) -> Option<Value> {
    let table = dict.as_dict()?.try_borrow().ok()?;
    let e = table.entry(index)?;
    (e.key.as_str() == Some(name)).then(|| e.value.clone())
}

impl TypeAttrCache {
    /// `name` looked up along `ty`'s MRO (no descriptors are invoked).
    pub fn lookup(&self, ty: &TypeData, name: &str) -> Option<Value> {
        let version = ty.version();
        if version == 0 {
            return uncached_lookup(ty, name).map(|(_, _, v)| v);
        }
        let at = slot_index(version, name);
        let cached = self.slots.try_borrow().ok().and_then(|slots| {
            let slot = &slots[at];
            (slot.version == version && same_name(&slot.name, name)).then_some(slot.found)
        });
        match cached {
            Some(Found::Absent) => return None,
            Some(Found::At { pos, index }) => {
                if let Some(v) =
                    with_mro_dict(ty, pos as usize, |d| entry_value(d, index as usize, name))
                {
                    return Some(v);
                }
            }
            None => {}
        }
        let result = uncached_lookup(ty, name);
        let found = match &result {
            None => Some(Found::Absent),
            Some((pos, index, _)) => match (u32::try_from(*pos), u32::try_from(*index)) {
                (Ok(pos), Ok(index)) => Some(Found::At { pos, index }),
                _ => None,
            },
        };
        if let Some(found) = found
            && let Ok(mut slots) = self.slots.try_borrow_mut()
        {
            let slot = &mut slots[at];
            slot.version = version;
            slot.name.clear();
            slot.name.push_str(name);
            slot.found = found;
        }
        result.map(|(_, _, v)| v)
    }
}

/// Walks the MRO: (position, dict entry index, value) of the first class defining `name`.
fn uncached_lookup(ty: &TypeData, name: &str) -> Option<(usize, usize, Value)> {
    let hash = crate::runtime::hashing::str_hash_cached(name);
    let find = |dict: &Value| -> Option<(usize, Value)> {
        let table = dict.as_dict()?.try_borrow().ok()?;
        let i = table.find_str(hash, name)?;
        Some((i, table.entry(i)?.value.clone()))
    };
    if let Some((i, v)) = find(&ty.dict) {
        return Some((0, i, v));
    }
    let tail = ty.mro_tail.try_borrow().ok()?;
    for (pos, base) in tail.iter().enumerate() {
        if let Some((i, v)) = base.as_type_data().and_then(|b| find(&b.dict)) {
            return Some((pos + 1, i, v));
        }
    }
    None
}
