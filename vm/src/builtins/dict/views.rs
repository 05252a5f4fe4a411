//! Dict views (`dict_keys`, `dict_values`, `dict_items`): length, iteration, membership,
//! and for keys and items views the set interface: comparisons with sets and other views,
//! `&`, `|`, `-`, `^` (which build sets the way CPython's `dictviews_*` functions do) and
//! `isdisjoint`.

use crate::builtins::object::util::{bad_receiver, borrow, rest};
use crate::builtins::set::ops;
use crate::bytecode::{BinaryOp, CompareOp};
use crate::interp::args::Args;
use crate::object::{Payload, Value};
use crate::runtime::errors::PyResult;
use crate::types::payload::DictViewKind;
use crate::vm::Vm;

type Method = crate::types::function::NativeFn;

/// Registers the view types' methods.
pub fn install(vm: &mut Vm) {
    let common: &[(&'static str, Method)] = &[
        ("__len__", view_len),
        ("__iter__", view_iter),
        ("__contains__", view_contains_m),
        ("__reversed__", view_reversed),
    ];
    let setlike: &[(&'static str, Method)] = &[
        ("isdisjoint", view_isdisjoint),
        ("__and__", view_and),
        ("__rand__", view_rand),
        ("__or__", view_or),
        ("__ror__", view_ror),
        ("__sub__", view_sub),
        ("__rsub__", view_rsub),
        ("__xor__", view_xor),
        ("__rxor__", view_rxor),
        ("__eq__", view_eq),
        ("__ne__", view_ne),
        ("__lt__", view_lt),
        ("__le__", view_le),
        ("__gt__", view_gt),
        ("__ge__", view_ge),
    ];
    let keys = vm.types.dict_keys.clone();
    let items = vm.types.dict_items.clone();
    let values = vm.types.dict_values.clone();
    for ty in [&keys, &items, &values] {
        for (name, f) in common {
            vm.add_method(ty, name, *f);
        }
    }
    for ty in [&keys, &items] {
        for (name, f) in setlike {
            vm.add_method(ty, name, *f);
        }
        vm.set_type_attr(ty, "__hash__", Value::NONE);
    }
}

/// The dict and kind of a view.
fn view_parts(v: &Value) -> Option<(Value, DictViewKind)> {
    match v.payload() {
        Some(Payload::DictView(view)) => Some((view.dict.clone(), view.kind)),
        _ => None,
    }
}

/// Whether `v` is a keys or items view (the set-like ones).
fn is_setlike_view(v: &Value) -> bool {
    matches!(
        view_parts(v),
        Some((_, DictViewKind::Keys | DictViewKind::Items))
    )
}

fn this(vm: &Vm, args: &Args<'_>, name: &str) -> PyResult<(Value, Value, DictViewKind)> {
    match args.values.first() {
        Some(v) => match view_parts(v) {
            Some((d, k)) => Ok((v.clone(), d, k)),
            None => Err(bad_receiver(vm, name, "dict_keys", Some(v))),
        },
        None => Err(bad_receiver(vm, name, "dict_keys", None)),
    }
}

fn view_len(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let (_, d, _) = this(vm, &args, "__len__")?;
    let n = match d.as_dict() {
        Some(t) => borrow(t)?.len(),
        None => 0,
    };
    Ok(vm.new_int(n as i64))
}

fn view_iter(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let (_, d, kind) = this(vm, &args, "__iter__")?;
    super::dict_iterator(vm, &d, kind)
}

fn view_reversed(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let (_, d, kind) = this(vm, &args, "__reversed__")?;
    super::dict_reverse_iterator(vm, &d, kind)
}

/// `item in view`.
pub fn view_contains(
    vm: &mut Vm,
    dict: &Value,
    kind: DictViewKind,
    item: &Value,
) -> PyResult<bool> {
    match kind {
        DictViewKind::Keys => Ok(vm.dict_get(dict, item)?.is_some()),
        DictViewKind::Items => {
            let Some([key, value]) = item.as_tuple() else {
                return Ok(false);
            };
            let (key, value) = (key.clone(), value.clone());
            match vm.dict_get(dict, &key)? {
                Some(found) => vm.eq(&found, &value),
                None => Ok(false),
            }
        }
        DictViewKind::Values => {
            let values = match dict.as_dict() {
                Some(t) => borrow(t)?.values(),
                None => Vec::new(),
            };
            for v in &values {
                if vm.eq(v, item)? {
                    return Ok(true);
                }
            }
            Ok(false)
        }
    }
}

fn view_contains_m(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let (_, d, kind) = this(vm, &args, "__contains__")?;
    let pos = rest(&args).exact("__contains__", 1)?;
    Ok(Value::from_bool(view_contains(vm, &d, kind, &pos[0])?))
}

/// `dictviews_to_set`: a keys view contributes its dict (so the set is built with the
/// stored hashes), anything else is iterated.
fn to_set(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    let set_ty = vm.types.set.clone();
    match view_parts(v) {
        Some((d, DictViewKind::Keys)) if vm.is_exact_builtin(&d) => {
            ops::new_set(vm, &set_ty, Some(&d))
        }
        _ => ops::new_set(vm, &set_ty, Some(v)),
    }
}

/// `a op b` where either operand is a keys or items view (the core's operator fallback).
pub fn view_binary(vm: &mut Vm, a: &Value, b: &Value, op: BinaryOp) -> PyResult<Value> {
    if !is_setlike_view(a) && !is_setlike_view(b) {
        return Ok(Value::NOT_IMPLEMENTED);
    }
    match op.base() {
        BinaryOp::And => intersect(vm, a, b),
        BinaryOp::Or => {
            let result = to_set(vm, a)?;
            ops::update_internal(vm, &result, b)?;
            Ok(result)
        }
        BinaryOp::Subtract => {
            let result = to_set(vm, a)?;
            ops::difference_update(vm, &result, b)?;
            Ok(result)
        }
        BinaryOp::Xor => {
            let result = to_set(vm, a)?;
            ops::symmetric_difference_update(vm, &result, b)?;
            Ok(result)
        }
        _ => Ok(Value::NOT_IMPLEMENTED),
    }
}

/// CPython's `_PyDictView_Intersect`.
fn intersect(vm: &mut Vm, a: &Value, b: &Value) -> PyResult<Value> {
    let (mut this, mut other) = (a.clone(), b.clone());
    if !is_setlike_view(&this) {
        std::mem::swap(&mut this, &mut other);
    }
    let len_self = vm.len(&this)?;
    let other_is_exact_set = other.as_object().is_some_and(|o| o.has_type(&vm.types.set));
    if other_is_exact_set && len_self <= vm.len(&other)? {
        return ops::intersection(vm, &other, &this);
    }
    if is_setlike_view(&other) && vm.len(&other)? > len_self {
        std::mem::swap(&mut this, &mut other);
    }
    let set_ty = vm.types.set.clone();
    let result = ops::new_set(vm, &set_ty, None)?;
    let Some((d, kind)) = view_parts(&this) else {
        return Ok(result);
    };
    let it = vm.iter(&other)?;
    while let Some(k) = vm.next(&it)? {
        if view_contains(vm, &d, kind, &k)? {
            vm.set_add(&result, k)?;
        }
    }
    Ok(result)
}

fn binary_m(vm: &mut Vm, args: Args<'_>, op: BinaryOp, reflected: bool) -> PyResult<Value> {
    let (v, _, _) = this(vm, &args, "__and__")?;
    let pos = rest(&args).exact("__and__", 1)?;
    if reflected {
        view_binary(vm, &pos[0], &v, op)
    } else {
        view_binary(vm, &v, &pos[0], op)
    }
}

fn view_and(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    binary_m(vm, args, BinaryOp::And, false)
}
fn view_rand(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    binary_m(vm, args, BinaryOp::And, true)
}
fn view_or(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    binary_m(vm, args, BinaryOp::Or, false)
}
fn view_ror(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    binary_m(vm, args, BinaryOp::Or, true)
}
fn view_sub(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    binary_m(vm, args, BinaryOp::Subtract, false)
}
fn view_rsub(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    binary_m(vm, args, BinaryOp::Subtract, true)
}
fn view_xor(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    binary_m(vm, args, BinaryOp::Xor, false)
}
fn view_rxor(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    binary_m(vm, args, BinaryOp::Xor, true)
}

fn view_isdisjoint(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let (v, d, kind) = this(vm, &args, "isdisjoint")?;
    let pos = rest(&args).exact("isdisjoint", 1)?;
    let other = pos[0].clone();
    if v.is(&other) {
        return Ok(Value::from_bool(vm.len(&v)? == 0));
    }
    // Iterate the smaller side when both sizes are known cheaply.
    let other_len = match other.payload() {
        Some(Payload::Set(_) | Payload::DictView(_) | Payload::Dict(_)) => Some(vm.len(&other)?),
        _ => None,
    };
    if let Some(n) = other_len
        && vm.len(&v)? <= n
    {
        let it = vm.iter(&v)?;
        while let Some(k) = vm.next(&it)? {
            if vm.contains(&other, &k)? {
                return Ok(Value::FALSE);
            }
        }
        return Ok(Value::TRUE);
    }
    let it = vm.iter(&other)?;
    while let Some(k) = vm.next(&it)? {
        if view_contains(vm, &d, kind, &k)? {
            return Ok(Value::FALSE);
        }
    }
    Ok(Value::TRUE)
}

/// Whether every item of `a` is in `b`.
fn all_contained_in(vm: &mut Vm, a: &Value, b: &Value) -> PyResult<bool> {
    let it = vm.iter(a)?;
    while let Some(k) = vm.next(&it)? {
        if !vm.contains(b, &k)? {
            return Ok(false);
        }
    }
    Ok(true)
}

fn richcompare(vm: &mut Vm, a: &Value, b: &Value, op: CompareOp) -> PyResult<Option<bool>> {
    let b_ok = matches!(b.payload(), Some(Payload::Set(_))) || is_setlike_view(b);
    if !is_setlike_view(a) || !b_ok {
        return Ok(None);
    }
    let (la, lb) = (vm.len(a)?, vm.len(b)?);
    Ok(Some(match op {
        CompareOp::Eq => la == lb && all_contained_in(vm, a, b)?,
        CompareOp::Ne => !(la == lb && all_contained_in(vm, a, b)?),
        CompareOp::Lt => la < lb && all_contained_in(vm, a, b)?,
        CompareOp::Le => la <= lb && all_contained_in(vm, a, b)?,
        CompareOp::Gt => la > lb && all_contained_in(vm, b, a)?,
        CompareOp::Ge => la >= lb && all_contained_in(vm, b, a)?,
    }))
}

fn compare_m(vm: &mut Vm, args: Args<'_>, op: CompareOp) -> PyResult<Value> {
    let (v, _, _) = this(vm, &args, "__eq__")?;
    let pos = rest(&args).exact("__eq__", 1)?;
    Ok(match richcompare(vm, &v, &pos[0], op)? {
        Some(b) => Value::from_bool(b),
        None => Value::NOT_IMPLEMENTED,
    })
}

fn view_eq(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    compare_m(vm, args, CompareOp::Eq)
}
fn view_ne(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    compare_m(vm, args, CompareOp::Ne)
}
fn view_lt(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    compare_m(vm, args, CompareOp::Lt)
}
fn view_le(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    compare_m(vm, args, CompareOp::Le)
}
fn view_gt(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    compare_m(vm, args, CompareOp::Gt)
}
fn view_ge(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    compare_m(vm, args, CompareOp::Ge)
}

impl Vm {
    /// Comparison where either operand is a dict view: keys and items views compare like
    /// sets; `None` means "not supported" (values views compare by identity).
    pub fn dict_view_compare(
        &mut self,
        a: &Value,
        b: &Value,
        op: CompareOp,
    ) -> PyResult<Option<bool>> {
        if is_setlike_view(a) {
            return richcompare(self, a, b, op);
        }
        if is_setlike_view(b) {
            return richcompare(self, b, a, op.swapped());
        }
        Ok(None)
    }
}
