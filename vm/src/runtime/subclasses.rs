//! `type.__subclasses__()`: every type keeps weak references to its direct subclasses in
//! the order they were added (dead ones are skipped and pruned). Class creation adds the
//! links; code that changes `__bases__` must call `remove_subclass` for the old bases and
//! `add_subclass` for the new ones.

use crate::modules::weakref_native::weakref_target;
use crate::object::Value;
use crate::vm::Vm;

impl Vm {
    /// Records `sub` as a direct subclass of `base` (both type objects).
    pub fn add_subclass(&mut self, base: &Value, sub: &Value) {
        if base.as_type_data().is_none() {
            return;
        }
        let Ok(link) = self.new_weakref(sub, Value::NONE) else {
            return;
        };
        if let Some(bd) = base.as_type_data() {
            let mut refs = bd.subclass_refs().borrow_mut();
            refs.retain(|r| weakref_target(r).is_some_and(|t| !t.is(sub)));
            refs.push(link);
        }
    }

    /// Forgets `sub` as a direct subclass of `base`.
    pub fn remove_subclass(&mut self, base: &Value, sub: &Value) {
        if let Some(bd) = base.as_type_data() {
            let removed: Vec<Value> = {
                let mut refs = bd.subclass_refs().borrow_mut();
                let (gone, kept): (Vec<Value>, Vec<Value>) = refs
                    .drain(..)
                    .partition(|r| weakref_target(r).is_none_or(|t| t.is(sub)));
                *refs = kept;
                gone
            };
            drop(removed);
        }
    }

    /// The live direct subclasses of `ty`, oldest first.
    pub fn subclasses(&mut self, ty: &Value) -> Vec<Value> {
        let Some(data) = ty.as_type_data() else {
            return Vec::new();
        };
        let refs: Vec<Value> = {
            let mut refs = data.subclass_refs().borrow_mut();
            refs.retain(|r| weakref_target(r).is_some());
            refs.clone()
        };
        refs.iter().filter_map(weakref_target).collect()
    }
}
