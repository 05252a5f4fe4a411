//! `itertools`: every iterator type of CPython 3.14's module, written in Rust. Each type
//! is a native type (`runtime::native`) whose state struct lives in the object; its step
//! function is what `next()` calls. Steps that call back into Python (the wrapped
//! iterator's `__next__`, a predicate, a key function) copy what they need out of the
//! state's cells first, so re-entrant use sees consistent state instead of a borrow panic.
//!
//! Split by family: `simple` (count, cycle, repeat, accumulate, chain, compress, the
//! while/false filters, starmap, pairwise, batched, zip_longest, islice), `grouping`
//! (groupby and its `_grouper`, tee and `_tee`), `combinatorics` (product, permutations,
//! combinations, combinations_with_replacement).

mod combinatorics;
mod grouping;
mod simple;

use crate::interp::args::Args;
use crate::object::Value;
use crate::runtime::errors::{PyErr, PyResult};
use crate::runtime::native::{NativeNextFn, NativeState, native_state};
use crate::types::function::NativeFn;
use crate::vm::Vm;

/// One itertools type: name, constructor, and whether Python may subclass it.
struct TypeSpec {
    name: &'static str,
    ctor: NativeFn,
    subclassable: bool,
}

impl TypeSpec {
    const fn new(name: &'static str, ctor: NativeFn) -> TypeSpec {
        TypeSpec {
            name,
            ctor,
            subclassable: true,
        }
    }
}

/// Creates the `itertools` module.
pub fn create(vm: &mut Vm) -> PyResult<Value> {
    let dict = vm.new_dict();
    let module = vm.new_module("itertools", dict.clone());
    let mut specs: Vec<TypeSpec> = Vec::new();
    simple::specs(&mut specs);
    grouping::specs(&mut specs);
    combinatorics::specs(&mut specs);
    for spec in specs {
        let ty = vm.new_native_type("itertools", spec.name, spec.subclassable);
        vm.set_constructor(&ty, spec.ctor);
        vm.add_native_iter_methods(&ty);
        simple::extra_methods(vm, spec.name, &ty);
        grouping::extra_methods(vm, spec.name, &ty);
        if !spec.name.starts_with('_') {
            vm.set_item_str(&dict, spec.name, ty.clone())?;
        }
        if spec.name.starts_with('_') {
            vm.set_item_str(&dict, spec.name, ty.clone())?;
            let qualified = if spec.name == "_tee" {
                "itertools._tee"
            } else {
                "itertools._grouper"
            };
            vm.native_types.insert(qualified, ty);
        }
    }
    let tee = vm.new_builtin_function("tee", grouping::tee, module.clone());
    vm.set_item_str(&dict, "tee", tee)?;
    Ok(module)
}

/// The state of a native iterator in a step function (`it` is always of the right type
/// there, since only the type's own step is stored in the object).
fn state<T: 'static>(it: &Value) -> PyResult<&T> {
    native_state::<T>(it).ok_or_else(|| PyErr::internal("itertools: wrong iterator state"))
}

/// Allocates an iterator of class `cls` (the type itself or a Python subclass).
fn make(vm: &Vm, cls: &Value, state: impl NativeState, next: NativeNextFn) -> Value {
    vm.new_native(cls, state, Some(next))
}

/// The constructor's class and the call's own arguments.
fn split_ctor<'a>(args: &Args<'a>) -> (Value, Args<'a>) {
    let cls = args.values.first().cloned().unwrap_or(Value::NONE);
    (cls, crate::builtins::object::util::rest(args))
}

/// CPython rejects keywords only for the exact type (subclasses may take them in
/// `__init__`).
fn no_kw_unless_subclass(cls: &Value, a: &Args<'_>, fname: &str) -> PyResult<()> {
    let heap = cls
        .as_type_data()
        .is_some_and(|d| d.has_flag(crate::types::typeobj::type_flags::HEAPTYPE));
    if heap { Ok(()) } else { a.no_keywords(fname) }
}
