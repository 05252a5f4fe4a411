//! `_functools`: the hot parts of `functools` in Rust — `reduce` (a tight loop of calls)
//! and `cmp_to_key` (its `KeyWrapper` objects are compared O(n log n) times by a sort).
//! Everything else in `functools` is Python, in `frozen/functools.py`.

use crate::bytecode::CompareOp;
use crate::interp::args::{ArgSpec, Args};
use crate::object::Value;
use crate::runtime::errors::{ExcKind, PyErr, PyResult};
use crate::runtime::native::{native_receiver, native_state};
use crate::types::function::NativeFn;
use crate::vm::Vm;

/// Creates the `_functools` module.
pub fn create(vm: &mut Vm) -> PyResult<Value> {
    let dict = vm.new_dict();
    let module = vm.new_module("_functools", dict.clone());
    let reduce = vm.new_builtin_function("reduce", reduce, module.clone());
    vm.set_item_str(&dict, "reduce", reduce)?;
    let cmp = vm.new_builtin_function("cmp_to_key", cmp_to_key, module.clone());
    vm.set_item_str(&dict, "cmp_to_key", cmp)?;
    let ty = vm.new_native_type("functools", "KeyWrapper", false);
    vm.set_constructor(&ty, key_wrapper_no_new);
    vm.add_method(&ty, "__call__", key_wrapper_call);
    let comparisons: [(&'static str, NativeFn); 6] = [
        ("__lt__", key_lt),
        ("__le__", key_le),
        ("__eq__", key_eq),
        ("__ne__", key_ne),
        ("__gt__", key_gt),
        ("__ge__", key_ge),
    ];
    for (name, f) in comparisons {
        vm.add_method(&ty, name, f);
    }
    vm.add_method(&ty, "__getattr__", key_wrapper_getattr);
    vm.set_type_attr(&ty, "__hash__", Value::NONE);
    vm.native_types.insert("functools.KeyWrapper", ty.clone());
    vm.set_item_str(&dict, "KeyWrapper", ty)?;
    Ok(module)
}

/// `reduce(function, iterable[, initial])`.
fn reduce(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    args.no_keywords("reduce")?;
    let pos = args.range("reduce", 2, 3)?;
    let func = &pos[0];
    let it = vm.iter(&pos[1]).map_err(|e| {
        if vm.err_matches(&e, ExcKind::TypeError) {
            PyErr::type_error("reduce() arg 2 must support iteration")
        } else {
            e
        }
    })?;
    let mut acc = pos.get(2).cloned();
    while let Some(item) = vm.next(&it)? {
        acc = Some(match acc {
            None => item,
            Some(a) => vm.call(func, &[a, item])?,
        });
    }
    acc.ok_or_else(|| PyErr::type_error("reduce() of empty iterable with no initial value"))
}

/// A `KeyWrapper`: the comparison function, and the wrapped object (NULL for the
/// factory that `cmp_to_key` returns).
struct KeyWrapper {
    cmp: Value,
    obj: Value,
}

fn cmp_to_key(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let bound = ArgSpec {
        fname: "cmp_to_key",
        names: &["mycmp"],
        posonly: 0,
        required: 1,
        kwonly_from: 1,
    }
    .bind(&args)?;
    let ty = vm.native_type("functools.KeyWrapper")?;
    Ok(vm.new_native(
        &ty,
        KeyWrapper {
            cmp: bound[0].clone(),
            obj: Value::NULL,
        },
        None,
    ))
}

fn key_wrapper_no_new(_vm: &mut Vm, _args: Args<'_>) -> PyResult<Value> {
    Err(PyErr::type_error(
        "cannot create 'functools.KeyWrapper' instances",
    ))
}

fn key_wrapper_call(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let (this, k) = native_receiver::<KeyWrapper>(vm, &args, "__call__", "functools.KeyWrapper")?;
    let bound = ArgSpec {
        fname: "K",
        names: &["obj"],
        posonly: 0,
        required: 1,
        kwonly_from: 1,
    }
    .bind(&crate::builtins::object::util::rest(&args))?;
    let ty = vm.type_of(this);
    Ok(vm.new_native(
        &ty,
        KeyWrapper {
            cmp: k.cmp.clone(),
            obj: bound[0].clone(),
        },
        None,
    ))
}

/// `k.obj`: the wrapped object.
fn key_wrapper_getattr(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let (this, k) =
        native_receiver::<KeyWrapper>(vm, &args, "__getattr__", "functools.KeyWrapper")?;
    let name = args.values.get(1).and_then(|v| v.as_str()).unwrap_or("");
    if name == "obj" && !k.obj.is_null() {
        return Ok(k.obj.clone());
    }
    Err(PyErr::new(
        ExcKind::AttributeError,
        format!("'{}' object has no attribute '{name}'", vm.type_name(this)),
    ))
}

fn key_compare(vm: &mut Vm, args: Args<'_>, op: CompareOp) -> PyResult<Value> {
    let (_, k) = native_receiver::<KeyWrapper>(vm, &args, "__lt__", "functools.KeyWrapper")?;
    let other = args
        .values
        .get(1)
        .and_then(native_state::<KeyWrapper>)
        .filter(|o| !o.obj.is_null());
    let Some(other) = other else {
        return Err(PyErr::type_error("other argument must be K instance"));
    };
    let r = vm.call(&k.cmp, &[k.obj.clone(), other.obj.clone()])?;
    let zero = vm.new_int(0);
    vm.compare(&r, &zero, op)
}

fn key_lt(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    key_compare(vm, args, CompareOp::Lt)
}
fn key_le(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    key_compare(vm, args, CompareOp::Le)
}
fn key_eq(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    key_compare(vm, args, CompareOp::Eq)
}
fn key_ne(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    key_compare(vm, args, CompareOp::Ne)
}
fn key_gt(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    key_compare(vm, args, CompareOp::Gt)
}
fn key_ge(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    key_compare(vm, args, CompareOp::Ge)
}
