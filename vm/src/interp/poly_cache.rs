//! Polymorphic inline caches for `LOAD_ATTR` and `STORE_ATTR`. A monomorphic attribute
//! cache (`interp::attr_cache`) that misses because a *different* type or map shows up
//! turns its instruction into `LOAD_ATTR_POLY`/`STORE_ATTR_POLY`, whose entries (up to
//! `WAYS` of them, each a specialized form plus its cache words) live in a side table of
//! the code object; inline unit +2 holds the site's index in that table. Each entry is
//! checked with the same guards as its monomorphic form, so a type mutation (new version
//! tag), a `__class__` assignment or an instance changing shape simply stops matching it.
//! A site that sees more than `WAYS` shapes goes back to the generic instruction with a
//! long backoff (megamorphic: the type attribute cache serves it).
//!
//! Sites are keyed by instruction offset and reused, so a site going back and forth
//! between generic and polymorphic does not grow the table.

use std::cell::Cell;

use crate::bytecode::Opcode;
use crate::interp::attr_cache::{self, AttrCache};
use crate::interp::specialize::{back_off, set_opcode};
use crate::object::Value;
use crate::types::attr_map::AttrMaps;
use crate::types::code::CodeObject;

/// Entries per polymorphic site (CPython's tier 1 is monomorphic; 4 covers the class
/// hierarchies of typical object-oriented code).
pub const WAYS: usize = 4;

/// Executions a megamorphic site waits before trying to specialize again.
const MEGAMORPHIC_BACKOFF: u16 = 4093;

/// One way of a polymorphic site: the specialized form that applies and its cache.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PolyEntry {
    pub op: Opcode,
    pub cache: AttrCache,
}

/// The entries of one polymorphic instruction.
pub struct PolySite {
    /// Offset of the instruction owning the site.
    at: usize,
    len: usize,
    entries: [PolyEntry; WAYS],
}

impl PolySite {
    pub fn entries(&self) -> &[PolyEntry] {
        &self.entries[..self.len]
    }
}

const EMPTY: PolyEntry = PolyEntry {
    op: Opcode::CACHE,
    cache: AttrCache {
        type_version: 0,
        map: 0,
        index: 0,
        owner: 0,
    },
};

/// The site index stored in the instruction's inline cache.
#[inline(always)]
fn site_index(units: &[Cell<u16>], at: usize) -> usize {
    units
        .get(at + 2)
        .map_or(usize::MAX, |u| usize::from(u.get()))
}

/// Makes the instruction at `at` polymorphic with `first` (the entry it had) and `second`
/// (the shape that just missed). False if the table is full.
fn go_polymorphic(
    code: &CodeObject,
    units: &[Cell<u16>],
    at: usize,
    first: PolyEntry,
    second: PolyEntry,
    poly: Opcode,
) -> bool {
    let Ok(mut sites) = code.poly_sites.try_borrow_mut() else {
        return false;
    };
    let index = match sites.iter().position(|s| s.at == at) {
        Some(i) => i,
        None => {
            sites.push(PolySite {
                at,
                len: 0,
                entries: [EMPTY; WAYS],
            });
            sites.len() - 1
        }
    };
    let Ok(unit_index) = u16::try_from(index) else {
        return false;
    };
    let site = &mut sites[index];
    site.entries[0] = first;
    site.entries[1] = second;
    site.len = 2;
    if let Some(u) = units.get(at + 2) {
        u.set(unit_index);
    }
    set_opcode(units, at, poly);
    true
}

/// Adds `entry` to the polymorphic site of the instruction at `at`; false when it is full.
fn add_entry(code: &CodeObject, units: &[Cell<u16>], at: usize, entry: PolyEntry) -> bool {
    let Ok(mut sites) = code.poly_sites.try_borrow_mut() else {
        return false;
    };
    let Some(site) = sites.get_mut(site_index(units, at)) else {
        return false;
    };
    if site.len >= WAYS || site.entries().contains(&entry) {
        return false;
    }
    site.entries[site.len] = entry;
    site.len += 1;
    true
}

/// Handles a guard failure of the specialized attribute instruction at `at` (`op`, a
/// monomorphic form or the polymorphic one), given the cache entry `fresh` the current
/// operand would get (None if it cannot be specialized). Either way the instruction then
/// runs again: polymorphic with one more entry, or generic.
fn on_miss(
    code: &CodeObject,
    units: &[Cell<u16>],
    at: usize,
    op: Opcode,
    fresh: Option<PolyEntry>,
) {
    let (poly, generic) = if op.generic() == Opcode::STORE_ATTR {
        (Opcode::STORE_ATTR_POLY, Opcode::STORE_ATTR)
    } else {
        (Opcode::LOAD_ATTR_POLY, Opcode::LOAD_ATTR)
    };
    let rewritten = match fresh {
        None => false,
        Some(entry) if op == poly => add_entry(code, units, at, entry),
        Some(entry) => {
            let mut cache = AttrCache::read(units, at);
            if generic == Opcode::STORE_ATTR {
                // Store caches have no owner word (unit +7 belongs to the next instruction).
                cache.owner = 0;
            }
            let current = PolyEntry { op, cache };
            current != entry && go_polymorphic(code, units, at, current, entry, poly)
        }
    };
    if rewritten {
        return;
    }
    set_opcode(units, at, generic);
    if op == poly && fresh.is_some() {
        // Full: more shapes than ways.
        if let Some(counter) = units.get(at + 1) {
            counter.set(MEGAMORPHIC_BACKOFF);
        }
    } else {
        back_off(units, at);
    }
}

/// What a polymorphic `LOAD_ATTR` found.
pub enum PolyHit {
    /// An attribute value (push NULL after it in the method form).
    Value(Value),
    /// A plain method to push with the receiver (method form only).
    Method(Value),
}

/// `LOAD_ATTR_POLY`: the first entry whose guards hold for `obj`.
#[inline]
pub fn load(
    code: &CodeObject,
    units: &[Cell<u16>],
    at: usize,
    obj: &Value,
    name: &Value,
) -> Option<PolyHit> {
    let sites = code.poly_sites.try_borrow().ok()?;
    let site = sites.get(site_index(units, at))?;
    for e in site.entries() {
        let hit = match e.op {
            Opcode::LOAD_ATTR_INSTANCE_VALUE => {
                attr_cache::load_instance_value(obj, &e.cache).map(PolyHit::Value)
            }
            Opcode::LOAD_ATTR_METHOD => {
                attr_cache::load_method(obj, &e.cache, name).map(PolyHit::Method)
            }
            Opcode::LOAD_ATTR_CLASS => {
                attr_cache::load_class_attr(obj, &e.cache, name).map(PolyHit::Value)
            }
            Opcode::LOAD_ATTR_MODULE => {
                attr_cache::load_module_attr(obj, &e.cache, name).map(PolyHit::Value)
            }
            _ => None,
        };
        if hit.is_some() {
            return hit;
        }
    }
    None
}

/// `STORE_ATTR_POLY`: stores through the first entry whose guards hold; gives `value`
/// back when none does.
#[inline]
pub fn store(
    code: &CodeObject,
    units: &[Cell<u16>],
    at: usize,
    maps: &mut AttrMaps,
    obj: &Value,
    name: &Value,
    mut value: Value,
) -> Result<(), Value> {
    let Ok(sites) = code.poly_sites.try_borrow() else {
        return Err(value);
    };
    let Some(site) = sites.get(site_index(units, at)) else {
        return Err(value);
    };
    for e in site.entries() {
        match attr_cache::store_instance_value(maps, obj, &e.cache, name, value) {
            Ok(()) => return Ok(()),
            Err(v) => value = v,
        }
    }
    Err(value)
}

/// The entry of the polymorphic instruction at `at` that applies to `obj` (for the trace
/// recorder, which records the one shape it observes).
pub fn matching_entry(
    code: &CodeObject,
    units: &[Cell<u16>],
    at: usize,
    obj: &Value,
    name: &Value,
) -> Option<PolyEntry> {
    let sites = code.poly_sites.try_borrow().ok()?;
    let site = sites.get(site_index(units, at))?;
    site.entries()
        .iter()
        .find(|e| match e.op {
            Opcode::LOAD_ATTR_INSTANCE_VALUE => {
                attr_cache::load_instance_value(obj, &e.cache).is_some()
            }
            Opcode::LOAD_ATTR_METHOD => attr_cache::load_method(obj, &e.cache, name).is_some(),
            Opcode::LOAD_ATTR_CLASS => attr_cache::load_class_attr(obj, &e.cache, name).is_some(),
            Opcode::LOAD_ATTR_MODULE => attr_cache::load_module_attr(obj, &e.cache, name).is_some(),
            // Store entries: the slot exists (the recorder stores over an existing value).
            Opcode::STORE_ATTR_INSTANCE_VALUE => {
                attr_cache::load_instance_value(obj, &e.cache).is_some()
            }
            _ => false,
        })
        .copied()
}

impl crate::vm::Vm {
    /// A guard of the specialized `LOAD_ATTR` form `op` at `at` failed for `obj`: grow or
    /// create the polymorphic site, or go back to the generic instruction.
    pub(crate) fn load_attr_miss(
        &self,
        code: &CodeObject,
        units: &[Cell<u16>],
        at: usize,
        op: Opcode,
        obj: &Value,
        arg: u32,
    ) {
        let name = &code.names[(arg >> 1) as usize];
        let fresh = self
            .load_attr_form(obj, name, arg & 1 != 0)
            .map(|(op, cache)| PolyEntry { op, cache });
        on_miss(code, units, at, op, fresh);
    }

    /// A guard of the specialized `STORE_ATTR` form `op` at `at` failed for `obj`.
    pub(crate) fn store_attr_miss(
        &self,
        code: &CodeObject,
        units: &[Cell<u16>],
        at: usize,
        op: Opcode,
        obj: &Value,
        arg: u32,
    ) {
        let name = &code.names[arg as usize];
        let fresh = self.store_attr_cache(obj, name).map(|cache| PolyEntry {
            op: Opcode::STORE_ATTR_INSTANCE_VALUE,
            cache,
        });
        on_miss(code, units, at, op, fresh);
    }
}
