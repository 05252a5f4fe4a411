//! The cycle collector's VM side: what happens to the unreachable objects that
//! `object::tracking` finds. As in CPython: weak references to them are cleared first (the
//! callbacks of weak references that are not garbage themselves run), then finalizers run
//! once each (`__del__`, PEP 442; suspended generators close), then the objects that a
//! finalizer resurrected are spared and the rest have their references broken, which lets
//! reference counting free them. Collections only start at safe points: explicitly
//! (`gc.collect()`) or when the young generation outgrows its threshold, checked where
//! the interpreter runs pending finalizers.

use std::collections::HashSet;

use crate::modules::gc_module::DEBUG_SAVEALL;
use crate::object::{Payload, Value, tracking, weak};
use crate::types::typeobj::type_flags;
use crate::vm::Vm;

impl Vm {
    /// Runs a collection of `generation` (0: young only; 1 or 2: everything) and returns
    /// the number of unreachable objects it freed.
    pub fn collect_garbage(&mut self, generation: u32) -> usize {
        if !tracking::begin_collection() {
            return 0;
        }
        self.run_gc_callbacks("start", generation, 0);
        let garbage = tracking::find_unreachable(generation);
        let found = if garbage.is_empty() {
            0
        } else {
            self.dispose_garbage(garbage)
        };
        tracking::end_collection();
        tracking::record_stats(generation, found);
        self.run_gc_callbacks("stop", generation, found);
        found
    }

    /// Finalizes and clears `garbage`; returns how many objects stayed unreachable after
    /// the finalizers ran (CPython 3.13's count: resurrected objects are not counted, nor
    /// those the finalizers let reference counting free).
    fn dispose_garbage(&mut self, garbage: Vec<Value>) -> usize {
        let addrs: HashSet<u64> = garbage.iter().map(Value::bits).collect();
        for obj in &garbage {
            weak::clear_weakrefs_of_garbage(obj, &|a| addrs.contains(&a));
        }
        self.run_weak_callbacks();
        let mut finalized_any = false;
        for obj in &garbage {
            finalized_any |= self.finalize_garbage_object(obj);
        }
        let (unreachable, collected) = if finalized_any {
            let unreachable = tracking::still_unreachable(&garbage);
            let freed = tracking::freed_by_refcount(&garbage, &unreachable);
            let counted = unreachable
                .iter()
                .zip(&freed)
                .filter(|&(&dead, &gone)| dead && !gone)
                .count();
            (unreachable, counted)
        } else {
            (vec![true; garbage.len()], garbage.len())
        };
        if self.gc_debug_flags & DEBUG_SAVEALL != 0
            && let Some(saved) = self.gc_garbage.as_list()
        {
            // Kept alive in `gc.garbage`, uncleared, as CPython's DEBUG_SAVEALL does.
            let mut saved = saved.borrow_mut();
            for (obj, dead) in garbage.iter().zip(unreachable) {
                if dead {
                    saved.push(obj.clone());
                }
            }
            return collected;
        }
        let mut taken = Vec::new();
        for (obj, dead) in garbage.iter().zip(unreachable) {
            if let (true, Some(payload)) = (dead, obj.payload()) {
                crate::types::traverse::clear(payload, &mut taken);
            }
        }
        drop(taken);
        drop(garbage);
        collected
    }

    /// Runs the finalizer of a garbage object if it has one that has not run; returns
    /// whether Python code ran.
    fn finalize_garbage_object(&mut self, obj: &Value) -> bool {
        match obj.payload() {
            Some(Payload::Generator(g)) if g.needs_close() => {
                self.finalize_generator(obj);
                true
            }
            Some(Payload::Instance(attrs)) => {
                let has_del = obj.as_object().is_some_and(|o| {
                    matches!(&o.type_object().payload,
                        Payload::Type(t) if t.has_flag(type_flags::HAS_FINALIZER))
                });
                if !has_del {
                    return false;
                }
                match attrs.try_borrow_mut() {
                    Ok(mut a) if !a.finalized => a.finalized = true,
                    _ => return false,
                }
                self.call_del(obj);
                true
            }
            _ => false,
        }
    }

    /// Calls `obj.__del__()`, reporting an exception as unraisable.
    pub(crate) fn call_del(&mut self, obj: &Value) {
        if let Some(del) = self.lookup_special(obj, "__del__") {
            let saved_exc = self.exc_info.clone();
            if let Err(err) = self.call(&del, &[obj.clone()]) {
                self.report_unraisable(err, &del);
            }
            self.exc_info = saved_exc;
        }
    }

    /// Calls the callbacks of weak references whose referents died.
    pub(crate) fn run_weak_callbacks(&mut self) {
        loop {
            let due = weak::take_weak_callbacks();
            if due.is_empty() {
                break;
            }
            for wr in due {
                let Some(data) = wr.as_object().and_then(weak::weak_data) else {
                    continue;
                };
                let callback = data.callback.replace(Value::NONE);
                if callback.is_null() || callback.is_none() {
                    continue;
                }
                let saved_exc = self.exc_info.clone();
                if let Err(err) = self.call(&callback, &[wr.clone()]) {
                    self.report_unraisable(err, &callback);
                }
                self.exc_info = saved_exc;
            }
        }
    }

    /// Calls each of `gc.callbacks` with `(phase, info)`.
    fn run_gc_callbacks(&mut self, phase: &str, generation: u32, collected: usize) {
        let callbacks = match self.gc_callbacks.as_list() {
            Some(l) => l.borrow().clone(),
            None => return,
        };
        if callbacks.is_empty() {
            return;
        }
        let info = self.new_dict();
        let entries = [
            ("generation", self.new_int(i64::from(generation.min(2)))),
            ("collected", self.new_int(collected as i64)),
            ("uncollectable", self.new_int(0)),
        ];
        for (k, v) in entries {
            if self.set_item_str(&info, k, v).is_err() {
                return;
            }
        }
        let phase = self.new_str(phase);
        for cb in callbacks {
            let saved_exc = self.exc_info.clone();
            if let Err(err) = self.call(&cb, &[phase.clone(), info.clone()]) {
                self.report_unraisable(err, &cb);
            }
            self.exc_info = saved_exc;
        }
    }
}
