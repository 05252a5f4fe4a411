//! `object` and `type` defaults and the attributes of builtin objects. `builtin_attribute`
//! answers the read-only attributes that live in no dict (`f.__name__`, `e.args`,
//! `code.co_varnames`, `r.start`...), `set_builtin_attribute` the writable ones
//! (`e.__cause__ = x`, `f.__defaults__ = ...`, `obj.__class__ = C`). The methods of
//! `object`/`type` are in `base`, property/classmethod/staticmethod/super/slice in `descr`,
//! and per-payload attribute tables in `attrs`.

pub mod attrs;
pub mod base;
pub mod descr;
pub mod reduce;
pub mod util;

use crate::object::{Payload, Value};
use crate::runtime::errors::{PyErr, PyResult};
use crate::vm::Vm;

pub use descr::super_attribute;

/// Registers the methods of object, type and the descriptor types.
pub fn install(vm: &mut Vm) {
    base::install(vm);
    descr::install(vm);
    reduce::install(vm);
}

/// Read-only attributes of builtin objects that are not in any dict (`f.__name__`,
/// `e.args`, `(1).real`...). `None` if `obj` has no such attribute.
pub fn builtin_attribute(vm: &mut Vm, obj: &Value, name: &str) -> PyResult<Option<Value>> {
    let Some(o) = obj.as_object() else {
        return crate::builtins::int_float::number_attribute(vm, obj, name);
    };
    match &o.payload {
        Payload::Exception(_) => crate::builtins::exceptions::exception_attribute(vm, obj, name),
        Payload::Int(_) | Payload::Float(_) | Payload::Complex(..) => {
            crate::builtins::int_float::number_attribute(vm, obj, name)
        }
        Payload::File(_) => crate::builtins::io::file_attribute(vm, obj, name),
        Payload::MemoryView(_) => crate::builtins::memoryview::memoryview_attribute(vm, obj, name),
        Payload::Function(_) => attrs::function_attribute(vm, obj, name),
        Payload::BoundMethod(_) => attrs::method_attribute(vm, obj, name),
        Payload::BuiltinFunction(_) => attrs::builtin_function_attribute(vm, obj, name),
        Payload::Code(_) => attrs::code_attribute(vm, obj, name),
        Payload::Member(m) => Ok(match name {
            "__name__" => Some(m.name.clone()),
            "__objclass__" if !m.owner_type.is_null() => Some(m.owner_type.clone()),
            "__doc__" => Some(Value::NONE),
            "__qualname__" => {
                Some(vm.new_string(format!("{}.{}", m.owner, m.name.as_str().unwrap_or(""))))
            }
            _ => None,
        }),
        Payload::Cell(c) => match name {
            "cell_contents" => {
                let v = c.borrow().clone();
                if v.is_null() {
                    Err(PyErr::value_error("Cell is empty"))
                } else {
                    Ok(Some(v))
                }
            }
            _ => Ok(None),
        },
        Payload::Range(r) => Ok(match name {
            "start" => Some(r.start.clone()),
            "stop" => Some(r.stop.clone()),
            "step" => Some(r.step.clone()),
            _ => None,
        }),
        Payload::Slice(s) => Ok(match name {
            "start" => Some(s.start.clone()),
            "stop" => Some(s.stop.clone()),
            "step" => Some(s.step.clone()),
            _ => None,
        }),
        Payload::Traceback(tb) => Ok(match name {
            "tb_next" => {
                let n = tb.next.borrow().clone();
                Some(if n.is_null() { Value::NONE } else { n })
            }
            "tb_lineno" => Some(vm.new_int(i64::from(tb.line))),
            "tb_lasti" => Some(vm.new_int(i64::from(tb.lasti) * 2)),
            "tb_frame" => Some(if tb.frame.is_null() {
                Value::NONE
            } else {
                tb.frame.clone()
            }),
            _ => None,
        }),
        Payload::Generator(_) => attrs::generator_attribute(vm, obj, name),
        Payload::Frame(_) => crate::interp::frame_object::frame_attribute(vm, obj, name),
        Payload::Property(_) | Payload::ClassMethod(_) | Payload::StaticMethod(_) => {
            descr::descriptor_attribute(vm, obj, name)
        }
        Payload::Super(..) => super_attribute(vm, obj, name),
        Payload::DictView(v) => Ok(match name {
            "mapping" => Some(v.dict.clone()),
            _ => None,
        }),
        _ => Ok(None),
    }
}

/// Writable attributes of builtin objects (`e.__cause__ = x`, `f.__name__ = ...`).
/// Returns whether `name` was handled.
pub fn set_builtin_attribute(
    vm: &mut Vm,
    obj: &Value,
    name: &str,
    value: &Value,
) -> PyResult<bool> {
    if name == "__class__" {
        return attrs::set_class(vm, obj, value).map(|()| true);
    }
    let Some(o) = obj.as_object() else {
        return read_only(vm, obj, name);
    };
    match &o.payload {
        Payload::Int(_)
        | Payload::Float(_)
        | Payload::Complex(..)
        | Payload::Code(_)
        | Payload::BuiltinFunction(_)
        | Payload::Property(_)
        | Payload::Traceback(_)
        | Payload::DictView(_) => read_only(vm, obj, name),
        Payload::Exception(_) => {
            crate::builtins::exceptions::set_exception_attribute(vm, obj, name, value)
        }
        Payload::Function(_) => attrs::set_function_attribute(vm, obj, name, value),
        // Generators, coroutines and async generators let `__name__`/`__qualname__` be
        // replaced by a str; everything else on them is read-only.
        Payload::Generator(g) if name == "__name__" || name == "__qualname__" => {
            if value.as_pystr().is_none() {
                return Err(PyErr::type_error(format!(
                    "{name} must be set to a string object"
                )));
            }
            let field = if name == "__name__" {
                &g.name
            } else {
                &g.qualname
            };
            *field.borrow_mut() = value.clone();
            Ok(true)
        }
        Payload::Generator(_) => read_only(vm, obj, name),
        Payload::Frame(_) => crate::interp::frame_object::set_frame_attribute(vm, obj, name, value),
        Payload::Instance(d) if name == "__dict__" && vm.instance_has_dict(obj) => {
            if value.as_dict().is_none() {
                return Err(PyErr::type_error(format!(
                    "__dict__ must be set to a dictionary, not a '{}'",
                    vm.type_name(value)
                )));
            }
            vm.replace_instance_dict(d, value.clone());
            Ok(true)
        }
        Payload::Cell(c) if name == "cell_contents" => {
            let old = c.replace(value.clone());
            drop(old);
            Ok(true)
        }
        Payload::Range(_) | Payload::Slice(_) if matches!(name, "start" | "stop" | "step") => {
            Err(PyErr::attribute_error("readonly attribute"))
        }
        _ => Ok(false),
    }
}

/// Assigning an attribute that exists but is read-only on an object without a dict:
/// CPython's "attribute 'x' of 'T' objects is not writable".
fn read_only(vm: &mut Vm, obj: &Value, name: &str) -> PyResult<bool> {
    if vm.instance_dict(obj).is_some() || builtin_attribute(vm, obj, name)?.is_none() {
        return Ok(false);
    }
    Err(PyErr::attribute_error(format!(
        "attribute '{name}' of '{}' objects is not writable",
        vm.type_name(obj)
    )))
}
