//! Inline caches of the attribute instructions (`LOAD_ATTR_*`, `STORE_ATTR_*`): how a
//! generic `LOAD_ATTR`/`STORE_ATTR` picks its specialized form, the cache layout, and the
//! guarded fast paths. The cache words are plain numbers so the trace recorder can read
//! them as type feedback: the type's version tag, the instance's map id, a slot or dict
//! entry index, and the position in the MRO of the class that owns a method.
//!
//! Layout (units after the instruction; unit +1 is the specialization counter):
//! +2/+3 type version (u32), +4/+5 map id (u32), +6 slot or dict entry index,
//! +7 MRO position of the owning class (`LOAD_ATTR` only).
//!
//! Guards: a type's version changes on any mutation of it or of a base (so a cached
//! lookup along the MRO stays valid while it matches), and an instance's map changes
//! whenever its set of own attributes does. Dict entries are re-checked by key, because
//! a type's dict can be written without going through `setattr`.

use std::cell::Cell;

use crate::bytecode::Opcode;
use crate::interp::specialize::{back_off, set_opcode};
use crate::object::{Payload, Value};
use crate::types::attr_map::{AttrMaps, DICT_MODE, MapId};
use crate::types::typeobj::{TypeData, type_flags};
use crate::vm::Vm;

/// Pseudo map id of objects that have no attributes of their own (lists, strs, ...).
pub const NO_OWN_ATTRS: MapId = u32::MAX - 1;

/// A decoded attribute cache.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct AttrCache {
    pub type_version: u32,
    pub map: MapId,
    pub index: u16,
    pub owner: u16,
}

fn unit(units: &[Cell<u16>], at: usize) -> u16 {
    units.get(at).map_or(0, Cell::get)
}

fn set_unit(units: &[Cell<u16>], at: usize, v: u16) {
    if let Some(u) = units.get(at) {
        u.set(v);
    }
}

impl AttrCache {
    /// Reads the cache of the instruction at `at`.
    #[inline(always)]
    pub fn read(units: &[Cell<u16>], at: usize) -> AttrCache {
        AttrCache {
            type_version: u32::from(unit(units, at + 2)) | (u32::from(unit(units, at + 3)) << 16),
            map: u32::from(unit(units, at + 4)) | (u32::from(unit(units, at + 5)) << 16),
            index: unit(units, at + 6),
            owner: if units.len() > at + 7 {
                unit(units, at + 7)
            } else {
                0
            },
        }
    }

    fn write(&self, units: &[Cell<u16>], at: usize, with_owner: bool) {
        set_unit(units, at + 2, self.type_version as u16);
        set_unit(units, at + 3, (self.type_version >> 16) as u16);
        set_unit(units, at + 4, self.map as u16);
        set_unit(units, at + 5, (self.map >> 16) as u16);
        set_unit(units, at + 6, self.index);
        if with_owner {
            set_unit(units, at + 7, self.owner);
        }
    }
}

/// The type data of a heap object's type, borrowed.
#[inline(always)]
fn type_data_of(obj: &Value) -> Option<&TypeData> {
    match &obj.as_object()?.type_object().payload {
        Payload::Type(t) => Some(t),
        _ => None,
    }
}

/// The map an attribute cache compares for `obj`.
#[inline(always)]
fn map_of(obj: &Value) -> MapId {
    match obj.payload() {
        Some(Payload::Instance(cell)) => cell.try_borrow().map_or(DICT_MODE, |a| a.map),
        Some(
            Payload::Exception(_) | Payload::Function(_) | Payload::Module(_) | Payload::Type(_),
        ) => DICT_MODE,
        Some(_) => NO_OWN_ATTRS,
        None => DICT_MODE,
    }
}

/// Runs `f` on the class at MRO position `pos` of `ty` (0 is `ty` itself).
#[inline(always)]
fn with_mro_entry<R>(
    ty: &TypeData,
    pos: usize,
    f: impl FnOnce(&TypeData) -> Option<R>,
) -> Option<R> {
    if pos == 0 {
        return f(ty);
    }
    let tail = ty.mro_tail.try_borrow().ok()?;
    f(tail.get(pos - 1)?.as_type_data()?)
}

/// The value of dict entry `index` of `ty`'s dict if its key is still `name`.
#[inline(always)]
fn dict_entry(ty: &TypeData, index: usize, name: &Value) -> Option<Value> {
    let table = ty.dict.as_dict()?.try_borrow().ok()?;
    let e = table.entry(index)?;
    if e.key.is(name) || e.key.as_str() == name.as_str() {
        Some(e.value.clone())
    } else {
        None
    }
}

/// Whether cache `c` was made for objects like `obj` (its type's version and its map):
/// the trace recorder re-forms a site specialized for another class.
pub fn describes(obj: &Value, c: &AttrCache) -> bool {
    type_data_of(obj).is_some_and(|t| t.version() == c.type_version) && map_of(obj) == c.map
}

/// `LOAD_ATTR_INSTANCE_VALUE`: the cached slot of `obj`, if the guards hold.
#[inline(always)]
pub fn load_instance_value(obj: &Value, c: &AttrCache) -> Option<Value> {
    let t = type_data_of(obj)?;
    if t.version() != c.type_version {
        return None;
    }
    let Some(Payload::Instance(cell)) = obj.payload() else {
        return None;
    };
    let attrs = cell.try_borrow().ok()?;
    if attrs.map != c.map {
        return None;
    }
    let v = attrs.values.get(usize::from(c.index))?;
    if v.is_null() { None } else { Some(v.clone()) }
}

/// `LOAD_ATTR_METHOD`: the cached plain method of `obj`'s class, if the guards hold.
#[inline(always)]
pub fn load_method(obj: &Value, c: &AttrCache, name: &Value) -> Option<Value> {
    let t = type_data_of(obj)?;
    if t.version() != c.type_version || map_of(obj) != c.map {
        return None;
    }
    let f = with_mro_entry(t, usize::from(c.owner), |owner| {
        dict_entry(owner, usize::from(c.index), name)
    })?;
    if is_plain_method(&f) { Some(f) } else { None }
}

/// `LOAD_ATTR_CLASS`: the cached attribute of the class `cls`, if the guards hold.
#[inline(always)]
pub fn load_class_attr(cls: &Value, c: &AttrCache, name: &Value) -> Option<Value> {
    let t = cls.as_type_data()?;
    if t.version() != c.type_version {
        return None;
    }
    with_mro_entry(t, usize::from(c.owner), |owner| {
        dict_entry(owner, usize::from(c.index), name)
    })
}

/// `LOAD_ATTR_MODULE`: the cached global of module `m`, if its dict entry still holds it.
#[inline(always)]
pub fn load_module_attr(m: &Value, c: &AttrCache, name: &Value) -> Option<Value> {
    let Some(Payload::Module(data)) = m.payload() else {
        return None;
    };
    let table = data.dict.as_dict()?.try_borrow().ok()?;
    let e = table.entry(usize::from(c.index))?;
    if e.key.is(name) || e.key.as_str() == name.as_str() {
        Some(e.value.clone())
    } else {
        None
    }
}

/// `STORE_ATTR_INSTANCE_VALUE`: writes the cached slot (or appends it through the map's
/// transition); gives `value` back when a guard fails.
#[inline(always)]
pub fn store_instance_value(
    maps: &mut AttrMaps,
    obj: &Value,
    c: &AttrCache,
    name: &Value,
    value: Value,
) -> Result<(), Value> {
    let Some(t) = type_data_of(obj) else {
        return Err(value);
    };
    if t.version() != c.type_version {
        return Err(value);
    }
    let Some(Payload::Instance(cell)) = obj.payload() else {
        return Err(value);
    };
    let Ok(mut attrs) = cell.try_borrow_mut() else {
        return Err(value);
    };
    if attrs.map != c.map {
        return Err(value);
    }
    let index = usize::from(c.index);
    if index < attrs.values.len() {
        let old = std::mem::replace(&mut attrs.values[index], value);
        drop(attrs);
        drop(old);
        return Ok(());
    }
    match maps.add(attrs.map, name) {
        Some(next) if index == attrs.values.len() => {
            attrs.map = next;
            attrs.values.push(value);
            Ok(())
        }
        _ => Err(value),
    }
}

/// A function or method descriptor that binds to its receiver when called through an
/// instance (the method form pushes it with the receiver instead of binding).
#[inline(always)]
fn is_plain_method(f: &Value) -> bool {
    match f.payload() {
        Some(Payload::Function(_)) => true,
        Some(Payload::BuiltinFunction(b)) => b.is_method_descriptor(),
        _ => false,
    }
}

/// The value slot a `__slots__` member descriptor reads and writes (not `__dict__` or
/// `__weakref__`).
fn slot_member_index(v: &Value) -> Option<usize> {
    match v.payload() {
        Some(Payload::Member(m)) if m.index < crate::interp::slots::WEAKREF_MEMBER => Some(m.index),
        _ => None,
    }
}

/// Where `name` is found along `ty`'s MRO: (MRO position, dict entry index, value).
fn locate(ty: &TypeData, name: &str) -> Option<(usize, usize, Value)> {
    let hash = crate::runtime::hashing::str_hash_cached(name);
    let find = |t: &TypeData| -> Option<(usize, Value)> {
        let table = t.dict.as_dict()?.try_borrow().ok()?;
        let i = table.find_str(hash, name)?;
        Some((i, table.entry(i)?.value.clone()))
    };
    if let Some((i, v)) = find(ty) {
        return Some((0, i, v));
    }
    let tail = ty.mro_tail.try_borrow().ok()?;
    for (pos, base) in tail.iter().enumerate() {
        if let Some((i, v)) = base.as_type_data().and_then(find) {
            return Some((pos + 1, i, v));
        }
    }
    None
}

impl Vm {
    /// Chooses the specialized form of the `LOAD_ATTR` at `at` for `obj.name`, or backs off.
    pub fn specialize_load_attr(
        &self,
        units: &[Cell<u16>],
        at: usize,
        obj: &Value,
        name: &Value,
        method_form: bool,
    ) {
        match self.load_attr_form(obj, name, method_form) {
            Some((op, cache)) => {
                cache.write(units, at, true);
                set_opcode(units, at, op);
            }
            None => back_off(units, at),
        }
    }

    /// The specialized form and cache `LOAD_ATTR` would get for `obj.name`, if any.
    pub(crate) fn load_attr_form(
        &self,
        obj: &Value,
        name: &Value,
        method_form: bool,
    ) -> Option<(Opcode, AttrCache)> {
        let text = name.as_str()?;
        if text == "__class__" || text == "__dict__" {
            return None;
        }
        let index = |i: usize| u16::try_from(i).ok();
        match obj.payload()? {
            // `super()` objects look names up along another MRO.
            Payload::Super(..) => return None,
            Payload::Module(m) => {
                let table = m.dict.as_dict()?.try_borrow().ok()?;
                let hash = crate::runtime::hashing::str_hash_cached(text);
                let i = table.find_str(hash, text)?;
                let cache = AttrCache {
                    type_version: 0,
                    map: 0,
                    index: index(i)?,
                    owner: 0,
                };
                return Some((Opcode::LOAD_ATTR_MODULE, cache));
            }
            Payload::Type(t) => {
                // Only classes whose metaclass is exactly `type`, and no dunder names
                // (those are `type`'s own data descriptors).
                if !self.type_of(obj).is(&self.types.type_) || text.starts_with("__") {
                    return None;
                }
                let (pos, i, v) = locate(t, text)?;
                let plain = matches!(v.payload(), Some(Payload::Function(_)))
                    || self.is_exact_builtin(&v)
                        && !matches!(
                            v.payload(),
                            Some(
                                Payload::ClassMethod(_)
                                    | Payload::StaticMethod(_)
                                    | Payload::Property(_)
                                    | Payload::Member(_)
                            )
                        );
                if !plain || t.version() == 0 {
                    return None;
                }
                let cache = AttrCache {
                    type_version: t.version(),
                    map: 0,
                    index: index(i)?,
                    owner: index(pos)?,
                };
                return Some((Opcode::LOAD_ATTR_CLASS, cache));
            }
            _ => {}
        }
        let t = type_data_of(obj)?;
        if t.version() == 0 || t.has_flag(type_flags::CUSTOM_GETATTRIBUTE) {
            return None;
        }
        let map = map_of(obj);
        if map == DICT_MODE {
            return None;
        }
        let found = locate(t, text);
        if let Some((_, _, v)) = &found
            && self.is_data_descriptor(v)
        {
            // A `__slots__` member reads a fixed slot of the instance's values: the type
            // version guards the descriptor, the map guards the layout.
            let slot = slot_member_index(v).filter(|_| map != NO_OWN_ATTRS)?;
            let cache = AttrCache {
                type_version: t.version(),
                map,
                index: index(slot)?,
                owner: 0,
            };
            return Some((Opcode::LOAD_ATTR_INSTANCE_VALUE, cache));
        }
        let own_slot = if map == NO_OWN_ATTRS {
            None
        } else {
            self.maps.find(map, text)
        };
        if let Some(slot) = own_slot {
            let cache = AttrCache {
                type_version: t.version(),
                map,
                index: index(slot)?,
                owner: 0,
            };
            return Some((Opcode::LOAD_ATTR_INSTANCE_VALUE, cache));
        }
        let (pos, i, v) = found?;
        if method_form && is_plain_method(&v) {
            let cache = AttrCache {
                type_version: t.version(),
                map,
                index: index(i)?,
                owner: index(pos)?,
            };
            return Some((Opcode::LOAD_ATTR_METHOD, cache));
        }
        None
    }

    /// Chooses the specialized form of the `STORE_ATTR` at `at` for `obj.name = ...`.
    pub fn specialize_store_attr(&self, units: &[Cell<u16>], at: usize, obj: &Value, name: &Value) {
        match self.store_attr_cache(obj, name) {
            Some(cache) => {
                cache.write(units, at, false);
                set_opcode(units, at, Opcode::STORE_ATTR_INSTANCE_VALUE);
            }
            None => back_off(units, at),
        }
    }

    /// The cache `STORE_ATTR_INSTANCE_VALUE` would get for `obj.name = ...`, if any.
    pub(crate) fn store_attr_cache(&self, obj: &Value, name: &Value) -> Option<AttrCache> {
        let text = name.as_str()?;
        if text == "__class__" || text == "__dict__" {
            return None;
        }
        let Some(Payload::Instance(cell)) = obj.payload() else {
            return None;
        };
        let t = type_data_of(obj)?;
        if t.version() == 0 {
            return None;
        }
        let (_, _, setattr) = locate(t, "__setattr__")?;
        if !crate::runtime::protocol::is_builtin_named(&setattr, "__setattr__") {
            return None;
        }
        let map = cell.try_borrow().ok()?.map;
        if map == DICT_MODE {
            return None;
        }
        if let Some((_, _, v)) = locate(t, text)
            && self.is_data_descriptor(&v)
        {
            // `__slots__` member: a store into its fixed slot (never an append).
            let slot = slot_member_index(&v)?;
            return Some(AttrCache {
                type_version: t.version(),
                map,
                index: u16::try_from(slot).ok()?,
                owner: 0,
            });
        }
        if !t.has_flag(type_flags::HAS_DICT) {
            return None;
        }
        let slot = self
            .maps
            .find(map, text)
            .unwrap_or_else(|| self.maps.names(map).len());
        Some(AttrCache {
            type_version: t.version(),
            map,
            index: u16::try_from(slot).ok()?,
            owner: 0,
        })
    }
}
