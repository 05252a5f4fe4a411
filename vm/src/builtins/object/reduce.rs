//! The pickle/copy protocol of `object`: `__reduce_ex__(protocol)`, `__reduce__` and the
//! default `__getstate__`, plus `__getnewargs__` of the immutable builtin types and
//! `__reduce__` of `set`/`frozenset`. Protocol 2 and above build
//! `(copyreg.__newobj__, (cls, *args), state, listitems, dictitems)` here; protocols 0 and
//! 1 delegate to `copyreg._reduce_ex`, as CPython does.

use crate::builtins::object::util::{bad_receiver, rest};
use crate::interp::args::Args;
use crate::object::{Payload, Value};
use crate::runtime::errors::{ExcKind, PyErr, PyResult};
use crate::runtime::numbers::as_int;
use crate::types::function::NativeFn;
use crate::types::typeobj::Layout;
use crate::vm::Vm;

/// Registers `__reduce_ex__`, `__reduce__`, `__getstate__` on `object` and the
/// `__getnewargs__`/`__reduce__` helpers of the builtin value types.
pub fn install(vm: &mut Vm) {
    let object = vm.types.object.clone();
    let methods: &[(&'static str, NativeFn)] = &[
        ("__reduce_ex__", object_reduce_ex),
        ("__reduce__", object_reduce),
        ("__getstate__", object_getstate),
    ];
    for (name, f) in methods {
        vm.add_method(&object, name, *f);
    }
    for ty in [
        vm.types.int.clone(),
        vm.types.float.clone(),
        vm.types.complex.clone(),
        vm.types.str_.clone(),
        vm.types.bytes.clone(),
        vm.types.tuple.clone(),
    ] {
        vm.add_method(&ty, "__getnewargs__", builtin_getnewargs);
    }
    vm.add_method(&vm.types.bytearray.clone(), "__reduce__", bytearray_reduce);
    vm.add_method(
        &vm.types.bytearray.clone(),
        "__reduce_ex__",
        bytearray_reduce,
    );
    for ty in [vm.types.set.clone(), vm.types.frozenset.clone()] {
        vm.add_method(&ty, "__reduce__", set_reduce);
    }
}

fn receiver<'a>(vm: &Vm, args: &Args<'a>, name: &str) -> PyResult<&'a Value> {
    args.values
        .first()
        .ok_or_else(|| bad_receiver(vm, name, "object", None))
}

/// `object.__reduce_ex__(protocol)`: an overridden `__reduce__` wins; otherwise the
/// protocol-2 reduction (or `copyreg._reduce_ex` for protocols 0 and 1).
fn object_reduce_ex(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let this = receiver(vm, &args, "__reduce_ex__")?.clone();
    let pos = rest(&args).exact("object.__reduce_ex__", 1)?;
    let protocol = protocol_number(vm, &pos[0])?;
    let ty = vm.type_of(&this);
    let own = vm.lookup_type_attr(&ty, "__reduce__");
    let default = vm.lookup_type_attr(&vm.types.object.clone(), "__reduce__");
    if let (Some(own), Some(default)) = (own, default)
        && !own.is(&default)
    {
        let bound = vm.getattr_str(&this, "__reduce__")?;
        return vm.call(&bound, &[]);
    }
    common_reduce(vm, &this, protocol)
}

/// `object.__reduce__()`: the protocol-0 reduction.
fn object_reduce(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let this = receiver(vm, &args, "__reduce__")?.clone();
    rest(&args).exact("object.__reduce__", 0)?;
    common_reduce(vm, &this, 0)
}

/// `object.__getstate__()`: the instance dict (or None) with slot values alongside.
fn object_getstate(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let this = receiver(vm, &args, "__getstate__")?.clone();
    rest(&args).exact("object.__getstate__", 0)?;
    default_state(vm, &this, false)
}

fn protocol_number(vm: &mut Vm, v: &Value) -> PyResult<i64> {
    if !matches!(v.payload(), Some(Payload::Int(_))) && as_int(v).is_none() {
        return Err(PyErr::type_error(format!(
            "'{}' object cannot be interpreted as an integer",
            vm.type_name(v)
        )));
    }
    let i = vm.index_value(v)?;
    Ok(as_int(&i).and_then(|n| n.to_i64()).unwrap_or(i64::MAX))
}

fn common_reduce(vm: &mut Vm, obj: &Value, protocol: i64) -> PyResult<Value> {
    let copyreg = vm.import_module("copyreg")?;
    if protocol < 2 {
        let f = vm.getattr_str(&copyreg, "_reduce_ex")?;
        let p = vm.new_int(protocol);
        return vm.call(&f, &[obj.clone(), p]);
    }
    reduce_newobj(vm, &copyreg, obj)
}

/// The type `obj`'s layout comes from: its nearest builtin (non-heap) class.
fn builtin_base(vm: &Vm, ty: &Value) -> Option<Value> {
    vm.mro(ty).into_iter().find(|t| {
        t.as_type_data()
            .is_some_and(|d| !d.has_flag(crate::types::typeobj::type_flags::HEAPTYPE))
    })
}

/// Whether instances of the builtin type `base` can be created by calling `__new__`.
fn constructible(vm: &Vm, base: &Value) -> bool {
    let Some(data) = base.as_type_data() else {
        return false;
    };
    data.layout != Layout::Other
        || data.constructor.get().is_some()
        || base.is(&vm.types.module)
        || base.is(&vm.types.property)
}

/// Calls `obj.<name>()` if the type defines `name`.
fn call_special(vm: &mut Vm, obj: &Value, name: &str) -> PyResult<Option<Value>> {
    let ty = vm.type_of(obj);
    let Some(attr) = vm.lookup_type_attr(&ty, name) else {
        return Ok(None);
    };
    let bound = vm.descriptor_get(&attr, obj, &ty)?;
    vm.call(&bound, &[]).map(Some)
}

/// `__getnewargs_ex__` or `__getnewargs__` results, checked as CPython does.
fn new_arguments(vm: &mut Vm, obj: &Value) -> PyResult<(Option<Value>, Option<Value>)> {
    if let Some(r) = call_special(vm, obj, "__getnewargs_ex__")? {
        let Some(pair) = r.as_tuple() else {
            return Err(PyErr::type_error(format!(
                "__getnewargs_ex__ should return a tuple, not '{}'",
                vm.type_name(&r)
            )));
        };
        if pair.len() != 2 {
            return Err(PyErr::value_error(format!(
                "__getnewargs_ex__ should return a tuple of length 2, not {}",
                pair.len()
            )));
        }
        let (args, kwargs) = (pair[0].clone(), pair[1].clone());
        if args.as_tuple().is_none() {
            return Err(PyErr::type_error(format!(
                "first item of the tuple returned by __getnewargs_ex__ must be a tuple, not '{}'",
                vm.type_name(&args)
            )));
        }
        if kwargs.as_dict().is_none() {
            return Err(PyErr::type_error(format!(
                "second item of the tuple returned by __getnewargs_ex__ must be a dict, not '{}'",
                vm.type_name(&kwargs)
            )));
        }
        return Ok((Some(args), Some(kwargs)));
    }
    if let Some(r) = call_special(vm, obj, "__getnewargs__")? {
        if r.as_tuple().is_none() {
            return Err(PyErr::type_error(format!(
                "__getnewargs__ should return a tuple, not '{}'",
                vm.type_name(&r)
            )));
        }
        return Ok((Some(r), None));
    }
    Ok((None, None))
}

fn cannot_pickle(vm: &Vm, obj: &Value) -> PyErr {
    PyErr::type_error(format!("cannot pickle '{}' object", vm.type_name(obj)))
}

/// CPython's `reduce_newobj`.
fn reduce_newobj(vm: &mut Vm, copyreg: &Value, obj: &Value) -> PyResult<Value> {
    let ty = vm.type_of(obj);
    let base = builtin_base(vm, &ty).unwrap_or_else(|| vm.types.object.clone());
    if !constructible(vm, &base) {
        return Err(cannot_pickle(vm, obj));
    }
    let (args, kwargs) = new_arguments(vm, obj)?;
    let has_args = args.is_some();
    let no_kwargs = match &kwargs {
        None => true,
        Some(k) => k.as_dict().is_some_and(|d| d.borrow().is_empty()),
    };
    let (newobj, newargs) = if no_kwargs {
        let mut items = vec![ty.clone()];
        if let Some(a) = args.as_ref().and_then(|a| a.as_tuple()) {
            items.extend(a.iter().cloned());
        }
        (vm.getattr_str(copyreg, "__newobj__")?, vm.new_tuple(items))
    } else {
        let items = vec![
            ty.clone(),
            args.unwrap_or_else(|| vm.new_tuple(Vec::new())),
            kwargs.unwrap_or(Value::NONE),
        ];
        (
            vm.getattr_str(copyreg, "__newobj_ex__")?,
            vm.new_tuple(items),
        )
    };
    let is_list = vm.is_instance(obj, &vm.types.list.clone());
    let is_dict = vm.is_instance(obj, &vm.types.dict.clone());
    let state = object_state(vm, obj, !(has_args || is_list || is_dict))?;
    let listitems = if is_list { vm.iter(obj)? } else { Value::NONE };
    let dictitems = if is_dict {
        let items = vm.getattr_str(obj, "items")?;
        let view = vm.call(&items, &[])?;
        vm.iter(&view)?
    } else {
        Value::NONE
    };
    Ok(vm.new_tuple(vec![newobj, newargs, state, listitems, dictitems]))
}

/// `obj.__getstate__()`, computed directly when it is `object`'s default.
fn object_state(vm: &mut Vm, obj: &Value, required: bool) -> PyResult<Value> {
    let ty = vm.type_of(obj);
    let own = vm.lookup_type_attr(&ty, "__getstate__");
    let default = vm.lookup_type_attr(&vm.types.object.clone(), "__getstate__");
    let instance_override = vm
        .instance_dict(obj)
        .is_some_and(|d| vm.dict_get_str(&d, "__getstate__").is_some());
    match (own, default) {
        (Some(own), Some(default)) if own.is(&default) && !instance_override => {
            default_state(vm, obj, required)
        }
        _ => {
            let f = vm.getattr_str(obj, "__getstate__")?;
            vm.call(&f, &[])
        }
    }
}

/// CPython's `object_getstate_default`.
fn default_state(vm: &mut Vm, obj: &Value, required: bool) -> PyResult<Value> {
    let ty = vm.type_of(obj);
    if required {
        let layout = builtin_base(vm, &ty)
            .and_then(|b| b.as_type_data().map(|d| d.layout))
            .unwrap_or(Layout::Object);
        match layout {
            Layout::Int | Layout::Bytes | Layout::Tuple => {
                return Err(PyErr::type_error(format!(
                    "cannot pickle {} objects",
                    vm.type_name(obj)
                )));
            }
            Layout::Object | Layout::List | Layout::Dict => {}
            _ => return Err(cannot_pickle(vm, obj)),
        }
    }
    let mut state = match vm.instance_dict(obj) {
        Some(d) if d.as_dict().is_some_and(|t| !t.borrow().is_empty()) => d,
        _ => Value::NONE,
    };
    let names = slot_names(vm, &ty)?;
    if let Some(list) = names.as_list() {
        let names: Vec<Value> = list.borrow().clone();
        if !names.is_empty() {
            let slots = vm.new_dict();
            let mut any = false;
            for name in names {
                let Some(n) = name.as_str() else { continue };
                let n = n.to_string();
                match vm.getattr_str(obj, &n) {
                    Ok(v) => {
                        vm.dict_set(&slots, name, v)?;
                        any = true;
                    }
                    Err(e) if vm.err_matches(&e, ExcKind::AttributeError) => {}
                    Err(e) => return Err(e),
                }
            }
            if any {
                state = vm.new_tuple(vec![state, slots]);
            }
        }
    }
    Ok(state)
}

/// `copyreg._slotnames(cls)`, read straight from the cache in the class dict when present.
fn slot_names(vm: &mut Vm, ty: &Value) -> PyResult<Value> {
    if let Some(data) = ty.as_type_data() {
        let dict = data.dict.clone();
        if let Some(names) = vm.dict_get_str(&dict, "__slotnames__") {
            return Ok(names);
        }
        // Classes without `__slots__` anywhere have no slot names: skip copyreg.
        if vm.lookup_type_attr(ty, "__slots__").is_none() {
            return Ok(Value::NONE);
        }
    }
    let copyreg = vm.import_module("copyreg")?;
    let f = vm.getattr_str(&copyreg, "_slotnames")?;
    vm.call(&f, &[ty.clone()])
}

/// `int/float/complex/str/bytes/tuple.__getnewargs__()`: the value as its exact base type.
fn builtin_getnewargs(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let this = receiver(vm, &args, "__getnewargs__")?.clone();
    rest(&args).exact("__getnewargs__", 0)?;
    let items = match this.payload() {
        None => vec![this.clone()],
        Some(Payload::Int(i)) => vec![vm.new_bigint(i.clone())],
        Some(Payload::Float(f)) => vec![vm.new_float(*f)],
        Some(Payload::Complex(re, im)) => vec![vm.new_float(*re), vm.new_float(*im)],
        Some(Payload::Str(s)) => vec![vm.new_pystr(s.exact_copy())],
        Some(Payload::Bytes(b)) => vec![vm.new_bytes(b.to_vec())],
        Some(Payload::Tuple(t)) => vec![vm.new_tuple(t.to_vec())],
        Some(_) => return Err(bad_receiver(vm, "__getnewargs__", "object", Some(&this))),
    };
    Ok(vm.new_tuple(items))
}

/// `set.__reduce__()`: `(type(self), (list(self),), self.__dict__ or None)`.
fn set_reduce(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let this = match args.values.first() {
        Some(v) if v.as_set().is_some() => v.clone(),
        other => return Err(bad_receiver(vm, "__reduce__", "set", other)),
    };
    rest(&args).exact("__reduce__", 0)?;
    let keys = vm.collect_iterable(&this)?;
    let keys = vm.new_list(keys);
    let state = vm.instance_dict(&this).unwrap_or(Value::NONE);
    let ty = vm.type_of(&this);
    let inner = vm.new_tuple(vec![keys]);
    Ok(vm.new_tuple(vec![ty, inner, state]))
}

/// `bytearray.__reduce_ex__(protocol)`: `(type(self), (bytes(self),), self.__dict__ or None)`
/// (protocol 3 and above; the same shape serves `__reduce__`).
fn bytearray_reduce(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let this = match args.values.first() {
        Some(v) if matches!(v.payload(), Some(Payload::ByteArray(_))) => v.clone(),
        other => return Err(bad_receiver(vm, "__reduce_ex__", "bytearray", other)),
    };
    let bytes = match this.payload() {
        Some(Payload::ByteArray(b)) => b.borrow().clone(),
        _ => Vec::new(),
    };
    let ty = vm.type_of(&this);
    let inner = vm.new_bytes(bytes);
    let inner = vm.new_tuple(vec![inner]);
    let state = vm.instance_dict(&this).unwrap_or(Value::NONE);
    Ok(vm.new_tuple(vec![ty, inner, state]))
}
