//! Heap objects: a `#[repr(C)]` header (reference count, type pointer) followed by the
//! payload. Deallocation never recurses: an object whose count drops to zero while another
//! is being freed is queued, so freeing a 100,000-deep nested list cannot overflow the stack
//! (CPython's "trashcan" solves the same problem).

#![allow(unsafe_code)]

use std::cell::{Cell, RefCell};
use std::collections::HashMap;

use super::value::Value;
pub use crate::types::payload::Payload;

/// Counts at or above this are immortal: increments and decrements leave them alone.
const IMMORTAL: usize = pyrite_ir::abi::IMMORTAL_REFCOUNT as usize;

/// A heap object. Fields are at fixed offsets (see `pyrite_ir::abi`) so JIT code can read
/// them.
#[repr(C)]
pub struct Object {
    refcount: Cell<usize>,
    /// The object's type; holds a counted reference (released when the object is freed).
    ty: Cell<*const Object>,
    /// Collector state (see `gc_flags`): the index in the tracked list of the object's
    /// generation, and flag bits.
    gc: Cell<u64>,
    pub payload: Payload,
}

/// Bits of `Object::gc`.
pub mod gc_flags {
    /// The object's position in its generation's tracked list (when `TRACKED`).
    pub const INDEX_MASK: u64 = 0xFFFF_FFFF;
    /// The cycle collector tracks it (a container that may be part of a cycle).
    pub const TRACKED: u64 = 1 << 32;
    /// Tracked in the old generation (else the young one).
    pub const OLD: u64 = 1 << 33;
    /// Tracked in the permanent generation (`gc.freeze()`): never collected.
    pub const FROZEN: u64 = 1 << 34;
    /// Weak references to it exist (see `object::weak`).
    pub const HAS_WEAKREFS: u64 = 1 << 35;
    /// The cycle collector ran its finalizer (PEP 442's "finalized" bit).
    pub const FINALIZED: u64 = 1 << 36;
}

impl Object {
    #[inline(always)]
    pub(super) fn incref(&self) {
        let count = self.refcount.get();
        if count < IMMORTAL {
            self.refcount.set(count + 1);
        }
    }

    pub(super) fn ref_count(&self) -> usize {
        self.refcount.get()
    }

    pub(super) fn make_immortal(&self) {
        self.refcount.set(IMMORTAL);
        if self.has_gc_flag(gc_flags::TRACKED) {
            super::tracking::untrack(self);
        }
    }

    pub(super) fn is_immortal(&self) -> bool {
        self.refcount.get() >= IMMORTAL
    }

    /// The address of the object's type (an identity test without touching counts).
    #[inline(always)]
    pub fn type_bits(&self) -> u64 {
        self.ty.get() as u64
    }

    /// A new reference to this object's type.
    #[inline]
    pub fn type_value(&self) -> Value {
        let ty = self.ty.get();
        // SAFETY: `ty` was set from a live type object whose count this object holds, so
        // the type is alive while `self` is; `as_value_ref` adds a reference for the copy.
        unsafe { as_value_ref(ty) }
    }

    /// The type object's header, borrowed (no count change).
    #[inline]
    pub fn type_object(&self) -> &Object {
        // SAFETY: see `type_value`: the type lives at least as long as `self`.
        unsafe { &*self.ty.get() }
    }

    /// Whether this object's type is exactly `ty` (pointer identity).
    #[inline(always)]
    pub fn has_type(&self, ty: &Value) -> bool {
        self.ty.get() as usize as u64 == ty.bits()
    }

    /// Replaces the type (`obj.__class__ = T`); the caller checked layout compatibility.
    pub fn set_type(&self, ty: &Value) {
        let Some(new) = ty.as_object() else { return };
        new.incref();
        let old = self.ty.replace(new as *const Object);
        // SAFETY: `old` was the counted type reference this object held.
        unsafe { decref(old) }
    }

    /// The address, for `id()` and reprs.
    pub fn address(&self) -> usize {
        self as *const Object as usize
    }

    #[inline(always)]
    pub(super) fn gc_bits(&self) -> u64 {
        self.gc.get()
    }

    #[inline(always)]
    pub(super) fn set_gc_bits(&self, bits: u64) {
        self.gc.set(bits);
    }

    #[inline(always)]
    pub fn has_gc_flag(&self, flag: u64) -> bool {
        self.gc.get() & flag != 0
    }

    #[inline(always)]
    pub(super) fn set_gc_flag(&self, flag: u64) {
        self.gc.set(self.gc.get() | flag);
    }

    #[inline(always)]
    pub(super) fn clear_gc_flag(&self, flag: u64) {
        self.gc.set(self.gc.get() & !flag);
    }

    /// The type pointer, for the collector's traversal (the header holds a counted
    /// reference to it).
    pub(super) fn type_ptr(&self) -> *const Object {
        self.ty.get()
    }
}

/// Builds a counted `Value` for a raw object pointer, adding one reference.
///
/// # Safety
/// `ptr` must point to a live object.
unsafe fn as_value_ref(ptr: *const Object) -> Value {
    // SAFETY: the caller guarantees `ptr` is live; the increment is the new Value's reference.
    let obj = unsafe { &*ptr };
    obj.incref();
    Value::from_bits(ptr as usize as u64)
}

/// Allocates an object and returns its address. The object starts with one reference.
pub(super) fn allocate(ty: &Value, payload: Payload) -> *const Object {
    let ty_ptr = match ty.as_object() {
        Some(obj) => {
            obj.incref();
            obj as *const Object
        }
        None => std::ptr::null(),
    };
    let container = crate::types::traverse::is_container(&payload);
    let boxed = Box::new(Object {
        refcount: Cell::new(1),
        ty: Cell::new(ty_ptr),
        gc: Cell::new(0),
        payload,
    });
    let ptr = Box::into_raw(boxed) as *const Object;
    if container {
        // SAFETY: just allocated and alive.
        super::tracking::track(unsafe { &*ptr });
    }
    ptr
}

/// Asks for the VM's safe-point hook to run (finalizers, weak reference callbacks, a
/// collection).
pub(super) fn set_finalize_pending() {
    let _ = FINALIZE_PENDING.try_with(|p| p.set(true));
}

thread_local! {
    /// Objects whose count reached zero but that must run Python code first (`__del__`,
    /// closing a suspended generator): kept alive (one reference each, owned by the queue)
    /// until the VM runs their finalizers at the next safe point.
    static FINALIZE_QUEUE: RefCell<Vec<Value>> = const { RefCell::new(Vec::new()) };
    static FINALIZE_PENDING: Cell<bool> = const { Cell::new(false) };
    /// Objects waiting to be freed while another deallocation is in progress.
    static PENDING_FREE: RefCell<Vec<usize>> = const { RefCell::new(Vec::new()) };
    static FREEING: Cell<bool> = const { Cell::new(false) };
    /// The `__dict__`s of instances of user subclasses of builtin types whose payload has
    /// no room for one (an `int` or `str` subclass), by object address; an entry dies
    /// with its object.
    static SIDE_DICTS: RefCell<HashMap<usize, Value>> = RefCell::new(HashMap::new());
    static SIDE_DICTS_USED: Cell<bool> = const { Cell::new(false) };
}

/// The side `__dict__` of `obj` (see `SIDE_DICTS`), made by `create` on first use.
pub fn side_dict(obj: &Object, create: impl FnOnce() -> Value) -> Value {
    let addr = obj.address();
    if let Some(d) = side_dict_get(obj) {
        return d;
    }
    let d = create();
    SIDE_DICTS_USED.with(|u| u.set(true));
    let _ = SIDE_DICTS.try_with(|t| t.borrow_mut().insert(addr, d.clone()));
    d
}

/// The side `__dict__` of `obj`, if one was made.
pub fn side_dict_get(obj: &Object) -> Option<Value> {
    if !SIDE_DICTS_USED.with(Cell::get) {
        return None;
    }
    SIDE_DICTS
        .try_with(|t| t.borrow().get(&obj.address()).cloned())
        .ok()
        .flatten()
}

/// Gives up one reference; frees the object when none are left.
///
/// # Safety
/// `ptr` must point to a live object on which the caller owns one reference.
#[inline(always)]
pub(super) unsafe fn decref(ptr: *const Object) {
    if ptr.is_null() {
        return;
    }
    // SAFETY: the caller owns a reference, so the object is alive.
    let obj = unsafe { &*ptr };
    let count = obj.refcount.get();
    if count >= IMMORTAL {
        return;
    }
    if count > 1 {
        obj.refcount.set(count - 1);
        return;
    }
    obj.refcount.set(0);
    // SAFETY: the count reached zero, so ours was the last reference.
    unsafe { free(ptr) }
}

/// Whether a dying object must run Python code before it is freed: a started, suspended
/// generator (it closes itself), or an instance whose class has a `__del__` that has not
/// run yet.
#[inline]
fn needs_finalizer(obj: &Object) -> bool {
    let attrs = match &obj.payload {
        Payload::Instance(attrs) => attrs,
        Payload::Generator(g) => return g.needs_close(),
        _ => return false,
    };
    let has_del = match &obj.type_object().payload {
        Payload::Type(t) => t.has_flag(crate::types::typeobj::type_flags::HAS_FINALIZER),
        _ => false,
    };
    has_del && attrs.try_borrow().is_ok_and(|a| !a.finalized)
}

/// Whether finalizers are queued (cheap check for the interpreter's safe points).
#[inline(always)]
pub fn finalizers_pending() -> bool {
    FINALIZE_PENDING.with(Cell::get)
}

/// Takes the queued objects (each an owned reference) whose finalizers should run now.
pub fn take_finalizable() -> Vec<Value> {
    FINALIZE_PENDING.with(|p| p.set(false));
    FINALIZE_QUEUE.with(|q| std::mem::take(&mut *q.borrow_mut()))
}

/// Frees an object whose count reached zero, draining nested frees iteratively.
///
/// # Safety
/// `ptr` must point to a live object with no references left.
// Never inlined: `decref` is inlined at every drop of a `Value`, and with this body inside
// it the drop glue grows too big for the dispatch loop to inline it.
#[inline(never)]
unsafe fn free(ptr: *const Object) {
    if FREEING.with(Cell::get) {
        PENDING_FREE.with(|pending| pending.borrow_mut().push(ptr as usize));
        return;
    }
    FREEING.with(|f| f.set(true));
    // SAFETY: no references remain; the box was created by `allocate`.
    unsafe { drop_object(ptr) };
    loop {
        let next = PENDING_FREE.with(|pending| pending.borrow_mut().pop());
        match next {
            // SAFETY: queued pointers had their count reach zero and were not freed yet.
            Some(addr) => unsafe { drop_object(addr as *const Object) },
            None => break,
        }
    }
    FREEING.with(|f| f.set(false));
}

/// # Safety
/// `ptr` came from `allocate` and has no references left.
unsafe fn drop_object(ptr: *const Object) {
    // SAFETY: the object is still allocated (its count reached zero but it is not freed).
    let obj = unsafe { &*ptr };
    if needs_finalizer(obj) {
        // Resurrect it: the finalizer queue now owns one reference.
        obj.refcount.set(1);
        FINALIZE_QUEUE.with(|q| q.borrow_mut().push(Value::from_bits(ptr as usize as u64)));
        FINALIZE_PENDING.with(|p| p.set(true));
        return;
    }
    let gc = obj.gc.get();
    if gc & (gc_flags::HAS_WEAKREFS | gc_flags::TRACKED) != 0 {
        if gc & gc_flags::HAS_WEAKREFS != 0 {
            super::weak::clear_weakrefs(obj);
        }
        if gc & gc_flags::TRACKED != 0 {
            super::tracking::untrack(obj);
        }
    }
    // The address may be reused: its side dict (if any) goes with the object.
    let side = if SIDE_DICTS_USED.with(Cell::get) {
        // `try_with`: the table may be gone already while thread-locals are destroyed.
        SIDE_DICTS
            .try_with(|t| t.borrow_mut().remove(&(ptr as usize)))
            .ok()
            .flatten()
    } else {
        None
    };
    // SAFETY: `allocate` made this pointer with `Box::into_raw`; nothing refers to it now.
    let boxed = unsafe { Box::from_raw(ptr as *mut Object) };
    let ty = boxed.ty.get();
    drop(boxed);
    drop(side);
    // SAFETY: the object held one counted reference to its type.
    unsafe { decref(ty) };
}
