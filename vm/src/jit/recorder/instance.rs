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
//! Reference counts: the trace never frees a heap object. A store increfs the word it
//! stores and decrefs the one it overwrites, after guarding that the overwritten object
//! has another owner (count above one), so no finalizer ever runs inside a trace and a
//! loaded heap object stays borrowed from a live owner; the refcount pass removes the
//! counts of words proven immediate. When the trace itself holds the overwritten object
//! where the interpreter would hold a reference (a local it wrote, a stack entry, an
//! inlined frame's local), that alias is guarded instead, and if the attribute's was the
//! last counted reference its release waits for the exit's write-back: a finalizer then
//! runs at the exit, not where the interpreter would drop that local (no Python code runs
//! in between, so output order is kept; only state the trace changed after the store could
//! tell the difference).
//!
//! Instances the trace makes (`Point(a, b)` of a plain class, `__init__` inlined) are
//! *virtual* (allocation removal, PyPy's virtuals): `new_instance` only names them, the
//! recorder answers their attribute loads and stores from the IR values stored, and every
//! snapshot describes them field by field, so an exit rebuilds them (`jit::virtuals`)
//! exactly as the interpreter would have made them. Snapshots inside the inlined
//! `__init__` are the `CALL`'s (`recorder::operators`: an exit re-runs `cls(...)` whole,
//! since a rebuilt `__init__` frame would return None), so it may not have side effects.
//! A virtual instance that escapes (into a list or an attribute, or the loop's next
//! iteration) is allocated there (`recorder::alloc`).

use std::cell::RefCell;
use std::collections::HashMap;
use std::sync::OnceLock;

use pyrite_ir::{Op, Ref, SnapValue, Type, Virtual, VirtualKind, abi};
use pyrite_profiler::AbortReason;

use super::{Dep, Entry, Recorder, Step, tag_of};
use crate::bytecode::Opcode;
use crate::interp::attr_cache::{AttrCache, NO_OWN_ATTRS, load_instance_value};
use crate::interp::class::is_object_new_descriptor;
use crate::object::layout::{InstanceLayout, measure_instance_layout};
use crate::object::{Payload, Value};
use crate::types::attr_map::{EMPTY_MAP, InstanceAttrs, MapId};
use crate::types::typeobj::{Layout, type_flags};

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
        self.guard_class_and_map(obj, cache)?;
        let flag = self.b.load(Type::I64, obj.r, layout.borrow_flag);
        let zero = self.b.const_int(0);
        self.b.guard_eq(flag, zero);
        let len = self.b.load(Type::I64, obj.r, layout.values_len);
        let index = self.b.const_int(i64::from(cache.index));
        let present = self.b.emit(Op::GtInt, &[len, index]);
        self.b.guard_true(present);
        Ok(self.b.load(Type::Ptr, obj.r, layout.values))
    }

    /// Guards that `obj` is an instance of the exact class the cache was made for (its
    /// version pinned by an entry dependency) and, when it is an instance with a map,
    /// that it is in the cache's map. The same instructions for every use of one object,
    /// so CSE keeps one copy per iteration (method lookups share them with attribute
    /// loads and stores).
    pub(super) fn guard_class_and_map(&mut self, obj: &Entry, cache: &AttrCache) -> Step<()> {
        let layout = layout(self)?;
        let heap = obj
            .v
            .as_object()
            .ok_or(AbortReason::UnsupportedTypes("attribute of a number"))?;
        let ty = heap.type_value();
        let version = class_version(&obj.v);
        if version != Some(cache.type_version) || version == Some(0) {
            return Err(AbortReason::UnsupportedTypes("attribute cache out of date"));
        }
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
        match obj.v.payload() {
            Some(Payload::Instance(_)) => {
                let word = self.b.load(Type::I64, obj.r, layout.map);
                let low = self.b.const_int(0xFFFF_FFFF);
                let map = self.b.emit(Op::AndInt, &[word, low]);
                let expected = self.b.const_int(i64::from(cache.map));
                self.b.guard_eq(map, expected);
            }
            // Objects of other kinds (an exact type fixes the kind) have no own
            // attributes the interpreter's cache would check.
            _ if cache.map == NO_OWN_ATTRS => {}
            _ => {
                return Err(AbortReason::UnsupportedTypes(
                    "attribute of a special object",
                ));
            }
        }
        Ok(())
    }

    /// `obj.name` of an instance (`LOAD_ATTR_INSTANCE_VALUE`): the slot's word, guarded to
    /// have the tag of the value seen while recording.
    pub(super) fn load_attr(&mut self, op: Opcode, at: usize, arg: u32) -> Step<Entry> {
        if arg & 1 != 0 {
            return Err(AbortReason::UnsupportedOpcode("LOAD_ATTR (method)"));
        }
        let obj = self.pop()?;
        if self.is_virtual_instance(obj.r) {
            return self.load_virtual_attr(op, at, arg, &obj);
        }
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
    /// (`STORE_ATTR_INSTANCE_VALUE`). The stored word gains a reference and the
    /// overwritten one loses its reference; an overwritten object must have another owner
    /// (its count above one, guarded), so the store never frees anything inside the trace:
    /// otherwise the interpreter makes the store, and runs any `__del__` right there.
    pub(super) fn store_attr(&mut self, op: Opcode, at: usize, arg: u32) -> Step<()> {
        let obj = self.pop()?;
        let value = self.pop()?;
        if self.is_virtual_instance(obj.r) {
            return self.store_virtual_attr(op, at, arg, &obj, value);
        }
        // An instance the trace made escapes into the object: allocated here.
        let value = self.escape(&value)?;
        let allocated = !value.r.is_const()
            && self
                .b
                .trace()
                .insts
                .get(value.r.index())
                .is_some_and(|i| matches!(i.op, Op::NewTuple | Op::NewInstance));
        if allocated || self.is_virtual_instance(value.r) {
            // The backend does not allocate: an object the trace made may not escape.
            return Err(AbortReason::StoreOfObject);
        }
        let (op, cache) = self.attr_cache_for(op, at, &obj.v, arg as usize)?;
        if op != Opcode::STORE_ATTR_INSTANCE_VALUE {
            return Err(AbortReason::UnsupportedOpcode("STORE_ATTR"));
        }
        let old = load_instance_value(&obj.v, &cache)
            .ok_or(AbortReason::UnsupportedTypes("attribute store"))?;
        if self.b.trace().type_of(obj.r) != Type::Value {
            return Err(AbortReason::StoreOfObject);
        }
        let old_tag = tag_of(&old).ok_or(AbortReason::StoreOfObject)?;
        let new_tag = tag_of(&value.v).ok_or(AbortReason::StoreOfObject)?;
        let alias = if old.is_heap() {
            self.held_alias(&old, &[&obj, &value])
        } else {
            None
        };
        if old.is_heap() && alias.is_none() && old.ref_count() <= 2 {
            // `old` here is one more reference: the slot's would be the last one.
            return Err(AbortReason::UnsupportedTypes(
                "attribute store freeing the old value",
            ));
        }
        let word = self.boxed(&value)?;
        // A word from elsewhere (another attribute, an item) must have the recorded kind.
        self.b.guard_type(word, new_tag);
        let values = self.guard_instance(&obj, &cache)?;
        let offset = slot_offset(cache.index);
        let old_word = self.b.load_attr(Type::Value, values, offset);
        self.b.guard_type(old_word, old_tag);
        match alias {
            // The interpreter holds the old object elsewhere too (a local, a stack entry):
            // guarded the same object, it is not freed here. The trace holds that
            // reference only in a register, so a release of the last counted one waits
            // for the exit to write the register back (`glue::release`).
            Some(held) if held != old_word => {
                self.b.emit(Op::GuardEq, &[held, old_word]);
            }
            Some(_) => {}
            None if old.is_heap() => {
                let count = self
                    .b
                    .load(Type::I64, old_word, abi::HEADER_REFCOUNT_OFFSET);
                let one = self.b.const_int(1);
                let shared = self.b.emit(Op::GtInt, &[count, one]);
                self.b.guard_true(shared);
            }
            None => {}
        }
        if value.v.is_heap() {
            self.b.emit(Op::IncRef, &[word]);
        }
        self.b.store_attr(values, offset, word);
        if old.is_heap() {
            self.b.emit(Op::DecRef, &[old_word]);
        }
        Ok(())
    }
}

impl Recorder<'_> {
    /// An IR value (of value type) that holds `old` where the interpreter would hold a
    /// reference to it at this instruction: a home the trace wrote, a stack entry or a
    /// local of an inlined frame, or one of `operands` (still on the interpreter's stack).
    fn held_alias(&self, old: &Value, operands: &[&Entry]) -> Option<Ref> {
        let trace = self.b.trace();
        let is_alias = |e: &Entry| e.v.is(old) && trace.type_of(e.r) == Type::Value;
        let written = self
            .modified
            .iter()
            .filter_map(|(k, &r)| self.known.get(k).filter(|e| e.r == r));
        operands
            .iter()
            .copied()
            .chain(self.stack.iter())
            .chain(self.calls.held_entries())
            .chain(written)
            .find(|e| is_alias(e))
            .map(|e| e.r)
    }
}

/// An instance the trace made (`cls(...)` of a plain class with its `__init__` inlined)
/// and never allocates: the recorder keeps its attributes as IR values and answers loads
/// and stores from them; snapshots describe it as a virtual `instance` the exit rebuilds.
struct VirtualInstance {
    class: Value,
    /// A private instance in the same map with the recorded values, so that the dry run
    /// (inline caches, method lookups) sees what the interpreter would; the program never
    /// sees it.
    shadow: Value,
    fields: Vec<Entry>,
}

/// An inlined `__init__` in progress.
struct PendingInit {
    /// The call depth inside it.
    depth: usize,
    instance: Entry,
}

/// The instances the trace made, and the `__init__` calls being inlined.
#[derive(Default)]
pub(super) struct BuiltInstances {
    objects: HashMap<Ref, VirtualInstance>,
    inits: Vec<PendingInit>,
}

impl BuiltInstances {
    /// The class, map and fields of virtual instance `r`.
    pub(super) fn parts(&self, r: Ref) -> Option<(Value, MapId, Vec<Entry>)> {
        let vi = self.objects.get(&r)?;
        let map = map_of(&vi.shadow)?;
        Some((vi.class.clone(), map, vi.fields.clone()))
    }

    /// Instance `from` was allocated as `to`: it is no longer virtual, and other
    /// virtuals' fields and pending `__init__`s name `to`.
    pub(super) fn replace(&mut self, from: Ref, to: Ref) {
        self.objects.remove(&from);
        for vi in self.objects.values_mut() {
            for f in &mut vi.fields {
                if f.r == from {
                    f.r = to;
                }
            }
        }
        for init in &mut self.inits {
            if init.instance.r == from {
                init.instance.r = to;
            }
        }
    }
}

/// The version tag of the class of a heap object.
fn class_version(obj: &Value) -> Option<u32> {
    obj.as_object()?
        .type_value()
        .as_type_data()
        .map(|t| t.version())
}

/// The map of an instance in map mode.
fn map_of(obj: &Value) -> Option<MapId> {
    match obj.payload()? {
        Payload::Instance(cell) => cell.try_borrow().ok().map(|a| a.map),
        _ => None,
    }
}

impl Recorder<'_> {
    pub(super) fn is_virtual_instance(&self, r: Ref) -> bool {
        self.built_instances.objects.contains_key(&r)
    }

    /// Before `CALL argc`: when the callee is a plain class (metaclass `type`,
    /// `object.__new__`, a Python `__init__`, no `__slots__`, no `__del__`: the classes the
    /// interpreter instantiates by pushing the `__init__` frame), emits `new_instance` and
    /// rewrites the call into `__init__(instance, *args)` for `inline_call`. Returns the
    /// instance and where its recording starts.
    pub(super) fn instantiate(&mut self, argc: usize) -> Step<Option<(Entry, usize)>> {
        let Some(callee_at) = self.stack.len().checked_sub(argc + 2) else {
            return Ok(None);
        };
        let callee = self.stack[callee_at].clone();
        let cls = callee.v.clone();
        let Some(data) = cls.as_type_data() else {
            return Ok(None);
        };
        let vm = self.vm;
        if !self.stack[callee_at + 1].v.is_null()
            || !data.has_flag(type_flags::HEAPTYPE)
            || data.layout != Layout::Object
            || data.nslots.get() != 0
            || vm.tracing.active()
            || !vm.type_of(&cls).is(&vm.types.type_)
        {
            return Ok(None);
        }
        let Some(init) = vm.lookup_type_attr(&cls, "__init__") else {
            return Ok(None);
        };
        if init.as_function().is_none() || vm.lookup_type_attr(&cls, "__del__").is_some() {
            return Ok(None);
        }
        match vm.lookup_type_attr(&cls, "__new__") {
            Some(new) if is_object_new_descriptor(&new) => {}
            _ => return Ok(None),
        }
        if self.b.trace().type_of(callee.r) != Type::Value {
            return Err(AbortReason::CallShape);
        }
        let class_const = self.b.const_value(cls.bits());
        if callee.r != class_const {
            self.b.guard_eq(callee.r, class_const);
        }
        self.keep_alive(&cls);
        self.keep_alive(&init);
        let version = data.version();
        if !self.deps.iter().any(
            |d| matches!(d, Dep::TypeVersion { ty, version: v } if ty.is(&cls) && *v == version),
        ) {
            self.deps.push(Dep::TypeVersion {
                ty: cls.clone(),
                version,
            });
        }
        let first_inst = self.b.trace().insts.len();
        let r = self.b.emit(Op::NewInstance, &[class_const]);
        let shadow = Value::alloc(
            &cls,
            Payload::Instance(RefCell::new(InstanceAttrs::new(EMPTY_MAP, 0))),
        );
        let instance = Entry {
            r,
            v: shadow.clone(),
        };
        self.built_instances.objects.insert(
            r,
            VirtualInstance {
                class: cls,
                shadow,
                fields: Vec::new(),
            },
        );
        let init = self.constant(&init);
        self.stack[callee_at] = init;
        self.stack[callee_at + 1] = instance.clone();
        Ok(Some((instance, first_inst)))
    }

    /// After `inline_call` entered the frame of an `__init__` that `instantiate` set up.
    pub(super) fn entered_init(&mut self, init: Option<(Entry, usize)>) -> Step<()> {
        if let Some((instance, _)) = init {
            let depth = self.calls.depth();
            self.built_instances
                .inits
                .push(PendingInit { depth, instance });
            // An exit inside it re-runs the `CALL` (a rebuilt `__init__` frame would
            // return None to the caller instead of the instance).
            self.begin_effect_free(depth);
        }
        Ok(())
    }

    /// `RETURN_VALUE`/`RETURN_CONST` of an inlined frame; an inlined `__init__` hands the
    /// caller the instance instead of its None.
    pub(super) fn return_from_inlined(&mut self, op: Opcode, arg: u32) -> Step<usize> {
        let depth = self.calls.depth();
        let pc = self.inline_return(op, arg)?;
        self.operator_returned(depth)?;
        let ends_init = self
            .built_instances
            .inits
            .last()
            .is_some_and(|init| init.depth == depth);
        if !ends_init {
            return Ok(pc);
        }
        let init = self
            .built_instances
            .inits
            .pop()
            .ok_or(AbortReason::FrameShape)?;
        let result = self.pop()?;
        if !(result.v.is_none() && result.r.is_const()) {
            // The interpreter raises TypeError for another result.
            return Err(AbortReason::CallShape);
        }
        self.push(init.instance);
        Ok(pc)
    }

    /// `obj.name` of an instance the trace made: the value stored last.
    fn load_virtual_attr(&mut self, op: Opcode, at: usize, arg: u32, obj: &Entry) -> Step<Entry> {
        let shadow = obj.v.clone();
        let (op, cache) = self.attr_cache_for(op, at, &shadow, (arg >> 1) as usize)?;
        let class_version = class_version(&shadow);
        if op != Opcode::LOAD_ATTR_INSTANCE_VALUE
            || class_version != Some(cache.type_version)
            || map_of(&shadow) != Some(cache.map)
        {
            return Err(AbortReason::UnsupportedTypes("attribute of a new instance"));
        }
        self.built_instances
            .objects
            .get(&obj.r)
            .and_then(|vi| vi.fields.get(usize::from(cache.index)))
            .cloned()
            .ok_or(AbortReason::UnsupportedTypes("attribute of a new instance"))
    }

    /// `obj.name = value` on an instance the trace made (the attribute stores of its
    /// `__init__`, usually): the interpreter's cache for the store must describe it.
    fn store_virtual_attr(
        &mut self,
        op: Opcode,
        at: usize,
        arg: u32,
        obj: &Entry,
        value: Entry,
    ) -> Step<()> {
        let shadow = obj.v.clone();
        let (op, cache) = self.attr_cache_for(op, at, &shadow, arg as usize)?;
        let class_version = class_version(&shadow);
        let map = map_of(&shadow).ok_or(AbortReason::FrameShape)?;
        if op != Opcode::STORE_ATTR_INSTANCE_VALUE
            || class_version != Some(cache.type_version)
            || map != cache.map
        {
            return Err(AbortReason::UnsupportedTypes(
                "attribute store on a new instance",
            ));
        }
        let name = self.attr_name(arg << 1)?;
        let next = self.vm.maps.transition(map, &name);
        let Some(Payload::Instance(cell)) = shadow.payload() else {
            return Err(AbortReason::FrameShape);
        };
        let mut attrs = cell.try_borrow_mut().map_err(|_| AbortReason::FrameShape)?;
        let index = usize::from(cache.index);
        let vi = self
            .built_instances
            .objects
            .get_mut(&obj.r)
            .ok_or(AbortReason::FrameShape)?;
        if index < vi.fields.len() && index < attrs.values.len() {
            attrs.values[index] = value.v.clone();
            vi.fields[index] = value;
        } else if index == vi.fields.len() && index == attrs.values.len() {
            attrs.map = next.ok_or(AbortReason::UnsupportedTypes(
                "attribute store on a new instance",
            ))?;
            attrs.values.push(value.v.clone());
            vi.fields.push(value);
        } else {
            return Err(AbortReason::UnsupportedTypes(
                "attribute store on a new instance",
            ));
        }
        Ok(())
    }

    /// Describes every instance the trace made that the snapshot just taken names as a
    /// virtual `instance` (class, map, the current attribute values).
    pub(super) fn describe_virtual_instances(&mut self) {
        if self.built_instances.objects.is_empty() {
            return;
        }
        let mut described: HashMap<Ref, (Ref, Ref, Vec<Ref>)> = HashMap::new();
        let objects: Vec<(Ref, Value, MapId, Vec<Ref>)> = self
            .built_instances
            .objects
            .iter()
            .map(|(&r, vi)| {
                let map = map_of(&vi.shadow).unwrap_or(EMPTY_MAP);
                (
                    r,
                    vi.class.clone(),
                    map,
                    vi.fields.iter().map(|e| e.r).collect(),
                )
            })
            .collect();
        for (r, class, map, fields) in objects {
            let class = self.b.const_value(class.bits());
            let map = self.b.const_int(i64::from(map));
            described.insert(r, (class, map, fields));
        }
        let Some(snapshot) = self.b.current_snapshot_mut() else {
            return;
        };
        let mut index_of: HashMap<Ref, u32> = HashMap::new();
        let mut frames = std::mem::take(&mut snapshot.frames);
        for frame in &mut frames {
            for (_, value) in &mut frame.slots {
                if let SnapValue::Ref(r) = *value
                    && described.contains_key(&r)
                {
                    *value = virtual_of(r, &described, &mut snapshot.virtuals, &mut index_of);
                }
            }
        }
        snapshot.frames = frames;
    }
}

/// The virtual describing instance `r` in `virtuals` (added with its fields, once).
fn virtual_of(
    r: Ref,
    described: &HashMap<Ref, (Ref, Ref, Vec<Ref>)>,
    virtuals: &mut Vec<Virtual>,
    index_of: &mut HashMap<Ref, u32>,
) -> SnapValue {
    if let Some(&i) = index_of.get(&r) {
        return SnapValue::Virtual(i);
    }
    let Some((class, map, fields)) = described.get(&r) else {
        return SnapValue::Ref(r);
    };
    let index = virtuals.len() as u32;
    index_of.insert(r, index);
    virtuals.push(Virtual {
        kind: VirtualKind::Instance,
        fields: Vec::new(),
    });
    let mut values = vec![SnapValue::Ref(*class), SnapValue::Ref(*map)];
    for &f in fields {
        values.push(if described.contains_key(&f) {
            virtual_of(f, described, virtuals, index_of)
        } else {
            SnapValue::Ref(f)
        });
    }
    if let Some(v) = virtuals.get_mut(index as usize) {
        v.fields = values;
    }
    SnapValue::Virtual(index)
}
