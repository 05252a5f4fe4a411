//! The cycle collector's bookkeeping and its core: containers are tracked in per-generation
//! lists (young, old, permanent) of uncounted addresses, each object remembering its index
//! in its header so tracking and untracking are a push and a swap-remove. A collection
//! (started only at the VM's safe points) finds the unreachable objects of a generation by
//! trial deletion, as CPython does: copy each reference count, subtract the references
//! that come from inside the generation, and everything not reachable from an object
//! with a remaining (outside) reference is garbage. The VM then finalizes and clears it
//! (`runtime::collector`).

#![allow(unsafe_code)]

use std::cell::RefCell;

use super::heap::{Object, gc_flags, set_finalize_pending};
use super::value::Value;
use crate::types::traverse::traverse;

const YOUNG: usize = 0;
const OLD: usize = 1;
const PERMANENT: usize = 2;

/// Collector settings and statistics (`gc.get_threshold()`, `gc.get_count()`...).
struct GcState {
    lists: [Vec<u64>; 3],
    enabled: bool,
    thresholds: [u32; 3],
    /// Young collections since the last full one.
    young_collections: u32,
    /// Size of the old generation after the last full collection.
    old_after_full: usize,
    /// A collection was requested (the young generation outgrew its threshold).
    pending: bool,
    /// A collection is running (no nested ones).
    collecting: bool,
    /// Per generation: collections run, objects found unreachable (`gc.get_stats()`).
    stats: [[usize; 2]; 3],
}

thread_local! {
    static GC: RefCell<GcState> = const {
        RefCell::new(GcState {
            lists: [Vec::new(), Vec::new(), Vec::new()],
            enabled: true,
            thresholds: [2000, 10, 10],
            young_collections: 0,
            old_after_full: 0,
            pending: false,
            collecting: false,
            stats: [[0; 2]; 3],
        })
    };
}

fn generation_of(bits: u64) -> usize {
    if bits & gc_flags::FROZEN != 0 {
        PERMANENT
    } else if bits & gc_flags::OLD != 0 {
        OLD
    } else {
        YOUNG
    }
}

/// Starts tracking a new container in the young generation.
#[inline]
pub(super) fn track(obj: &Object) {
    let _ = GC.try_with(|g| {
        let Ok(mut g) = g.try_borrow_mut() else {
            return;
        };
        let list = &mut g.lists[YOUNG];
        let index = list.len() as u64;
        list.push(obj.address() as u64);
        obj.set_gc_bits(
            (obj.gc_bits() & !(gc_flags::INDEX_MASK | gc_flags::OLD | gc_flags::FROZEN))
                | gc_flags::TRACKED
                | index,
        );
        let young = list.len();
        if young > g.thresholds[0] as usize && g.thresholds[0] != 0 && g.enabled && !g.pending {
            g.pending = true;
            set_finalize_pending();
        }
    });
}

/// Stops tracking `obj` (it is being freed, or became immortal).
#[inline]
pub(super) fn untrack(obj: &Object) {
    let bits = obj.gc_bits();
    let index = (bits & gc_flags::INDEX_MASK) as usize;
    let generation = generation_of(bits);
    obj.set_gc_bits(
        bits & !(gc_flags::INDEX_MASK | gc_flags::TRACKED | gc_flags::OLD | gc_flags::FROZEN),
    );
    let _ = GC.try_with(|g| {
        let Ok(mut g) = g.try_borrow_mut() else {
            return;
        };
        let list = &mut g.lists[generation];
        if index >= list.len() || list[index] != obj.address() as u64 {
            return;
        }
        list.swap_remove(index);
        if let Some(&moved) = list.get(index) {
            // SAFETY: tracked addresses belong to live objects (untracked before freeing).
            let m = unsafe { &*(moved as usize as *const Object) };
            m.set_gc_bits((m.gc_bits() & !gc_flags::INDEX_MASK) | index as u64);
        }
    });
}

/// Moves every object of generation `from` to the end of generation `to`.
fn move_all(g: &mut GcState, from: usize, to: usize) {
    let moved = std::mem::take(&mut g.lists[from]);
    let flag = match to {
        OLD => gc_flags::OLD,
        PERMANENT => gc_flags::FROZEN,
        _ => 0,
    };
    for addr in moved {
        let index = g.lists[to].len() as u64;
        g.lists[to].push(addr);
        // SAFETY: tracked addresses belong to live objects.
        let o = unsafe { &*(addr as usize as *const Object) };
        let bits = o.gc_bits() & !(gc_flags::INDEX_MASK | gc_flags::OLD | gc_flags::FROZEN);
        o.set_gc_bits(bits | flag | index);
    }
}

/// Whether a collection was requested by allocation; clears the request.
pub fn take_collection_request() -> bool {
    GC.try_with(|g| {
        let Ok(mut g) = g.try_borrow_mut() else {
            return false;
        };
        std::mem::replace(&mut g.pending, false) && g.enabled && !g.collecting
    })
    .unwrap_or(false)
}

/// Which generation an automatic collection should cover: 0 (young) or 2 (everything).
pub fn automatic_generation() -> u32 {
    GC.try_with(|g| {
        let g = g.borrow();
        let enough_young = g.thresholds[1] != 0 && g.young_collections >= g.thresholds[1];
        // CPython's rule for the oldest generation: only when it grew by a quarter.
        let grown = g.lists[OLD].len() > g.old_after_full + g.old_after_full / 4;
        if enough_young && g.thresholds[2] != 0 && grown {
            2
        } else {
            0
        }
    })
    .unwrap_or(0)
}

/// Marks a collection as running (false if one already is).
pub fn begin_collection() -> bool {
    GC.try_with(|g| {
        let mut g = g.borrow_mut();
        if g.collecting {
            return false;
        }
        g.collecting = true;
        true
    })
    .unwrap_or(false)
}

pub fn end_collection() {
    let _ = GC.try_with(|g| g.borrow_mut().collecting = false);
}

/// Finds the unreachable objects of the young generation (`generation` 0) or of all
/// collectable ones (1 or 2), returning an owned reference to each. Survivors move to the
/// old generation.
pub fn find_unreachable(generation: u32) -> Vec<Value> {
    let Ok(list) = GC.try_with(|g| {
        let mut g = g.borrow_mut();
        let which = if generation == 0 {
            g.young_collections += 1;
            YOUNG
        } else {
            move_all(&mut g, YOUNG, OLD);
            g.young_collections = 0;
            OLD
        };
        (which, g.lists[which].clone())
    }) else {
        return Vec::new();
    };
    let (which, addrs) = list;
    let in_set = |bits: u64| -> Option<usize> {
        let index = (bits & gc_flags::INDEX_MASK) as usize;
        (bits & gc_flags::TRACKED != 0 && generation_of(bits) == which).then_some(index)
    };
    let objects: Vec<&Object> = addrs
        .iter()
        // SAFETY: tracked addresses belong to live objects, and nothing is freed while a
        // collection analyses them (no Python code runs, no count drops).
        .map(|&a| unsafe { &*(a as usize as *const Object) })
        .collect();
    let unreachable = trial_deletion(&objects, &|o: &Object| in_set(o.gc_bits()));
    let garbage: Vec<Value> = unreachable
        .into_iter()
        .map(|i| {
            let o = objects[i];
            o.incref();
            Value::from_bits(o.address() as u64)
        })
        .collect();
    let _ = GC.try_with(|g| {
        let mut g = g.borrow_mut();
        if which == YOUNG {
            move_all(&mut g, YOUNG, OLD);
        } else {
            g.old_after_full = g.lists[OLD].len();
        }
    });
    garbage
}

/// Trial deletion over `objects`: `index_of` gives an object's index in `objects` when it
/// belongs to the set. Returns the indices of the objects unreachable from outside.
fn trial_deletion(objects: &[&Object], index_of: &dyn Fn(&Object) -> Option<usize>) -> Vec<usize> {
    let mut refs: Vec<i64> = objects
        .iter()
        .map(|o| {
            if o.is_immortal() {
                i64::MAX
            } else {
                o.ref_count() as i64
            }
        })
        .collect();
    for o in objects {
        visit_references(o, &mut |child: &Object| {
            if let Some(i) = index_of(child)
                && i < refs.len()
            {
                refs[i] -= 1;
            }
        });
    }
    let mut reachable = vec![false; objects.len()];
    let mut work: Vec<usize> = Vec::new();
    for (i, &r) in refs.iter().enumerate() {
        if r > 0 {
            reachable[i] = true;
            work.push(i);
        }
    }
    while let Some(i) = work.pop() {
        visit_references(objects[i], &mut |child: &Object| {
            if let Some(c) = index_of(child)
                && c < reachable.len()
                && !reachable[c]
            {
                reachable[c] = true;
                work.push(c);
            }
        });
    }
    (0..objects.len()).filter(|&i| !reachable[i]).collect()
}

/// Calls `visit` on every object `obj` holds a counted reference to (its type included).
fn visit_references(obj: &Object, visit: &mut dyn FnMut(&Object)) {
    let ty = obj.type_ptr();
    if !ty.is_null() {
        // SAFETY: the header holds a counted reference to its type, which is alive.
        visit(unsafe { &*ty });
    }
    traverse(&obj.payload, &mut |v: &Value| {
        if let Some(o) = v.as_object() {
            visit(o);
        }
    });
}

/// A set of objects the caller holds one reference to each, indexed by address, with
/// each one's references from outside the caller (its count less the caller's one).
struct OwnedSet<'a> {
    objs: Vec<&'a Object>,
    positions: std::collections::HashMap<usize, usize>,
    owners: Vec<i64>,
}

impl<'a> OwnedSet<'a> {
    /// `None` when one of `objects` is not a heap object.
    fn of(objects: &'a [Value]) -> Option<Self> {
        let objs: Vec<&Object> = objects.iter().filter_map(Value::as_object).collect();
        if objs.len() != objects.len() {
            return None;
        }
        let positions = objs
            .iter()
            .enumerate()
            .map(|(i, o)| (o.address(), i))
            .collect();
        let owners = objs
            .iter()
            // The caller's own reference does not count.
            .map(|o| {
                if o.is_immortal() {
                    i64::MAX
                } else {
                    o.ref_count() as i64 - 1
                }
            })
            .collect();
        Some(OwnedSet {
            objs,
            positions,
            owners,
        })
    }
}

/// Which of `objects` (owned references the caller holds, one each) are still unreachable
/// from outside the set: used after finalizers ran, to spare resurrected objects.
pub fn still_unreachable(objects: &[Value]) -> Vec<bool> {
    let Some(OwnedSet {
        objs,
        positions,
        owners: mut refs,
    }) = OwnedSet::of(objects)
    else {
        return vec![false; objects.len()];
    };
    for o in &objs {
        visit_references(o, &mut |child: &Object| {
            if let Some(&i) = positions.get(&child.address()) {
                refs[i] -= 1;
            }
        });
    }
    let mut reachable = vec![false; objs.len()];
    let mut work: Vec<usize> = Vec::new();
    for (i, &r) in refs.iter().enumerate() {
        if r > 0 {
            reachable[i] = true;
            work.push(i);
        }
    }
    while let Some(i) = work.pop() {
        visit_references(objs[i], &mut |child: &Object| {
            if let Some(&c) = positions.get(&child.address())
                && !reachable[c]
            {
                reachable[c] = true;
                work.push(c);
            }
        });
    }
    reachable.into_iter().map(|r| !r).collect()
}

/// Which of the still-unreachable `objects` reference counting alone would now free:
/// those whose only owner left is the caller's list, and, in cascade, what only they
/// held. After finalizers ran (a generator closed, a `__del__` dropped attributes),
/// CPython frees such objects during the collection and does not count them.
pub fn freed_by_refcount(objects: &[Value], unreachable: &[bool]) -> Vec<bool> {
    let set = match OwnedSet::of(objects) {
        Some(set) if unreachable.len() == objects.len() => set,
        _ => return vec![false; objects.len()],
    };
    let OwnedSet {
        objs,
        positions,
        mut owners,
    } = set;
    let mut freed = vec![false; objs.len()];
    let mut work: Vec<usize> = (0..objs.len())
        .filter(|&i| unreachable[i] && owners[i] == 0)
        .collect();
    for &i in &work {
        freed[i] = true;
    }
    while let Some(i) = work.pop() {
        visit_references(objs[i], &mut |child: &Object| {
            if let Some(&c) = positions.get(&child.address()) {
                owners[c] -= 1;
                if owners[c] == 0 && unreachable[c] && !freed[c] {
                    freed[c] = true;
                    work.push(c);
                }
            }
        });
    }
    freed
}

/// Whether `v` is tracked by the collector (`gc.is_tracked`).
pub fn is_tracked(v: &Value) -> bool {
    v.as_object()
        .is_some_and(|o| o.has_gc_flag(gc_flags::TRACKED))
}

/// Every tracked object (owned references), for `gc.get_objects()`/`get_referrers()`.
pub fn all_tracked(generation: Option<u32>) -> Vec<Value> {
    GC.try_with(|g| {
        let g = g.borrow();
        let lists: Vec<usize> = match generation {
            Some(0) => vec![YOUNG],
            Some(1) => vec![],
            Some(_) => vec![OLD],
            None => vec![YOUNG, OLD, PERMANENT],
        };
        let mut out = Vec::new();
        for l in lists {
            for &addr in &g.lists[l] {
                // SAFETY: tracked addresses belong to live objects.
                let o = unsafe { &*(addr as usize as *const Object) };
                if o.ref_count() > 0 {
                    o.incref();
                    out.push(Value::from_bits(addr));
                }
            }
        }
        out
    })
    .unwrap_or_default()
}

/// The objects `v` refers to (owned references), for `gc.get_referents()`.
pub fn referents(v: &Value) -> Vec<Value> {
    let mut out = Vec::new();
    if let Some(o) = v.as_object() {
        traverse(&o.payload, &mut |c: &Value| out.push(c.clone()));
    }
    out
}

pub fn is_enabled() -> bool {
    GC.try_with(|g| g.borrow().enabled).unwrap_or(false)
}

pub fn set_enabled(on: bool) {
    let _ = GC.try_with(|g| g.borrow_mut().enabled = on);
}

pub fn thresholds() -> [u32; 3] {
    GC.try_with(|g| g.borrow().thresholds).unwrap_or([0; 3])
}

pub fn set_thresholds(t: [u32; 3]) {
    let _ = GC.try_with(|g| g.borrow_mut().thresholds = t);
}

/// `gc.get_count()`: young objects, young collections since the last full one, 0.
pub fn counts() -> [usize; 3] {
    GC.try_with(|g| {
        let g = g.borrow();
        [g.lists[YOUNG].len(), g.young_collections as usize, 0]
    })
    .unwrap_or([0; 3])
}

/// `gc.freeze()`: moves everything tracked into the permanent generation.
pub fn freeze() {
    let _ = GC.try_with(|g| {
        let mut g = g.borrow_mut();
        move_all(&mut g, YOUNG, PERMANENT);
        move_all(&mut g, OLD, PERMANENT);
    });
}

/// `gc.unfreeze()`: back into the old generation.
pub fn unfreeze() {
    let _ = GC.try_with(|g| move_all(&mut g.borrow_mut(), PERMANENT, OLD));
}

pub fn freeze_count() -> usize {
    GC.try_with(|g| g.borrow().lists[PERMANENT].len())
        .unwrap_or(0)
}

/// Records a finished collection of `generation` that found `collected` objects.
pub fn record_stats(generation: u32, collected: usize) {
    let _ = GC.try_with(|g| {
        let mut g = g.borrow_mut();
        let s = &mut g.stats[generation.min(2) as usize];
        s[0] += 1;
        s[1] += collected;
    });
}

/// Per generation: collections and unreachable objects found (`gc.get_stats()`).
pub fn stats() -> [[usize; 2]; 3] {
    GC.try_with(|g| g.borrow().stats).unwrap_or([[0; 2]; 3])
}
