//! Heap objects: a `#[repr(C)]` header (reference count, type pointer) followed by the
//! payload. Deallocation never recurses: an object whose count drops to zero while another
//! is being freed is queued, so freeing a 100,000-deep nested list cannot overflow the stack
//! (CPython's "trashcan" solves the same problem).

#![allow(unsafe_code)]

use std::cell::{Cell, RefCell};

use super::value::Value;
pub use crate::types::payload::Payload;

/// Counts at or above this are immortal: increments and decrements leave them alone.
const IMMORTAL: usize = 1 << 60;

/// A heap object. Fields are at fixed offsets (see `pyrite_ir::abi`) so JIT code can read
/// them.
#[repr(C)]
pub struct Object {
    refcount: Cell<usize>,
    /// The object's type; holds a counted reference (released when the object is freed).
    ty: Cell<*const Object>,
    pub payload: Payload,
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
    let boxed = Box::new(Object {
        refcount: Cell::new(1),
        ty: Cell::new(ty_ptr),
        payload,
    });
    Box::into_raw(boxed) as *const Object
}

thread_local! {
    /// Objects waiting to be freed while another deallocation is in progress.
    static PENDING_FREE: RefCell<Vec<usize>> = const { RefCell::new(Vec::new()) };
    static FREEING: Cell<bool> = const { Cell::new(false) };
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

/// Frees an object whose count reached zero, draining nested frees iteratively.
///
/// # Safety
/// `ptr` must point to a live object with no references left.
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
    // SAFETY: `allocate` made this pointer with `Box::into_raw`; nothing refers to it now.
    let boxed = unsafe { Box::from_raw(ptr as *mut Object) };
    let ty = boxed.ty.get();
    drop(boxed);
    // SAFETY: the object held one counted reference to its type.
    unsafe { decref(ty) };
}
