//! Finalizers (`__del__`, closing suspended generators, weak reference callbacks, and
//! collections the allocator asked for): instances of classes with a finalizer and suspended generators are queued by the heap when their last
//! reference goes (see `object::heap`), and run here at the interpreter's safe points
//! (calls, function entry, loop back-edges, program end), so output stays in the order
//! CPython's synchronous finalization gives. Each finalizer runs once; an instance it
//! resurrects stays alive. Errors are reported as "Exception ignored in" on stderr.

use crate::object::{Payload, Value, finalizers_pending, take_finalizable};
use crate::vm::Vm;

impl Vm {
    /// Runs queued finalizers, if any.
    #[inline]
    pub fn run_finalizers(&mut self) {
        if finalizers_pending() && !self.finalizing {
            self.run_finalizers_slow();
        }
    }

    #[cold]
    fn run_finalizers_slow(&mut self) {
        self.finalizing = true;
        loop {
            self.run_weak_callbacks();
            let batch = take_finalizable();
            if batch.is_empty() {
                if crate::object::tracking::take_collection_request() {
                    let generation = crate::object::tracking::automatic_generation();
                    self.collect_garbage(generation);
                    continue;
                }
                break;
            }
            for obj in batch {
                if matches!(obj.payload(), Some(Payload::Generator(_))) {
                    self.finalize_generator(&obj);
                    continue;
                }
                if let Some(Payload::Instance(attrs)) = obj.payload() {
                    attrs.borrow_mut().finalized = true;
                }
                self.call_del(&obj);
                drop(obj);
            }
        }
        self.finalizing = false;
    }

    /// Prints an exception that cannot propagate (from `__del__` or closing a generator) as
    /// CPython's default `sys.unraisablehook` does: "Exception ignored in: <obj>", then it.
    pub fn report_unraisable(&mut self, err: crate::runtime::errors::PyErr, origin: &Value) {
        let exc = self.exception_object(err);
        let what = self.repr(origin).unwrap_or_default();
        let text = self.format_exception(&exc);
        let _ = self.flush_std_streams();
        self.write_stderr(&format!("Exception ignored in: {what}\n{text}"));
    }

    /// Interpreter shutdown: clears `__main__`'s globals (names starting with a single `_` first,
    /// then the rest, each in insertion order, as CPython does), running finalizers of
    /// what dies.
    pub fn finalize_main_module(&mut self) {
        self.run_finalizers();
        self.run_weakref_exit_finalizers();
        let main = self.new_str("__main__");
        let Ok(Some(module)) = self.mapping_lookup(&self.modules.clone(), &main) else {
            return;
        };
        let Some(Payload::Module(m)) = module.payload() else {
            return;
        };
        let dict = m.dict.clone();
        for underscore_pass in [true, false] {
            let keys: Vec<Value> = match dict.as_dict() {
                Some(t) => t.borrow().keys(),
                None => return,
            };
            for key in keys {
                let Some(name) = key.as_str() else { continue };
                // CPython's module clearing: names with a single leading underscore first.
                let single_underscore = name.starts_with('_') && !name.starts_with("__");
                if name == "__builtins__" || (underscore_pass && !single_underscore) {
                    continue;
                }
                if let Some(table) = dict.as_dict() {
                    let old = {
                        let mut t = table.borrow_mut();
                        let hash = crate::runtime::hashing::str_hash_cached(name);
                        let idx = t.find(hash, |k| k.as_str() == Some(name));
                        idx.and_then(|i| t.set_value_at(i, Value::NONE))
                    };
                    drop(old);
                }
                self.run_finalizers();
            }
        }
    }
}

impl Vm {
    /// `weakref.finalize` objects still alive at exit run now (before module teardown),
    /// as CPython's `atexit` hook for them does.
    fn run_weakref_exit_finalizers(&mut self) {
        let name = self.new_str("weakref");
        let Ok(Some(module)) = self.mapping_lookup(&self.modules.clone(), &name) else {
            return;
        };
        let Ok(finalize) = self.getattr_str(&module, "finalize") else {
            return;
        };
        if let Err(err) = self.call_method(&finalize, "_exitfunc", &[]) {
            self.report_unraisable(err, &finalize);
        }
        self.run_finalizers();
    }
}
