//! Assigning `cls.__bases__`: CPython's checks and messages (a non-empty tuple of classes,
//! no inheritance cycle, no duplicate, a compatible instance layout), then the new MRO,
//! the subclass links that carry version bumps, and a version bump of the class and its
//! subclasses so every attribute cache keyed by the old MRO is invalidated.
//! The MROs of existing subclasses are recomputed too, through `__subclasses__` links.

use crate::object::Value;
use crate::runtime::errors::{PyErr, PyResult};
use crate::runtime::typecheck::type_name_of;
use crate::types::typeobj::Layout;
use crate::vm::Vm;

/// The instance layout a class inherits through `mro_tail` (as class creation finds it).
fn solid_layout(mro_tail: &[Value]) -> Layout {
    mro_tail
        .iter()
        .filter_map(|b| b.as_type_data().map(|d| d.layout))
        .find(|l| *l != Layout::Object && *l != Layout::Other)
        .unwrap_or(Layout::Object)
}

/// `cls.__bases__ = value` (`None`: `del cls.__bases__`). `cls` is a heap type.
pub fn set_bases(vm: &mut Vm, cls: &Value, value: Option<&Value>) -> PyResult<()> {
    let Some(data) = cls.as_type_data() else {
        return Err(PyErr::internal("set_bases on a non-type"));
    };
    let name = type_name_of(cls);
    let Some(value) = value else {
        return Err(PyErr::type_error(format!(
            "cannot delete '__bases__' attribute of immutable type '{name}'"
        )));
    };
    let Some(items) = value.as_tuple().map(<[Value]>::to_vec) else {
        return Err(PyErr::type_error(format!(
            "can only assign tuple to {name}.__bases__, not {}",
            vm.type_name(value)
        )));
    };
    if items.is_empty() {
        return Err(PyErr::type_error(format!(
            "can only assign non-empty tuple to {name}.__bases__, not ()"
        )));
    }
    for b in &items {
        if !vm.is_type(b) {
            return Err(PyErr::type_error(format!(
                "{name}.__bases__ must be tuple of classes, not '{}'",
                vm.type_name(b)
            )));
        }
        if vm.is_subtype(b, cls) {
            return Err(PyErr::type_error(
                "a __bases__ item causes an inheritance cycle",
            ));
        }
    }
    for (i, b) in items.iter().enumerate() {
        if items[..i].iter().any(|x| x.is(b)) {
            return Err(PyErr::type_error(format!(
                "duplicate base class {}",
                type_name_of(b)
            )));
        }
    }
    let new_tail = crate::interp::class::c3_linearize(vm, &items)?;
    let old_tail = data.mro_tail.borrow().clone();
    let old_base = data.bases.borrow().first().cloned();
    let new_layout = solid_layout(&new_tail);
    let new_base = items
        .iter()
        .find(|b| b.as_type_data().is_some_and(|d| d.layout == new_layout))
        .unwrap_or(&items[0]);
    let old_name = old_base.as_ref().map(type_name_of).unwrap_or_default();
    // Instances keep their `__dict__`: a base that gave them one cannot be replaced by
    // bases that do not (CPython compares the two layouts' dict offsets).
    let gives_dict = |b: &Value| {
        b.as_type_data()
            .is_some_and(|d| d.has_flag(crate::types::typeobj::type_flags::HAS_DICT))
    };
    let lost_dict = old_base.as_ref().is_some_and(gives_dict) && !items.iter().any(gives_dict);
    if new_layout != solid_layout(&old_tail) || lost_dict {
        return Err(PyErr::type_error(format!(
            "__bases__ assignment: '{}' deallocator differs from '{old_name}'",
            type_name_of(new_base)
        )));
    }
    let slots = |b: &Value| b.as_type_data().map_or(0, |d| d.nslots.get());
    if let Some(old) = &old_base
        && slots(new_base) != slots(old)
    {
        return Err(PyErr::type_error(format!(
            "__bases__ assignment: '{}' object layout differs from '{old_name}'",
            type_name_of(new_base)
        )));
    }
    let old_bases = data.bases.borrow().clone();
    for b in &old_bases {
        vm.remove_subclass(b, cls);
    }
    for b in &items {
        if let Some(bd) = b.as_type_data() {
            bd.add_subclass(data);
        }
        vm.add_subclass(b, cls);
    }
    *data.bases.borrow_mut() = items;
    *data.mro_tail.borrow_mut() = new_tail;
    refresh_subclass_mros(vm, cls, 0)?;
    data.bump_version();
    Ok(())
}

/// Recomputes the MRO of every subclass of `cls` (depth-first; deep chains stop at a
/// generous bound rather than recursing without limit).
fn refresh_subclass_mros(vm: &mut Vm, cls: &Value, depth: usize) -> PyResult<()> {
    if depth > 1000 {
        return Ok(());
    }
    for sub in vm.subclasses(cls) {
        let Some(sd) = sub.as_type_data() else {
            continue;
        };
        let bases = sd.bases.borrow().clone();
        let tail = crate::interp::class::c3_linearize(vm, &bases)?;
        *sd.mro_tail.borrow_mut() = tail;
        refresh_subclass_mros(vm, &sub, depth + 1)?;
    }
    Ok(())
}
