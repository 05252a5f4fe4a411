//! Attribute tables of builtin objects: functions, bound methods, builtin functions, code
//! objects and generators, plus the writable function attributes and `__class__`
//! assignment (allowed between classes of the same layout, as CPython checks).

use crate::bytecode::code::local_kind;
use crate::object::{Payload, Value};
use crate::runtime::errors::{PyErr, PyResult};
use crate::runtime::typecheck::type_name_of;
use crate::types::generator::GenState;
use crate::types::typeobj::type_flags;
use crate::vm::Vm;

/// NULL slots read as None.
fn or_none(v: Value) -> Value {
    if v.is_null() { Value::NONE } else { v }
}

/// `f.__name__`, `f.__defaults__`, `f.__code__`...
pub fn function_attribute(vm: &mut Vm, f: &Value, name: &str) -> PyResult<Option<Value>> {
    let Some(data) = f.as_function() else {
        return Ok(None);
    };
    Ok(Some(match name {
        "__name__" => data.name.borrow().clone(),
        "__qualname__" => data.qualname.borrow().clone(),
        "__module__" => or_none(data.module.borrow().clone()),
        "__doc__" => or_none(data.doc.borrow().clone()),
        "__defaults__" => or_none(data.defaults.borrow().clone()),
        "__kwdefaults__" => or_none(data.kwdefaults.borrow().clone()),
        "__code__" => data.code.borrow().clone(),
        "__globals__" => data.globals.clone(),
        "__closure__" => or_none(data.closure.borrow().clone()),
        "__builtins__" => data.builtins.clone(),
        "__type_params__" => vm.new_tuple(Vec::new()),
        "__annotations__" => {
            let current = data.annotations.borrow().clone();
            if !current.is_null() && !current.is_none() {
                return Ok(Some(current));
            }
            let annotate = data.annotate.borrow().clone();
            let d = if !annotate.is_null() && !annotate.is_none() && vm.is_callable(&annotate) {
                crate::runtime::annotations::call_annotate(vm, &annotate)?
            } else {
                vm.new_dict()
            };
            *data.annotations.borrow_mut() = d.clone();
            d
        }
        "__annotate__" => or_none(data.annotate.borrow().clone()),
        _ => return Ok(None),
    }))
}

/// Writable function attributes, with CPython's type checks.
pub fn set_function_attribute(vm: &mut Vm, f: &Value, name: &str, value: &Value) -> PyResult<bool> {
    let Some(data) = f.as_function() else {
        return Ok(false);
    };
    let need = |ok: bool, msg: &str| -> PyResult<()> {
        if ok {
            Ok(())
        } else {
            Err(PyErr::type_error(msg.to_string()))
        }
    };
    let slot = match name {
        "__name__" => {
            need(
                value.as_pystr().is_some(),
                "__name__ must be set to a string object",
            )?;
            &data.name
        }
        "__qualname__" => {
            need(
                value.as_pystr().is_some(),
                "__qualname__ must be set to a string object",
            )?;
            &data.qualname
        }
        "__doc__" => &data.doc,
        "__module__" => &data.module,
        "__defaults__" => {
            need(
                value.is_none() || value.as_tuple().is_some(),
                "__defaults__ must be set to a tuple object",
            )?;
            &data.defaults
        }
        "__kwdefaults__" => {
            need(
                value.is_none() || value.as_dict().is_some(),
                "__kwdefaults__ must be set to a dict object",
            )?;
            &data.kwdefaults
        }
        "__annotations__" => {
            need(
                value.is_none() || value.as_dict().is_some(),
                "__annotations__ must be set to a dict object",
            )?;
            // Setting the annotations drops the function computing them.
            let old = data.annotate.replace(Value::NULL);
            drop(old);
            &data.annotations
        }
        "__annotate__" => {
            need(
                value.is_none() || vm.is_callable(value),
                "__annotate__ must be callable or None",
            )?;
            if !value.is_none() {
                let old = data.annotations.replace(Value::NULL);
                drop(old);
            }
            &data.annotate
        }
        "__dict__" => {
            if value.as_dict().is_none() {
                return Err(PyErr::type_error(format!(
                    "__dict__ must be set to a dictionary, not a '{}'",
                    vm.type_name(value)
                )));
            }
            &data.dict
        }
        "__code__" => {
            set_function_code(vm, data, value)?;
            return Ok(true);
        }
        "__globals__" | "__closure__" | "__builtins__" => {
            return Err(PyErr::attribute_error("readonly attribute"));
        }
        _ => return Ok(false),
    };
    let stored = if value.is_none()
        && matches!(name, "__defaults__" | "__kwdefaults__" | "__annotations__")
    {
        Value::NULL
    } else {
        value.clone()
    };
    let old = slot.replace(stored);
    drop(old);
    Ok(true)
}

/// `f.__code__ = code`: CPython's checks (a code object whose free variables match the
/// closure). Calls read the code at each call and JIT traces that inlined the old code
/// check it at entry, so the next call runs the new body; running frames keep theirs.
fn set_function_code(
    vm: &mut Vm,
    data: &crate::types::function::FunctionData,
    value: &Value,
) -> PyResult<()> {
    let Some(code) = value.as_code() else {
        return Err(PyErr::type_error("__code__ must be set to a code object"));
    };
    let closure_len = data.closure.borrow().as_tuple().map_or(0, <[Value]>::len);
    if code.free_count != closure_len {
        let name = data.name.borrow().as_str().unwrap_or("?").to_string();
        return Err(PyErr::new(
            crate::runtime::errors::ExcKind::ValueError,
            format!(
                "{name}() requires a code object with {closure_len} free vars, not {}",
                code.free_count
            ),
        ));
    }
    let kind_flags = crate::bytecode::code::code_flags::GENERATOR
        | crate::bytecode::code::code_flags::COROUTINE
        | crate::bytecode::code::code_flags::ASYNC_GENERATOR;
    let old_flags = data.code.borrow().as_code().map_or(0, |c| c.data.flags);
    if old_flags & kind_flags != code.data.flags & kind_flags {
        vm.warn(
            crate::runtime::errors::ExcKind::DeprecationWarning,
            "Assigning a code object of non-matching type is deprecated \
             (e.g., from a generator to a plain function)",
        )?;
    }
    let old = data.code.replace(value.clone());
    drop(old);
    Ok(())
}

/// `del f.<name>` for the function attributes CPython backs with a setter (and
/// `del frame.f_lineno`): the optional
/// ones go back to None (`__defaults__`, `__doc__`...), the required ones raise the
/// setter's message. Returns false for names that live in the function's `__dict__`.
pub fn delete_function_attribute(f: &Value, name: &str) -> PyResult<bool> {
    let Some(data) = f.as_function() else {
        if name == "f_lineno" && matches!(f.payload(), Some(Payload::Frame(_))) {
            return Err(PyErr::attribute_error("cannot delete attribute"));
        }
        return Ok(false);
    };
    let slot = match name {
        "__code__" => return Err(PyErr::type_error("__code__ must be set to a code object")),
        "__name__" | "__qualname__" => {
            return Err(PyErr::type_error(format!(
                "{name} must be set to a string object"
            )));
        }
        "__dict__" => return Err(PyErr::type_error("cannot delete __dict__")),
        "__type_params__" => {
            return Err(PyErr::type_error("__type_params__ must be set to a tuple"));
        }
        "__globals__" | "__closure__" | "__builtins__" => {
            return Err(PyErr::attribute_error("readonly attribute"));
        }
        "__defaults__" => &data.defaults,
        "__kwdefaults__" => &data.kwdefaults,
        "__annotations__" => {
            // As when it is set: the function computing the annotations goes too.
            let old = data.annotate.replace(Value::NULL);
            drop(old);
            &data.annotations
        }
        "__doc__" | "__module__" => {
            let slot = if name == "__doc__" {
                &data.doc
            } else {
                &data.module
            };
            let old = slot.replace(Value::NONE);
            drop(old);
            return Ok(true);
        }
        _ => return Ok(false),
    };
    let old = slot.replace(Value::NULL);
    drop(old);
    Ok(true)
}

/// Bound method attributes; anything else is looked up on the function.
pub fn method_attribute(vm: &mut Vm, m: &Value, name: &str) -> PyResult<Option<Value>> {
    let Some(Payload::BoundMethod(data)) = m.payload() else {
        return Ok(None);
    };
    let (func, recv) = (data.function.clone(), data.receiver.clone());
    match name {
        "__self__" => Ok(Some(recv)),
        "__func__" => Ok(Some(func)),
        _ => vm.getattr_opt(&func, name),
    }
}

/// `len.__name__`, `[].append.__self__`, `list.append.__qualname__`...
pub fn builtin_function_attribute(vm: &mut Vm, f: &Value, name: &str) -> PyResult<Option<Value>> {
    let Some(Payload::BuiltinFunction(data)) = f.payload() else {
        return Ok(None);
    };
    let is_descriptor = data.is_method_descriptor();
    Ok(Some(match name {
        "__name__" => vm.new_str(data.name),
        "__qualname__" => {
            let owner = if !data.owner.is_null() {
                Some(type_name_of(&data.owner))
            } else if vm.is_type(&data.receiver) {
                Some(type_name_of(&data.receiver))
            } else {
                None
            };
            match owner {
                Some(o) => vm.new_string(format!("{o}.{}", data.name)),
                None => vm.new_str(data.name),
            }
        }
        "__self__" if !is_descriptor => or_none(data.receiver.clone()),
        "__objclass__" if is_descriptor => data.owner.clone(),
        "__doc__" => {
            if data.doc.is_empty()
                || data.doc.ends_with(".__new__")
                || data.doc.ends_with(".__init__")
            {
                Value::NONE
            } else {
                vm.new_str(data.doc)
            }
        }
        "__module__" => match data.receiver.payload() {
            Some(Payload::Module(_)) => {
                let recv = data.receiver.clone();
                match vm.module_name(&recv) {
                    Some(n) => vm.new_string(n),
                    None => Value::NONE,
                }
            }
            _ => Value::NONE,
        },
        "__text_signature__" => Value::NONE,
        _ => return Ok(None),
    }))
}

/// `co_*` attributes of code objects.
pub fn code_attribute(vm: &mut Vm, code: &Value, name: &str) -> PyResult<Option<Value>> {
    let Some(c) = code.as_code() else {
        return Ok(None);
    };
    let d = &c.data;
    let names_where = |vm: &Vm, pred: &dyn Fn(u8) -> bool| -> Value {
        let items: Vec<Value> = d
            .localsplus_kinds
            .iter()
            .zip(c.localsplus_names.iter())
            .filter(|(k, _)| pred(**k))
            .map(|(_, n)| n.clone())
            .collect();
        vm.new_tuple(items)
    };
    let is_var = |k: u8| k & (local_kind::LOCAL | local_kind::ARG) != 0;
    Ok(Some(match name {
        "co_name" => c.name.clone(),
        "co_qualname" => c.qualname.clone(),
        "co_filename" => c.filename.clone(),
        "co_firstlineno" => vm.new_int(i64::from(d.first_line)),
        "co_argcount" => vm.new_int(i64::from(d.arg_count)),
        "co_posonlyargcount" => vm.new_int(i64::from(d.posonly_arg_count)),
        "co_kwonlyargcount" => vm.new_int(i64::from(d.kwonly_arg_count)),
        // CO_HAS_DOCSTRING is a 3.14 flag; 3.13 code objects never show it.
        "co_flags" => vm.new_int(i64::from(
            d.flags & !crate::bytecode::code::code_flags::HAS_DOCSTRING,
        )),
        "co_stacksize" => vm.new_int(i64::from(d.stack_size)),
        "co_nlocals" => {
            let n = d.localsplus_kinds.iter().filter(|k| is_var(**k)).count();
            vm.new_int(n as i64)
        }
        "co_varnames" => names_where(vm, &is_var),
        "co_cellvars" => names_where(vm, &|k| k & local_kind::CELL != 0),
        "co_freevars" => names_where(vm, &|k| k & local_kind::FREE != 0),
        "co_consts" => vm.new_tuple(c.consts.clone()),
        "co_names" => vm.new_tuple(c.names.clone()),
        "co_code" => {
            let mut bytes = Vec::with_capacity(d.code.len() * 2);
            for unit in &d.code {
                bytes.extend_from_slice(&unit.to_le_bytes());
            }
            vm.new_bytes(bytes)
        }
        _ => return Ok(None),
    }))
}

/// `__name__`, `gi_running`, `gi_code`... of generators and coroutines.
pub fn generator_attribute(vm: &mut Vm, g: &Value, name: &str) -> PyResult<Option<Value>> {
    let Some(Payload::Generator(data)) = g.payload() else {
        return Ok(None);
    };
    let prefix = match crate::interp::generator::GenKind::of(vm, g) {
        crate::interp::generator::GenKind::Generator => "gi_",
        crate::interp::generator::GenKind::Coroutine => "cr_",
        crate::interp::generator::GenKind::AsyncGenerator => "ag_",
    };
    let field = match name {
        "__name__" | "__qualname__" => name,
        n if n.starts_with(prefix) => &n[3..],
        _ => return Ok(None),
    };
    let running = matches!(&*data.state.borrow(), GenState::Running);
    let suspended = matches!(&*data.state.borrow(), GenState::Suspended(_)) && data.started.get();
    Ok(Some(match field {
        "__name__" => data.name.borrow().clone(),
        "__qualname__" => data.qualname.borrow().clone(),
        "running" => Value::from_bool(running),
        "suspended" => Value::from_bool(suspended),
        "code" => data.code.clone(),
        "yieldfrom" if prefix == "gi_" => yield_from_or_none(&data.state.borrow()),
        "await" if prefix != "gi_" => yield_from_or_none(&data.state.borrow()),
        "frame" => vm.generator_frame_object(g),
        _ => return Ok(None),
    }))
}

fn yield_from_or_none(state: &GenState) -> Value {
    crate::interp::generator::yield_from_target(state).unwrap_or(Value::NONE)
}

/// `obj.__class__ = cls`: both classes must be heap types with the same layout.
pub fn set_class(vm: &mut Vm, obj: &Value, cls: &Value) -> PyResult<()> {
    let Some(new) = cls.as_type_data() else {
        return Err(PyErr::type_error(format!(
            "__class__ must be set to a class, not '{}' object",
            vm.type_name(cls)
        )));
    };
    let old_ty = vm.type_of(obj);
    let Some(old) = old_ty.as_type_data() else {
        return Err(PyErr::internal("object without a type"));
    };
    let Some(o) = obj.as_object() else {
        return Err(PyErr::type_error(
            "__class__ assignment only supported for mutable types or ModuleType subclasses",
        ));
    };
    if !old.has_flag(type_flags::HEAPTYPE) || !new.has_flag(type_flags::HEAPTYPE) {
        return Err(PyErr::type_error(
            "__class__ assignment only supported for mutable types or ModuleType subclasses",
        ));
    }
    let dict_flag = |t: &crate::types::typeobj::TypeData| t.has_flag(type_flags::HAS_DICT);
    if old.layout != new.layout
        || old.nslots.get() != new.nslots.get()
        || dict_flag(old) != dict_flag(new)
    {
        return Err(PyErr::type_error(format!(
            "__class__ assignment: '{}' object layout differs from '{}'",
            new.name.borrow(),
            old.name.borrow()
        )));
    }
    o.set_type(cls);
    Ok(())
}

/// `code.co_positions()`: one `(line, end_line, col, end_col)` per code unit.
pub fn code_positions(vm: &mut Vm, args: crate::interp::args::Args<'_>) -> PyResult<Value> {
    let Some(c) = args.values.first().and_then(Value::as_code) else {
        return Err(PyErr::type_error(
            "descriptor 'co_positions' requires a 'code' object",
        ));
    };
    let mut items = Vec::with_capacity(c.data.positions.len());
    for p in &c.data.positions {
        let t = if p.line == 0 {
            vm.new_tuple(vec![Value::NONE; 4])
        } else {
            let fields = [p.line, p.end_line, p.col, p.end_col];
            vm.new_tuple(fields.iter().map(|&f| vm.new_int(i64::from(f))).collect())
        };
        items.push(t);
    }
    let list = vm.new_list(items);
    vm.iter(&list)
}

/// `code.co_lines()`: `(start, end, line)` byte ranges of consecutive units on one line.
pub fn code_lines(vm: &mut Vm, args: crate::interp::args::Args<'_>) -> PyResult<Value> {
    let Some(c) = args.values.first().and_then(Value::as_code) else {
        return Err(PyErr::type_error(
            "descriptor 'co_lines' requires a 'code' object",
        ));
    };
    let mut ranges: Vec<(usize, usize, u32)> = Vec::new();
    for (i, p) in c.data.positions.iter().enumerate() {
        match ranges.last_mut() {
            Some(last) if last.2 == p.line => last.1 = (i + 1) * 2,
            _ => ranges.push((i * 2, (i + 1) * 2, p.line)),
        }
    }
    let items: Vec<Value> = ranges
        .into_iter()
        .map(|(a, b, line)| {
            let line = if line == 0 {
                Value::NONE
            } else {
                vm.new_int(i64::from(line))
            };
            vm.new_tuple(vec![vm.new_int(a as i64), vm.new_int(b as i64), line])
        })
        .collect();
    let list = vm.new_list(items);
    vm.iter(&list)
}
