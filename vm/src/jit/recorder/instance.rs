//! Instance attributes read and written inline, through the instance's map (hidden class,
//! DESIGN §3): `obj.name` and `obj.name = v` where the interpreter specialized the
//! instruction to `LOAD_ATTR_INSTANCE_VALUE`/`STORE_ATTR_INSTANCE_VALUE`.
//!
//! The cache words are the feedback: the type's version tag, the map id and the slot
//! index. The trace guards the object's exact type (its version pinned by an entry
//! dependency: nothing inside a trace runs Python code, so only the interpreter can change
//! it, and the next entry then refuses the trace), its map, that nobody borrows its
//! attribute cell and that its slot vector is long enough; it then reads and writes the
//! slot word with `load_attr`/`store_attr` at offsets `object/layout.rs` measures once on a
//! real instance. The guards are per object: CSE keeps one set per object per iteration,
//! and loop peeling hoists those of loop-invariant objects. A map change (an attribute
//! added or deleted, `__dict__` materialized: `DICT_MODE`) fails the map guard; a class
//! change (a property installed, an attribute shadowed) changes its version. Every other
//! form (`__slots__`, descriptors, `__getattr__`, `__setattr__`) is not specialized this
//! way by the interpreter, so it is not recorded here.
//!
//! Reference counts: the trace never creates or frees a heap object, so a store only puts
//! an immediate (int, float, bool, None) over an immediate, both guarded by tag; a loaded
//! heap object is borrowed from its instance, which the trace cannot free.

use std::sync::OnceLock;

use pyrite_ir::{Op, Ref, Type};
use pyrite_profiler::AbortReason;

use super::{Dep, Entry, Recorder, Step, tag_of};
use crate::bytecode::Opcode;
use crate::interp::attr_cache::{AttrCache, load_instance_value};
use crate::object::layout::{InstanceLayout, measure_instance_layout};

/// The measured layout (the same for every instance within one build).
fn layout(rec: &Recorder) -> Step<InstanceLayout> {
    static LAYOUT: OnceLock<Option<InstanceLayout>> = OnceLock::new();
    let measured = *LAYOUT.get_or_init(|| measure_instance_layout(&rec.vm.types.object));
    measured.ok_or(AbortReason::UnsupportedTypes("instance layout"))
}

/// The byte offset of slot `index` in a slot vector.
fn slot_offset(index: u16) -> i32 {
    i32::from(index) * 8
}

impl Recorder<'_> {
    /// Guards that `obj` is an instance of the exact class the cache was made for, in the
    /// cache's map, unborrowed, with slot `cache.index` present; returns its slot vector.
    fn guard_instance(&mut self, obj: &Entry, cache: &AttrCache) -> Step<Ref> {
        let layout = layout(self)?;
        let heap = obj
            .v
            .as_object()
            .ok_or(AbortReason::UnsupportedTypes("attribute of a number"))?;
        let ty = heap.type_value();
        self.guard_exact_type(obj.r, ty.bits())?;
        self.keep_alive(&ty);
        if !self.deps.iter().any(|d| {
            matches!(d, Dep::TypeVersion { ty: t, version } if t.is(&ty) && *version == cache.type_version)
        }) {
            self.deps.push(Dep::TypeVersion {
                ty,
                version: cache.type_version,
            });
        }
        let word = self.b.load(Type::I64, obj.r, layout.map);
        let low = self.b.const_int(0xFFFF_FFFF);
        let map = self.b.emit(Op::AndInt, &[word, low]);
        let expected = self.b.const_int(i64::from(cache.map));
        self.b.guard_eq(map, expected);
        let flag = self.b.load(Type::I64, obj.r, layout.borrow_flag);
        let zero = self.b.const_int(0);
        self.b.guard_eq(flag, zero);
        let len = self.b.load(Type::I64, obj.r, layout.values_len);
        let index = self.b.const_int(i64::from(cache.index));
        let present = self.b.emit(Op::GtInt, &[len, index]);
        self.b.guard_true(present);
        Ok(self.b.load(Type::Ptr, obj.r, layout.values))
    }

    /// `obj.name` of an instance (`LOAD_ATTR_INSTANCE_VALUE`): the slot's word, guarded to
    /// have the tag of the value seen while recording.
    pub(super) fn load_attr(&mut self, op: Opcode, at: usize, arg: u32) -> Step<Entry> {
        if arg & 1 != 0 {
            return Err(AbortReason::UnsupportedOpcode("LOAD_ATTR (method)"));
        }
        let obj = self.pop()?;
        let (op, cache) = self.attr_cache_for(op, at, &obj.v, (arg >> 1) as usize)?;
        if op != Opcode::LOAD_ATTR_INSTANCE_VALUE {
            return Err(AbortReason::UnsupportedOpcode("LOAD_ATTR"));
        }
        let value = load_instance_value(&obj.v, &cache)
            .ok_or(AbortReason::UnsupportedTypes("attribute"))?;
        let tag = tag_of(&value).ok_or(AbortReason::UnsupportedTypes("attribute"))?;
        if self.b.trace().type_of(obj.r) != Type::Value {
            return Err(AbortReason::UnsupportedTypes("attribute of a number"));
        }
        let values = self.guard_instance(&obj, &cache)?;
        let word = self
            .b
            .load_attr(Type::Value, values, slot_offset(cache.index));
        self.b.guard_type(word, tag);
        Ok(Entry { r: word, v: value })
    }

    /// `obj.name = value` into an existing slot of an instance
    /// (`STORE_ATTR_INSTANCE_VALUE`), for an int, float, bool or None stored over one.
    pub(super) fn store_attr(&mut self, op: Opcode, at: usize, arg: u32) -> Step<()> {
        let obj = self.pop()?;
        let value = self.pop()?;
        let (op, cache) = self.attr_cache_for(op, at, &obj.v, arg as usize)?;
        if op != Opcode::STORE_ATTR_INSTANCE_VALUE {
            return Err(AbortReason::UnsupportedOpcode("STORE_ATTR"));
        }
        let old = load_instance_value(&obj.v, &cache)
            .ok_or(AbortReason::UnsupportedTypes("attribute store"))?;
        if old.is_heap() || value.v.is_heap() || self.b.trace().type_of(obj.r) != Type::Value {
            return Err(AbortReason::StoreOfObject);
        }
        let old_tag = tag_of(&old).ok_or(AbortReason::StoreOfObject)?;
        let new_tag = tag_of(&value.v).ok_or(AbortReason::StoreOfObject)?;
        let word = self.boxed(&value)?;
        // A word from elsewhere (another attribute, an item) must still be an immediate.
        self.b.guard_type(word, new_tag);
        let values = self.guard_instance(&obj, &cache)?;
        let offset = slot_offset(cache.index);
        let old_word = self.b.load_attr(Type::Value, values, offset);
        self.b.guard_type(old_word, old_tag);
        self.b.store_attr(values, offset, word);
        Ok(())
    }
}
