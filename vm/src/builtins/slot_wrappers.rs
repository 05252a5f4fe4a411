//! The protocol dunders of builtin types whose behaviour lives in the interpreter rather
//! than in a method (`f.__call__`, `f.__get__`, `None.__bool__`, `type(None).__repr__`),
//! exposed as CPython exposes them: slot wrappers (`wrapper_descriptor`) in the type's
//! dict, bound to `method-wrapper`s. Each wrapper runs the same code the interpreter runs
//! for the protocol (`builtin_repr`, `call_args`, the descriptor binding of `attr.rs`), so
//! `x.__repr__()` and `repr(x)` cannot disagree. A wrapper called unbound checks its
//! receiver's type in `Vm::call_args` ("descriptor '__repr__' requires a 'NoneType'
//! object but received a 'int'").

use crate::interp::args::Args;
use crate::object::{Payload, Value};
use crate::runtime::errors::{PyErr, PyResult};
use crate::types::function::NativeFn;
use crate::vm::Vm;

/// Registers the wrappers.
pub fn install(vm: &mut Vm) {
    let t = &vm.types;
    let repr_types = [
        t.function.clone(),
        t.method.clone(),
        t.builtin_function.clone(),
        t.method_descriptor.clone(),
        t.wrapper_descriptor.clone(),
        t.method_wrapper.clone(),
        t.classmethod.clone(),
        t.staticmethod.clone(),
        t.generator.clone(),
        t.coroutine.clone(),
        t.async_generator.clone(),
        t.code.clone(),
        t.frame.clone(),
        t.cell.clone(),
        t.range.clone(),
        t.slice.clone(),
        t.none_type.clone(),
        t.not_implemented_type.clone(),
        t.ellipsis_type.clone(),
        t.module.clone(),
        t.getset_descriptor.clone(),
        t.member_descriptor.clone(),
    ];
    let callables = [
        t.function.clone(),
        t.method.clone(),
        t.builtin_function.clone(),
        t.method_descriptor.clone(),
        t.wrapper_descriptor.clone(),
        t.method_wrapper.clone(),
    ];
    let gets: [(Value, NativeFn); 5] = [
        (t.function.clone(), function_get),
        (t.method.clone(), method_get),
        (t.method_descriptor.clone(), method_descriptor_get),
        (t.wrapper_descriptor.clone(), method_descriptor_get),
        (t.super_.clone(), super_get),
    ];
    let singletons = [t.none_type.clone(), t.not_implemented_type.clone()];
    let generators = [
        t.generator.clone(),
        t.coroutine.clone(),
        t.async_generator.clone(),
    ];
    let traceback = t.traceback.clone();
    let buffers = [t.bytes.clone(), t.bytearray.clone(), t.memoryview.clone()];
    for ty in &repr_types {
        vm.add_slot_wrapper(ty, "__repr__", slot_repr);
    }
    for ty in &callables {
        vm.add_slot_wrapper(ty, "__call__", slot_call);
    }
    for (ty, f) in &gets {
        vm.add_slot_wrapper(ty, "__get__", *f);
    }
    for ty in &singletons {
        vm.add_slot_wrapper(ty, "__bool__", slot_bool);
    }
    for ty in &generators {
        vm.add_slot_wrapper(ty, "__del__", generator_del);
        let m = crate::builtins::object::base::new_classmethod(
            vm,
            "__class_getitem__",
            crate::builtins::generic_alias::class_getitem,
        );
        vm.set_type_attr(ty, "__class_getitem__", m);
    }
    vm.add_method(&traceback, "__dir__", traceback_dir);
    for ty in &buffers {
        vm.add_slot_wrapper(ty, "__buffer__", buffer);
    }
    let range = vm.types.range.clone();
    vm.add_method(&range, "__reduce__", range_reduce);
}

/// `range.__reduce__()`: `(range, (start, stop, step))`.
fn range_reduce(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let (recv, rest) = split(&args);
    rest.exact("__reduce__", 0)?;
    let Some(Payload::Range(r)) = recv.payload() else {
        return Err(PyErr::type_error(format!(
            "descriptor '__reduce__' for 'range' objects doesn't apply to a '{}' object",
            vm.type_name(&recv)
        )));
    };
    let fields = vm.new_tuple(vec![r.start.clone(), r.stop.clone(), r.step.clone()]);
    let ty = vm.types.range.clone();
    Ok(vm.new_tuple(vec![ty, fields]))
}

/// `obj.__buffer__(flags)` (PEP 688): a memoryview of the object.
fn buffer(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let (recv, rest) = split(&args);
    let pos = rest.exact("__buffer__", 1)?;
    if pos[0].as_small_int().is_none() && crate::runtime::numbers::as_int(&pos[0]).is_none() {
        return Err(PyErr::type_error(format!(
            "'{}' object cannot be interpreted as an integer",
            vm.type_name(&pos[0])
        )));
    }
    let mv = vm.types.memoryview.clone();
    vm.call(&mv, &[recv])
}

/// The receiver and the arguments after it.
fn split<'a>(args: &Args<'a>) -> (Value, Args<'a>) {
    let recv = args.values.first().cloned().unwrap_or(Value::NONE);
    (recv, crate::builtins::native_util::rest(args))
}

/// Slot wrappers of unary slots take no arguments: "expected 0 arguments, got 1".
fn no_arguments(args: &Args<'_>) -> PyResult<()> {
    let n = args.values.len();
    if n != 0 || !args.kwnames.is_empty() {
        let what = if args.kwnames.is_empty() {
            format!("expected 0 arguments, got {n}")
        } else {
            "wrapper takes no keyword arguments".to_string()
        };
        return Err(PyErr::type_error(what));
    }
    Ok(())
}

fn slot_repr(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let (recv, rest) = split(&args);
    no_arguments(&rest)?;
    let text = crate::builtins::repr::builtin_repr(vm, &recv)?;
    Ok(vm.new_string(text))
}

fn slot_call(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let (recv, rest) = split(&args);
    vm.call_args(&recv, rest)
}

fn slot_bool(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let (recv, rest) = split(&args);
    no_arguments(&rest)?;
    Ok(Value::from_bool(vm.truthy(&recv)?))
}

/// `(obj, type=None)` of a `__get__` call, with CPython's check for two Nones.
fn get_arguments(args: &Args<'_>) -> PyResult<(Value, Value)> {
    let pos = args.range("__get__", 1, 2)?;
    let obj = pos[0].clone();
    let ty = pos.get(1).cloned().unwrap_or(Value::NONE);
    if obj.is_none() && ty.is_none() {
        return Err(PyErr::type_error("__get__(None, None) is invalid"));
    }
    Ok((obj, ty))
}

/// `function.__get__(obj, type=None)`: a bound method, or the function itself for `None`.
fn function_get(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let (func, rest) = split(&args);
    let (obj, _) = get_arguments(&rest)?;
    if obj.is_none() {
        return Ok(func);
    }
    Ok(vm.new_bound_method(func, obj))
}

/// `method.__get__(obj, type=None)`: a bound method is already bound.
fn method_get(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let _ = vm;
    let (method, rest) = split(&args);
    get_arguments(&rest)?;
    Ok(method)
}

/// `list.append.__get__(obj, type=None)`: binds to `obj` after checking its type.
fn method_descriptor_get(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let (descr, rest) = split(&args);
    let (obj, _) = get_arguments(&rest)?;
    if obj.is_none() {
        return Ok(descr);
    }
    if let Some(Payload::BuiltinFunction(f)) = descr.payload()
        && !f.owner.is_null()
        && !vm.is_instance(&obj, &f.owner)
    {
        return Err(PyErr::type_error(format!(
            "descriptor '{}' for '{}' objects doesn't apply to a '{}' object",
            f.name,
            crate::runtime::typecheck::type_name_of(&f.owner),
            vm.type_name(&obj)
        )));
    }
    Ok(vm.bind_builtin(&descr, obj))
}

/// `super(C).__get__(obj)`: an unbound super bound to `obj`; a bound one stays as it is.
fn super_get(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let (sup, rest) = split(&args);
    let (obj, _) = get_arguments(&rest)?;
    let Some(Payload::Super(this_class, bound)) = sup.payload() else {
        return Ok(sup);
    };
    if obj.is_none() || !bound.is_null() && !bound.is_none() {
        return Ok(sup);
    }
    let (this_class, ty) = (this_class.clone(), vm.type_of(&sup));
    vm.call(&ty, &[this_class, obj])
}

/// `gen.__del__()`: closes the generator, as its finalizer does.
fn generator_del(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let (generator, rest) = split(&args);
    no_arguments(&rest)?;
    let close = vm.getattr_str(&generator, "close")?;
    vm.call(&close, &[])?;
    Ok(Value::NONE)
}

/// `traceback.__dir__()`: only its four attributes, as CPython lists them.
fn traceback_dir(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let _ = args;
    let names = ["tb_frame", "tb_next", "tb_lasti", "tb_lineno"]
        .iter()
        .map(|n| vm.new_str(n))
        .collect();
    Ok(vm.new_list(names))
}
