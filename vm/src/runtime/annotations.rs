//! The lazy `__annotations__` and `__annotate__` attributes of classes and modules
//! (PEP 649/749, Python 3.14); functions keep theirs in `FunctionData`
//! (`builtins::object::attrs`).
//!
//! A class keeps its compiler-made annotate function in its dict as `__annotate_func__`
//! and the computed dict as `__annotations_cache__`; an explicit `__annotate__` or
//! `__annotations__` in the class dict takes precedence, as in CPython. A module keeps
//! both under their own names in its globals, and does not cache the annotations while
//! it is still initializing (`__spec__._initializing`).

use crate::object::{Payload, Value};
use crate::runtime::errors::{PyErr, PyResult};
use crate::types::typeobj::type_flags;
use crate::vm::Vm;

/// `annotate(Format.VALUE)`, which must return a dict.
pub fn call_annotate(vm: &mut Vm, annotate: &Value) -> PyResult<Value> {
    let one = vm.new_int(1);
    let result = vm.call(annotate, &[one])?;
    if result.as_dict().is_none() {
        return Err(PyErr::type_error(format!(
            "__annotate__ returned non-dict of type '{}'",
            vm.type_name(&result)
        )));
    }
    Ok(result)
}

/// A value found in a class dict, bound through its `__get__` if it has one.
fn bind_class_value(vm: &mut Vm, value: Value, ty: &Value) -> PyResult<Value> {
    if vm.is_exact_builtin(&value) {
        return Ok(value);
    }
    match vm.lookup_special(&value, "__get__") {
        Some(get) => vm.call(&get, &[value.clone(), Value::NONE, ty.clone()]),
        None => Ok(value),
    }
}

fn heap_type_dict(ty: &Value, attr: &str) -> PyResult<Value> {
    let Some(data) = ty.as_type_data() else {
        return Err(PyErr::internal("annotations of a non-type"));
    };
    if !data.has_flag(type_flags::HEAPTYPE) {
        return Err(PyErr::attribute_error(format!(
            "type object '{}' has no attribute '{attr}'",
            data.name.borrow()
        )));
    }
    Ok(data.dict.clone())
}

fn check_mutable_type(ty: &Value, attr: &str) -> PyResult<Value> {
    let Some(data) = ty.as_type_data() else {
        return Err(PyErr::internal("annotations of a non-type"));
    };
    if !data.has_flag(type_flags::HEAPTYPE) {
        return Err(PyErr::type_error(format!(
            "cannot set '{attr}' attribute of immutable type '{}'",
            data.name.borrow()
        )));
    }
    data.bump_version();
    Ok(data.dict.clone())
}

/// `cls.__annotate__`.
pub fn type_annotate(vm: &mut Vm, ty: &Value) -> PyResult<Value> {
    let dict = heap_type_dict(ty, "__annotate__")?;
    let found = vm
        .dict_get_str(&dict, "__annotate__")
        .or_else(|| vm.dict_get_str(&dict, "__annotate_func__"));
    match found {
        Some(v) => bind_class_value(vm, v, ty),
        None => {
            vm.set_item_str(&dict, "__annotate_func__", Value::NONE)?;
            Ok(Value::NONE)
        }
    }
}

/// `cls.__annotations__`: the explicit or cached dict, else `__annotate__(1)` (cached).
pub fn type_annotations(vm: &mut Vm, ty: &Value) -> PyResult<Value> {
    let dict = heap_type_dict(ty, "__annotations__")?;
    let found = vm
        .dict_get_str(&dict, "__annotations__")
        .or_else(|| vm.dict_get_str(&dict, "__annotations_cache__"));
    if let Some(v) = found {
        return bind_class_value(vm, v, ty);
    }
    let annotate = type_annotate(vm, ty)?;
    let annotations = if vm.is_callable(&annotate) {
        call_annotate(vm, &annotate)?
    } else {
        vm.new_dict()
    };
    vm.set_item_str(&dict, "__annotations_cache__", annotations.clone())?;
    if let Some(data) = ty.as_type_data() {
        data.bump_version();
    }
    Ok(annotations)
}

/// `cls.__annotate__ = value` (`None` to delete is a TypeError, as in CPython).
pub fn set_type_annotate(vm: &mut Vm, ty: &Value, value: Option<Value>) -> PyResult<()> {
    let Some(value) = value else {
        return Err(PyErr::type_error("cannot delete __annotate__ attribute"));
    };
    let dict = check_mutable_type(ty, "__annotate__")?;
    if !value.is_none() && !vm.is_callable(&value) {
        return Err(PyErr::type_error("__annotate__ must be callable or None"));
    }
    let is_none = value.is_none();
    vm.set_item_str(&dict, "__annotate_func__", value)?;
    if !is_none {
        let key = vm.new_str("__annotations_cache__");
        vm.dict_remove(&dict, &key)?;
    }
    Ok(())
}

/// `cls.__annotations__ = value` / `del cls.__annotations__`.
pub fn set_type_annotations(vm: &mut Vm, ty: &Value, value: Option<Value>) -> PyResult<()> {
    let dict = check_mutable_type(ty, "__annotations__")?;
    match value {
        Some(v) => {
            vm.set_item_str(&dict, "__annotations__", v)?;
        }
        None => {
            let key = vm.new_str("__annotations__");
            let removed = vm.dict_remove(&dict, &key)?;
            let cache_key = vm.new_str("__annotations_cache__");
            let cached = vm.dict_remove(&dict, &cache_key)?;
            if removed.is_none() && cached.is_none() {
                return Err(PyErr::attribute_error("__annotations__"));
            }
        }
    }
    vm.set_item_str(&dict, "__annotate_func__", Value::NONE)?;
    Ok(())
}

fn module_dict(module: &Value) -> PyResult<Value> {
    match module.payload() {
        Some(Payload::Module(m)) => Ok(m.dict.clone()),
        _ => Err(PyErr::internal("annotations of a non-module")),
    }
}

/// `module.__annotate__` (None when the module has no annotations).
pub fn module_annotate(vm: &mut Vm, module: &Value) -> PyResult<Value> {
    let dict = module_dict(module)?;
    match vm.dict_get_str(&dict, "__annotate__") {
        Some(v) => Ok(v),
        None => {
            vm.set_item_str(&dict, "__annotate__", Value::NONE)?;
            Ok(Value::NONE)
        }
    }
}

/// Whether a module is still running its body (`__spec__._initializing`).
fn module_initializing(vm: &mut Vm, dict: &Value) -> PyResult<bool> {
    let Some(spec) = vm.dict_get_str(dict, "__spec__") else {
        return Ok(false);
    };
    if spec.is_none() {
        return Ok(false);
    }
    match vm.getattr_opt(&spec, "_initializing")? {
        Some(v) => vm.truthy(&v),
        None => Ok(false),
    }
}

/// `module.__annotations__`: the stored dict, else `__annotate__(1)`, cached once the
/// module has finished initializing.
pub fn module_annotations(vm: &mut Vm, module: &Value) -> PyResult<Value> {
    let dict = module_dict(module)?;
    if let Some(v) = vm.dict_get_str(&dict, "__annotations__") {
        return Ok(v);
    }
    let annotate = vm.dict_get_str(&dict, "__annotate__");
    let annotations = match annotate {
        Some(f) if vm.is_callable(&f) => call_annotate(vm, &f)?,
        _ => vm.new_dict(),
    };
    if !module_initializing(vm, &dict)? {
        vm.set_item_str(&dict, "__annotations__", annotations.clone())?;
    }
    Ok(annotations)
}

/// `module.__annotate__ = value`.
pub fn set_module_annotate(vm: &mut Vm, module: &Value, value: Option<Value>) -> PyResult<()> {
    let Some(value) = value else {
        return Err(PyErr::type_error("cannot delete __annotate__ attribute"));
    };
    if !value.is_none() && !vm.is_callable(&value) {
        return Err(PyErr::type_error("__annotate__ must be callable or None"));
    }
    let dict = module_dict(module)?;
    let is_none = value.is_none();
    vm.set_item_str(&dict, "__annotate__", value)?;
    if !is_none {
        let key = vm.new_str("__annotations__");
        vm.dict_remove(&dict, &key)?;
    }
    Ok(())
}

/// `module.__annotations__ = value` / `del module.__annotations__`.
pub fn set_module_annotations(vm: &mut Vm, module: &Value, value: Option<Value>) -> PyResult<()> {
    let dict = module_dict(module)?;
    match value {
        Some(v) => {
            vm.set_item_str(&dict, "__annotations__", v)?;
            vm.set_item_str(&dict, "__annotate__", Value::NONE)?;
        }
        None => {
            let key = vm.new_str("__annotations__");
            if vm.dict_remove(&dict, &key)?.is_none() {
                return Err(PyErr::attribute_error("__annotations__"));
            }
        }
    }
    Ok(())
}
