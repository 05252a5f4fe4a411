//! `X | Y` between classes, `None` and generic aliases (PEP 604): `type.__or__`/`__ror__`
//! and the same on `types.GenericAlias`. They return NotImplemented unless both operands
//! can be united (CPython's `is_unionable`), else build a `types.UnionType` with the frozen
//! `_union` module (unions are built rarely; their behaviour is plain Python there).

use crate::interp::args::Args;
use crate::object::{Payload, Value};
use crate::runtime::errors::{PyErr, PyResult};
use crate::vm::Vm;

/// Registers the operators on `type` and `types.GenericAlias`.
pub fn install(vm: &mut Vm) {
    for ty in [vm.types.type_.clone(), vm.types.generic_alias.clone()] {
        vm.add_method(&ty, "__or__", union_or);
        vm.add_method(&ty, "__ror__", union_ror);
    }
}

/// Whether `v` may be an operand of a PEP 604 union.
fn unionable(vm: &Vm, v: &Value) -> bool {
    if v.is_none() || v.as_type_data().is_some() {
        return true;
    }
    if matches!(v.payload(), Some(Payload::GenericAlias(_))) {
        return true;
    }
    let name = vm.type_name(v);
    name == "UnionType" || name == "TypeAliasType"
}

fn make_union(vm: &mut Vm, left: &Value, right: &Value) -> PyResult<Value> {
    if !unionable(vm, left) || !unionable(vm, right) {
        return Ok(Value::NOT_IMPLEMENTED);
    }
    let module = vm.import_module("_union")?;
    let make = vm.getattr_str(&module, "_make")?;
    vm.call(&make, &[left.clone(), right.clone()])
}

fn operands<'a>(args: &Args<'a>) -> PyResult<(&'a Value, &'a Value)> {
    match args.values {
        [a, b] => Ok((a, b)),
        _ => Err(PyErr::type_error("expected 1 argument")),
    }
}

fn union_or(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let (a, b) = operands(&args)?;
    make_union(vm, a, b)
}

fn union_ror(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let (a, b) = operands(&args)?;
    make_union(vm, b, a)
}
