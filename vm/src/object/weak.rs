//! Weak references in the object model. A weak reference object (`weakref.ref`, a proxy)
//! carries a [`WeakRefData`] as its native state; the referent records that it is weakly
//! referenced with a header flag, and its weak references live in a side table keyed by its
//! address (in CPython's list order). When the referent dies its weak references are
//! cleared and those with a callback are queued; the VM calls them at its next safe point.
//!
//! A side table (rather than a list head in every object header) keeps objects small: few
//! objects are ever weakly referenced, and the header flag makes the check on free one bit
//! test.

#![allow(unsafe_code)]

use std::cell::{Cell, RefCell};
use std::collections::HashMap;

use super::heap::{self, Object, Payload};
use super::value::Value;
use crate::runtime::native::NativeState;

/// Which kind of weak reference: CPython's three weakref types.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum WeakKind {
    Ref,
    Proxy,
    CallableProxy,
}

/// The state of a weak reference object.
pub struct WeakRefData {
    /// The referent's address; 0 once it is gone (or before `attach`).
    referent: Cell<u64>,
    /// The weak reference object's own address (set by `attach`).
    owner: Cell<u64>,
    pub kind: WeakKind,
    /// The callback (NULL or None when there is none); cleared when the referent dies.
    pub callback: RefCell<Value>,
    /// The referent's hash, once computed (it must survive the referent).
    pub hash: Cell<Option<i64>>,
}

thread_local! {
    /// Referent address -> addresses of its weak reference objects (uncounted), in
    /// CPython's order: the plain `ref` without callback first, then the plain proxy, then
    /// the others, most recent first.
    static WEAK_LISTS: RefCell<HashMap<u64, Vec<u64>>> = RefCell::new(HashMap::new());
    /// Weak reference objects (each an owned reference) whose callbacks are due.
    static CALLBACK_QUEUE: RefCell<Vec<Value>> = const { RefCell::new(Vec::new()) };
}

impl WeakRefData {
    /// A weak reference not yet attached to a referent.
    pub fn new(kind: WeakKind, callback: Value) -> WeakRefData {
        WeakRefData {
            referent: Cell::new(0),
            owner: Cell::new(0),
            kind,
            callback: RefCell::new(callback),
            hash: Cell::new(None),
        }
    }

    /// The referent, if it is still alive.
    pub fn get(&self) -> Option<Value> {
        let bits = self.referent.get();
        if bits == 0 {
            return None;
        }
        // SAFETY: a nonzero `referent` is cleared before the referent is freed (see
        // `clear_on_death`), so the object is still allocated.
        let obj = unsafe { &*(bits as usize as *const Object) };
        if obj.ref_count() == 0 {
            // Dying (queued for freeing): CPython's weak references see it as gone.
            return None;
        }
        obj.incref();
        Some(Value::from_bits(bits))
    }

    /// Whether the referent is gone.
    pub fn is_dead(&self) -> bool {
        self.get().is_none()
    }
}

impl Drop for WeakRefData {
    fn drop(&mut self) {
        let referent = self.referent.replace(0);
        if referent == 0 {
            return;
        }
        let owner = self.owner.get();
        let emptied = WEAK_LISTS
            .try_with(|lists| {
                let mut lists = lists.borrow_mut();
                let Some(list) = lists.get_mut(&referent) else {
                    return false;
                };
                list.retain(|&w| w != owner);
                if list.is_empty() {
                    lists.remove(&referent);
                    return true;
                }
                false
            })
            .unwrap_or(false);
        if emptied {
            // SAFETY: the referent is still allocated (its list entry existed, and entries
            // are removed before an object is freed).
            let obj = unsafe { &*(referent as usize as *const Object) };
            obj.clear_gc_flag(heap::gc_flags::HAS_WEAKREFS);
        }
    }
}

/// The weak reference state of `obj`, if it is a weak reference object.
pub fn weak_data(obj: &Object) -> Option<&WeakRefData> {
    match &obj.payload {
        Payload::Native(n) => (&*n.state as &dyn std::any::Any).downcast_ref::<WeakRefData>(),
        _ => None,
    }
}

/// The weak reference objects of `referent` that are alive, in list order.
pub fn weakrefs_of(referent: &Object) -> Vec<Value> {
    if !referent.has_gc_flag(heap::gc_flags::HAS_WEAKREFS) {
        return Vec::new();
    }
    let addrs: Vec<u64> = WEAK_LISTS
        .try_with(|lists| {
            lists
                .borrow()
                .get(&(referent.address() as u64))
                .cloned()
                .unwrap_or_default()
        })
        .unwrap_or_default();
    addrs.into_iter().filter_map(live_value).collect()
}

/// A counted reference to the weak reference object at `addr`, unless it is dying.
fn live_value(addr: u64) -> Option<Value> {
    // SAFETY: addresses in the lists belong to allocated weak reference objects (an object
    // leaves its referent's list when its state is dropped, before it is freed).
    let obj = unsafe { &*(addr as usize as *const Object) };
    if obj.ref_count() == 0 {
        return None;
    }
    obj.incref();
    Some(Value::from_bits(addr))
}

/// Makes `weakref` (a weak reference object) refer to `referent`, inserted at `index` of
/// the referent's list (clamped). Returns false when `weakref` has no weak state or is
/// attached already.
pub fn attach(weakref: &Value, referent: &Value, index: usize) -> bool {
    let (Some(wobj), Some(robj)) = (weakref.as_object(), referent.as_object()) else {
        return false;
    };
    let Some(data) = weak_data(wobj) else {
        return false;
    };
    if data.referent.get() != 0 || data.owner.get() != 0 {
        return false;
    }
    data.referent.set(referent.bits());
    data.owner.set(weakref.bits());
    let inserted = WEAK_LISTS.try_with(|lists| {
        let mut lists = lists.borrow_mut();
        let list = lists.entry(referent.bits()).or_default();
        let at = index.min(list.len());
        list.insert(at, weakref.bits());
    });
    if inserted.is_err() {
        data.referent.set(0);
        return false;
    }
    robj.set_gc_flag(heap::gc_flags::HAS_WEAKREFS);
    true
}

/// Clears the weak references of a dying object: each stops referring to it, and those
/// with a callback are queued. Returns how many were queued.
pub(super) fn clear_weakrefs(obj: &Object) -> usize {
    obj.clear_gc_flag(heap::gc_flags::HAS_WEAKREFS);
    let addrs = WEAK_LISTS
        .try_with(|lists| lists.borrow_mut().remove(&(obj.address() as u64)))
        .ok()
        .flatten()
        .unwrap_or_default();
    let mut queued = 0;
    for addr in addrs {
        // SAFETY: see `live_value`.
        let wobj = unsafe { &*(addr as usize as *const Object) };
        let Some(data) = weak_data(wobj) else {
            continue;
        };
        data.referent.set(0);
        let has_callback = data
            .callback
            .try_borrow()
            .is_ok_and(|c| !c.is_null() && !c.is_none());
        // A weak reference that is dying itself never calls back.
        if has_callback && wobj.ref_count() > 0 {
            wobj.incref();
            let v = Value::from_bits(addr);
            let _ = CALLBACK_QUEUE.try_with(|q| q.borrow_mut().push(v));
            queued += 1;
        }
    }
    if queued > 0 {
        heap::set_finalize_pending();
    }
    queued
}

/// Clears the weak references of `obj` (a cycle collector's garbage object); callbacks of
/// the weak references that `is_garbage` rejects are queued.
pub fn clear_weakrefs_of_garbage(obj: &Value, is_garbage: &dyn Fn(u64) -> bool) {
    let Some(o) = obj.as_object() else { return };
    if !o.has_gc_flag(heap::gc_flags::HAS_WEAKREFS) {
        return;
    }
    let addrs = WEAK_LISTS
        .try_with(|lists| lists.borrow_mut().remove(&obj.bits()))
        .ok()
        .flatten()
        .unwrap_or_default();
    o.clear_gc_flag(heap::gc_flags::HAS_WEAKREFS);
    let mut queued = false;
    for addr in addrs {
        // SAFETY: see `live_value`.
        let wobj = unsafe { &*(addr as usize as *const Object) };
        let Some(data) = weak_data(wobj) else {
            continue;
        };
        data.referent.set(0);
        let has_callback = data
            .callback
            .try_borrow()
            .is_ok_and(|c| !c.is_null() && !c.is_none());
        if has_callback && !is_garbage(addr) && wobj.ref_count() > 0 {
            wobj.incref();
            let v = Value::from_bits(addr);
            let _ = CALLBACK_QUEUE.try_with(|q| q.borrow_mut().push(v));
            queued = true;
        }
    }
    if queued {
        heap::set_finalize_pending();
    }
}

/// Takes the weak reference objects whose callbacks are due (owned references).
pub fn take_weak_callbacks() -> Vec<Value> {
    CALLBACK_QUEUE
        .try_with(|q| std::mem::take(&mut *q.borrow_mut()))
        .unwrap_or_default()
}

/// A weak reference holds its callback strongly (not its referent).
impl NativeState for WeakRefData {
    fn traverse(&self, visit: &mut dyn FnMut(&Value)) {
        if let Ok(cb) = self.callback.try_borrow() {
            visit(&cb);
        }
    }
    fn clear(&self, out: &mut Vec<Value>) {
        if let Ok(mut cb) = self.callback.try_borrow_mut() {
            out.push(std::mem::take(&mut *cb));
        }
    }
}
