//! Descriptor types and friends: `property` (with `getter`/`setter`/`deleter` returning
//! modified copies), `classmethod`, `staticmethod`, explicit `super(...)` objects (attribute
//! lookup delegates to the class machinery's `super_getattr`; `super()` with no arguments
//! finds `__class__` and the first argument in the calling frame), and `slice`.

use crate::builtins::object::util::{bad_receiver, rest};
use crate::bytecode::code::local_kind;
use crate::interp::args::{ArgSpec, Args};
use crate::object::{Payload, Value};
use crate::runtime::errors::{PyErr, PyResult};
use crate::types::function::NativeFn;
use crate::types::payload::{PropertyData, SliceData};
use crate::vm::Vm;

/// Registers property, classmethod, staticmethod, super and slice.
pub fn install(vm: &mut Vm) {
    let property = vm.types.property.clone();
    vm.set_constructor(&property, property_new);
    let methods: &[(&'static str, NativeFn)] = &[
        ("getter", property_getter),
        ("setter", property_setter),
        ("deleter", property_deleter),
        ("__get__", property_get),
        ("__set__", property_set),
        ("__delete__", property_delete),
        ("__set_name__", property_set_name),
    ];
    for (name, f) in methods {
        vm.add_method(&property, name, *f);
    }
    let cm = vm.types.classmethod.clone();
    vm.set_constructor(&cm, classmethod_new);
    vm.add_method(&cm, "__get__", classmethod_get);
    let sm = vm.types.staticmethod.clone();
    vm.set_constructor(&sm, staticmethod_new);
    vm.add_method(&sm, "__get__", staticmethod_get);
    vm.add_method(&sm, "__call__", staticmethod_call);
    let function = vm.types.function.clone();
    vm.add_method(&function, "__get__", function_get);
    let method = vm.types.method.clone();
    vm.set_constructor(&method, method_new);
    let sup = vm.types.super_.clone();
    vm.set_constructor(&sup, super_new);
    let code = vm.types.code.clone();
    vm.add_method(&code, "co_positions", super::attrs::code_positions);
    vm.add_method(&code, "co_lines", super::attrs::code_lines);
    let slice = vm.types.slice.clone();
    vm.set_constructor(&slice, slice_new);
    vm.add_method(&slice, "indices", slice_indices);
    vm.add_method(&slice, "__hash__", slice_hash);
}

/// `property(fget=None, fset=None, fdel=None, doc=None)`.
fn property_new(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let cls = args.values[0].clone();
    let b = ArgSpec {
        fname: "property",
        names: &["fget", "fset", "fdel", "doc"],
        posonly: 0,
        required: 0,
        kwonly_from: 4,
    }
    .bind(&rest(&args))?;
    let norm = |v: &Value| if v.is_null() { Value::NONE } else { v.clone() };
    let _ = vm;
    Ok(Value::alloc(
        &cls,
        Payload::Property(PropertyData {
            getter: norm(&b[0]),
            setter: norm(&b[1]),
            deleter: norm(&b[2]),
            doc: b[3].clone(),
            name: Default::default(),
        }),
    ))
}

fn prop_parts(vm: &Vm, args: &Args<'_>, name: &str) -> PyResult<(Value, [Value; 4])> {
    match args.values.first() {
        Some(v) => match v.payload() {
            Some(Payload::Property(p)) => Ok((
                v.clone(),
                [
                    p.getter.clone(),
                    p.setter.clone(),
                    p.deleter.clone(),
                    p.doc.clone(),
                ],
            )),
            _ => Err(bad_receiver(vm, name, "property", Some(v))),
        },
        None => Err(bad_receiver(vm, name, "property", None)),
    }
}

/// A copy of a property with one accessor replaced (`which`: 0 get, 1 set, 2 delete).
fn property_copy(vm: &mut Vm, args: Args<'_>, name: &str, which: usize) -> PyResult<Value> {
    let (this, mut parts) = prop_parts(vm, &args, name)?;
    let pos = rest(&args).exact(name, 1)?;
    parts[which] = if pos[0].is_none() {
        Value::NONE
    } else {
        pos[0].clone()
    };
    let ty = vm.type_of(&this);
    let [getter, setter, deleter, doc] = parts;
    let name = match this.payload() {
        Some(Payload::Property(p)) => p.name.borrow().clone(),
        _ => Value::NULL,
    };
    Ok(Value::alloc(
        &ty,
        Payload::Property(PropertyData {
            getter,
            setter,
            deleter,
            doc,
            name: std::cell::RefCell::new(name),
        }),
    ))
}

/// `prop.__set_name__(owner, name)`: remembers the name (for `__name__`), as the class
/// statement does for every property it defines.
fn property_set_name(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let (this, _) = prop_parts(vm, &args, "__set_name__")?;
    let a = rest(&args);
    let pos = a.positional();
    if pos.len() != 2 || a.has_keywords() {
        return Err(PyErr::type_error(format!(
            "__set_name__() takes 2 positional arguments but {} were given",
            pos.len()
        )));
    }
    if let Some(Payload::Property(p)) = this.payload() {
        let old = p.name.replace(pos[1].clone());
        drop(old);
    }
    Ok(Value::NONE)
}

fn property_getter(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    property_copy(vm, args, "getter", 0)
}
fn property_setter(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    property_copy(vm, args, "setter", 1)
}
fn property_deleter(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    property_copy(vm, args, "deleter", 2)
}

fn property_get(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let (this, parts) = prop_parts(vm, &args, "__get__")?;
    let pos = rest(&args).range("__get__", 1, 2)?;
    if pos[0].is_none() {
        return Ok(this);
    }
    if parts[0].is_none() || parts[0].is_null() {
        return Err(PyErr::attribute_error("property has no getter"));
    }
    vm.call(&parts[0], &[pos[0].clone()])
}

fn property_set(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let (_, parts) = prop_parts(vm, &args, "__set__")?;
    let pos = rest(&args).exact("__set__", 2)?;
    if parts[1].is_none() || parts[1].is_null() {
        return Err(PyErr::attribute_error("property has no setter"));
    }
    vm.call(&parts[1], &[pos[0].clone(), pos[1].clone()])?;
    Ok(Value::NONE)
}

fn property_delete(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let (_, parts) = prop_parts(vm, &args, "__delete__")?;
    let pos = rest(&args).exact("__delete__", 1)?;
    if parts[2].is_none() || parts[2].is_null() {
        return Err(PyErr::attribute_error("property has no deleter"));
    }
    vm.call(&parts[2], &[pos[0].clone()])?;
    Ok(Value::NONE)
}

fn classmethod_new(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let cls = args.values[0].clone();
    let a = rest(&args);
    a.no_keywords("classmethod")?;
    let pos = a.range("classmethod", 1, 1)?;
    let cm = Value::alloc(&cls, Payload::ClassMethod(pos[0].clone()));
    copy_wrapped_attributes(vm, &cm, &pos[0])?;
    Ok(cm)
}

/// A classmethod/staticmethod gets a `__dict__` with the wrapped callable's `__module__`,
/// `__name__`, `__qualname__` and `__doc__`, as CPython's constructors copy them (its
/// annotations stay with the callable: `__annotations__`/`__annotate__` read through).
fn copy_wrapped_attributes(vm: &mut Vm, wrapper: &Value, func: &Value) -> PyResult<()> {
    let Some(dict) = vm.instance_dict_or_create(wrapper) else {
        return Ok(());
    };
    for name in ["__module__", "__name__", "__qualname__", "__doc__"] {
        if let Some(v) = vm.getattr_opt(func, name)? {
            let key = vm.intern(name);
            vm.dict_set(&dict, key, v)?;
        }
    }
    Ok(())
}

fn staticmethod_new(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let cls = args.values[0].clone();
    let a = rest(&args);
    a.no_keywords("staticmethod")?;
    let pos = a.range("staticmethod", 1, 1)?;
    let sm = Value::alloc(&cls, Payload::StaticMethod(pos[0].clone()));
    copy_wrapped_attributes(vm, &sm, &pos[0])?;
    Ok(sm)
}

fn wrapped(v: &Value) -> Option<Value> {
    match v.payload() {
        Some(Payload::ClassMethod(f) | Payload::StaticMethod(f)) => Some(f.clone()),
        _ => None,
    }
}

fn classmethod_get(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let f = args
        .values
        .first()
        .and_then(wrapped)
        .ok_or_else(|| bad_receiver(vm, "__get__", "classmethod", args.values.first()))?;
    let pos = rest(&args).range("__get__", 1, 2)?;
    let owner = match pos.get(1) {
        Some(t) if !t.is_none() => t.clone(),
        _ => vm.type_of(&pos[0]),
    };
    Ok(vm.new_bound_method(f, owner))
}

/// `function.__get__(obj, type=None)`: a bound method, or the function itself when
/// `obj` is None.
fn function_get(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let Some(f) = args
        .values
        .first()
        .filter(|f| f.as_function().is_some())
        .cloned()
    else {
        return Err(bad_receiver(vm, "__get__", "function", args.values.first()));
    };
    let pos = rest(&args).range("__get__", 1, 2)?;
    if pos[0].is_none() {
        return Ok(f);
    }
    Ok(vm.new_bound_method(f, pos[0].clone()))
}

fn staticmethod_get(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let f = args
        .values
        .first()
        .and_then(wrapped)
        .ok_or_else(|| bad_receiver(vm, "__get__", "staticmethod", args.values.first()))?;
    rest(&args).range("__get__", 1, 2)?;
    Ok(f)
}

fn staticmethod_call(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let f = args
        .values
        .first()
        .and_then(wrapped)
        .ok_or_else(|| bad_receiver(vm, "__call__", "staticmethod", args.values.first()))?;
    vm.call_args(&f, rest(&args))
}

/// `__func__`, `fget`... of property/classmethod/staticmethod objects.
pub fn descriptor_attribute(vm: &mut Vm, obj: &Value, name: &str) -> PyResult<Option<Value>> {
    match obj.payload() {
        Some(Payload::Property(p)) => {
            let (g, s, d, doc) = (
                p.getter.clone(),
                p.setter.clone(),
                p.deleter.clone(),
                p.doc.clone(),
            );
            Ok(Some(match name {
                "fget" => g,
                "fset" => s,
                "fdel" => d,
                "__doc__" => {
                    if !doc.is_null() && !doc.is_none() {
                        doc
                    } else if g.is_none() {
                        Value::NONE
                    } else {
                        vm.getattr_opt(&g, "__doc__")?.unwrap_or(Value::NONE)
                    }
                }
                "__name__" if !p.name.borrow().is_null() => p.name.borrow().clone(),
                "__name__" => match vm.getattr_opt(&g, "__name__")? {
                    Some(n) => n,
                    None => {
                        return Err(PyErr::attribute_error(
                            "'property' object has no attribute '__name__'",
                        ));
                    }
                },
                "__isabstractmethod__" => {
                    let mut any = false;
                    for f in [&g, &s, &d] {
                        if let Some(v) = vm.getattr_opt(f, "__isabstractmethod__")? {
                            any |= vm.truthy(&v)?;
                        }
                    }
                    Value::from_bool(any)
                }
                _ => return Ok(None),
            }))
        }
        Some(Payload::ClassMethod(f) | Payload::StaticMethod(f)) => {
            let f = f.clone();
            match name {
                "__func__" | "__wrapped__" => Ok(Some(f)),
                "__isabstractmethod__" => match vm.getattr_opt(&f, name)? {
                    Some(v) => Ok(Some(Value::from_bool(vm.truthy(&v)?))),
                    None => Ok(Some(Value::FALSE)),
                },
                "__name__" | "__qualname__" | "__doc__" | "__module__" | "__annotations__"
                | "__annotate__" => vm.getattr_opt(&f, name),
                _ => Ok(None),
            }
        }
        _ => Ok(None),
    }
}

/// `super(type, obj)`, `super(type)` or `super()` (reading the calling frame).
fn super_new(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let cls_ty = args.values[0].clone();
    let a = rest(&args);
    a.no_keywords("super")?;
    let pos = a.range("super", 0, 2)?;
    let (ty, obj) = match pos {
        [] => zero_arg_super(vm)?,
        [t] => (t.clone(), Value::NONE),
        [t, o, ..] => (t.clone(), o.clone()),
    };
    if !vm.is_type(&ty) {
        return Err(PyErr::type_error(format!(
            "super() argument 1 must be a type, not {}",
            vm.type_name(&ty)
        )));
    }
    if !obj.is_none() {
        let ok = vm.is_instance(&obj, &ty) || (vm.is_type(&obj) && vm.is_subtype(&obj, &ty));
        if !ok {
            return Err(PyErr::type_error(format!(
                "super(type, obj): obj ({} {}) is not an instance or subtype of type ({}).",
                if vm.is_type(&obj) {
                    "type"
                } else {
                    "instance of"
                },
                if vm.is_type(&obj) {
                    crate::runtime::typecheck::type_name_of(&obj)
                } else {
                    vm.type_name(&obj)
                },
                crate::runtime::typecheck::type_name_of(&ty)
            )));
        }
    }
    Ok(Value::alloc(&cls_ty, Payload::Super(ty, obj)))
}

/// The `__class__` cell and first argument of the calling function.
fn zero_arg_super(vm: &mut Vm) -> PyResult<(Value, Value)> {
    let Some(frame) = vm.frames.last() else {
        return Err(PyErr::runtime_error("super(): no current frame"));
    };
    let Some(code) = frame.code.as_code() else {
        return Err(PyErr::runtime_error("super(): no code object"));
    };
    if code.data.arg_count == 0 && code.data.flags & crate::bytecode::code::code_flags::VARARGS == 0
    {
        return Err(PyErr::runtime_error("super(): no arguments"));
    }
    let base = frame.base;
    let cell_contents = |v: &Value| match v.payload() {
        Some(Payload::Cell(c)) => c.borrow().clone(),
        _ => v.clone(),
    };
    let first_kind = code.data.localsplus_kinds.first().copied().unwrap_or(0);
    let first = vm.stack.get(base).cloned().unwrap_or(Value::NULL);
    let first = if first_kind & local_kind::CELL != 0 {
        cell_contents(&first)
    } else {
        first
    };
    if first.is_null() {
        return Err(PyErr::runtime_error("super(): arg[0] deleted"));
    }
    let idx = code
        .data
        .localsplus_names
        .iter()
        .zip(code.data.localsplus_kinds.iter())
        .position(|(n, k)| n == "__class__" && k & local_kind::FREE != 0);
    let Some(idx) = idx else {
        return Err(PyErr::runtime_error("super(): __class__ cell not found"));
    };
    let cell = vm.stack.get(base + idx).cloned().unwrap_or(Value::NULL);
    let cls = cell_contents(&cell);
    if cls.is_null() {
        return Err(PyErr::runtime_error("super(): empty __class__ cell"));
    }
    if !vm.is_type(&cls) {
        return Err(PyErr::runtime_error("super(): __class__ is not a type"));
    }
    Ok((cls, first))
}

/// Attribute lookup on a `super` object: the MRO after the class, then the super object's
/// own attributes. `None` if not found.
pub fn super_attribute(vm: &mut Vm, sup: &Value, name: &str) -> PyResult<Option<Value>> {
    let Some(Payload::Super(cls, obj)) = sup.payload() else {
        return Ok(None);
    };
    let (cls, obj) = (cls.clone(), obj.clone());
    match name {
        "__class__" => return Ok(Some(vm.type_of(sup))),
        "__thisclass__" => return Ok(Some(cls)),
        "__self__" => return Ok(Some(obj)),
        "__self_class__" => {
            return Ok(Some(if obj.is_none() {
                Value::NONE
            } else if vm.is_type(&obj) && vm.is_subtype(&obj, &cls) {
                obj
            } else {
                vm.type_of(&obj)
            }));
        }
        _ => {}
    }
    if !obj.is_none() {
        let start = if vm.is_type(&obj) && vm.is_subtype(&obj, &cls) {
            obj.clone()
        } else {
            vm.type_of(&obj)
        };
        let mro = vm.mro(&start);
        let pos = mro
            .iter()
            .position(|t| t.is(&cls))
            .map_or(mro.len(), |p| p + 1);
        let found = mro[pos..].iter().any(|t| {
            t.as_type_data()
                .is_some_and(|d| vm.dict_get_str(&d.dict, name).is_some())
        });
        if found {
            return crate::interp::class::super_getattr(vm, &cls, &obj, name).map(Some);
        }
    }
    let ty = vm.type_of(sup);
    match vm.lookup_type_attr(&ty, name) {
        Some(attr) => vm.descriptor_get(&attr, sup, &ty).map(Some),
        None => Ok(None),
    }
}

/// `slice(stop)`, `slice(start, stop[, step])`.
fn slice_new(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = rest(&args);
    a.no_keywords("slice")?;
    let pos = a.range("slice", 1, 3)?;
    let (start, stop, step) = match pos {
        [stop] => (Value::NONE, stop.clone(), Value::NONE),
        [start, stop] => (start.clone(), stop.clone(), Value::NONE),
        [start, stop, step, ..] => (start.clone(), stop.clone(), step.clone()),
        [] => return Err(PyErr::internal("slice without arguments")),
    };
    Ok(vm.new_slice(start, stop, step))
}

fn slice_parts(vm: &Vm, args: &Args<'_>, name: &str) -> PyResult<(Value, Value, Value)> {
    match args.values.first().map(|v| (v, v.payload())) {
        Some((_, Some(Payload::Slice(SliceData { start, stop, step })))) => {
            Ok((start.clone(), stop.clone(), step.clone()))
        }
        other => Err(bad_receiver(vm, name, "slice", other.map(|(v, _)| v))),
    }
}

/// `slice.indices(length)`.
fn slice_indices(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let (start, stop, step) = slice_parts(vm, &args, "indices")?;
    let pos = rest(&args).exact("slice.indices", 1)?;
    let len = vm.index_value(&pos[0])?;
    let len = crate::runtime::numbers::as_int(&len)
        .map(|i| i.to_bigint())
        .unwrap_or_default();
    if len < num_bigint::BigInt::from(0) {
        return Err(PyErr::value_error("length should not be negative"));
    }
    let (a, b, c) = crate::builtins::range::slice_indices_big(vm, &start, &stop, &step, &len)?;
    let items = vec![vm.new_bigint(a), vm.new_bigint(b), vm.new_bigint(c)];
    Ok(vm.new_tuple(items))
}

fn slice_hash(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let (start, stop, step) = slice_parts(vm, &args, "__hash__")?;
    let t = vm.new_tuple(vec![start, stop, step]);
    let h = vm.hash(&t)?;
    Ok(vm.new_int(h))
}

/// `types.MethodType(function, instance)`: binds a callable to an instance.
fn method_new(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let pos = rest(&args).exact("method", 2)?;
    if !vm.is_callable(&pos[0]) {
        return Err(PyErr::type_error("first argument must be callable"));
    }
    if pos[1].is_none() {
        return Err(PyErr::type_error("instance must not be None"));
    }
    Ok(vm.new_bound_method(pos[0].clone(), pos[1].clone()))
}
