//! `set` and `frozenset`: constructors, methods, operators and comparisons. The algorithms
//! themselves (which operand is iterated, when tables are resized) are in `ops`, mirroring
//! CPython so that sets print in the same order; this file parses arguments, checks
//! receivers and maps operators to those algorithms.

pub mod ops;

use crate::builtins::object::util::{bad_receiver, borrow, rest};
use crate::bytecode::{BinaryOp, CompareOp};
use crate::interp::args::Args;
use crate::object::{Payload, Value};
use crate::runtime::errors::{ExcKind, PyErr, PyResult};
use crate::types::iter::IterState;
use crate::vm::Vm;

type Method = crate::types::function::NativeFn;

/// Registers the set and frozenset constructors and methods.
pub fn install(vm: &mut Vm) {
    let set = vm.types.set.clone();
    let frozen = vm.types.frozenset.clone();
    vm.set_constructor(&set, set_new);
    vm.set_constructor(&frozen, frozenset_new);
    let shared: &[(&'static str, Method)] = &[
        ("__contains__", set_contains_m),
        ("difference", set_difference_m),
        ("intersection", set_intersection_m),
        ("isdisjoint", set_isdisjoint),
        ("issubset", set_issubset),
        ("issuperset", set_issuperset),
        ("symmetric_difference", set_symmetric_difference_m),
        ("union", set_union),
        ("__len__", set_len),
        ("__iter__", set_iter),
        ("__repr__", set_repr),
        ("__eq__", set_eq),
        ("__ne__", set_ne),
        ("__lt__", set_lt),
        ("__le__", set_le),
        ("__gt__", set_gt),
        ("__ge__", set_ge),
        ("__or__", set_or),
        ("__ror__", set_ror),
        ("__and__", set_and),
        ("__rand__", set_rand),
        ("__sub__", set_sub),
        ("__rsub__", set_rsub),
        ("__xor__", set_xor),
        ("__rxor__", set_rxor),
    ];
    for ty in [&set, &frozen] {
        for (name, f) in shared {
            vm.add_method(ty, name, *f);
        }
    }
    let mutating: &[(&'static str, Method)] = &[
        ("__init__", set_init),
        ("add", set_add_m),
        ("clear", set_clear),
        ("copy", set_copy),
        ("discard", set_discard),
        ("remove", set_remove),
        ("pop", set_pop),
        ("update", set_update),
        ("difference_update", set_difference_update),
        ("intersection_update", set_intersection_update),
        (
            "symmetric_difference_update",
            set_symmetric_difference_update,
        ),
        ("__ior__", set_ior),
        ("__iand__", set_iand),
        ("__isub__", set_isub),
        ("__ixor__", set_ixor),
    ];
    for (name, f) in mutating {
        vm.add_method(&set, name, *f);
    }
    vm.set_type_attr(&set, "__hash__", Value::NONE);
    vm.add_method(&frozen, "copy", frozenset_copy);
    vm.add_method(&frozen, "__hash__", frozenset_hash);
}

fn is_frozen(vm: &Vm, v: &Value) -> bool {
    vm.is_instance(v, &vm.types.frozenset)
}

/// The receiver: any set or frozenset.
fn any_set<'a>(vm: &Vm, args: &Args<'a>, name: &str) -> PyResult<&'a Value> {
    match args.values.first() {
        Some(v) if v.as_set().is_some() => Ok(v),
        other => Err(bad_receiver(vm, name, "set", other)),
    }
}

/// The receiver of a mutating method: a set (not a frozenset).
fn mutable_set<'a>(vm: &Vm, args: &Args<'a>, name: &str) -> PyResult<&'a Value> {
    match args.values.first() {
        Some(v) if v.as_set().is_some() && !is_frozen(vm, v) => Ok(v),
        other => Err(bad_receiver(vm, name, "set", other)),
    }
}

fn one_arg<'a>(args: &Args<'a>, fname: &str) -> PyResult<&'a Value> {
    Ok(&rest(args).exact(fname, 1)?[0])
}

/// `set(iterable=())`; subclasses start empty and are filled by `set.__init__`.
fn set_new(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let cls = args.values[0].clone();
    if !cls.is(&vm.types.set) {
        return ops::new_set(vm, &cls, None);
    }
    let a = rest(&args);
    a.no_keywords("set")?;
    let pos = a.range("set", 0, 1)?;
    ops::new_set(vm, &cls, pos.first())
}

/// `frozenset(iterable=())`: an exact frozenset argument is returned unchanged.
fn frozenset_new(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let cls = args.values[0].clone();
    let a = rest(&args);
    let exact = cls.is(&vm.types.frozenset);
    if exact {
        a.no_keywords("frozenset")?;
    }
    let tyname = crate::runtime::typecheck::type_name_of(&cls);
    let pos = a.positional();
    if pos.len() > 1 {
        return Err(PyErr::type_error(format!(
            "{tyname} expected at most 1 argument, got {}",
            pos.len()
        )));
    }
    if exact
        && let Some(it) = pos.first()
        && it
            .as_object()
            .is_some_and(|o| o.has_type(&vm.types.frozenset))
    {
        return Ok(it.clone());
    }
    ops::new_set(vm, &cls, pos.first())
}

fn set_init(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let s = mutable_set(vm, &args, "__init__")?;
    let a = rest(&args);
    a.no_keywords("set")?;
    let pos = a.range(&vm.type_name(s), 0, 1)?;
    ops::clear(s)?;
    if let Some(it) = pos.first() {
        ops::update_internal(vm, s, it)?;
    }
    Ok(Value::NONE)
}

fn set_add_m(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let s = mutable_set(vm, &args, "add")?;
    let key = one_arg(&args, "set.add")?;
    vm.set_add(s, key.clone())?;
    Ok(Value::NONE)
}

fn set_clear(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let s = mutable_set(vm, &args, "clear")?;
    rest(&args).exact("set.clear", 0)?;
    ops::clear(s)?;
    Ok(Value::NONE)
}

fn set_copy(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let s = any_set(vm, &args, "copy")?;
    rest(&args).exact("set.copy", 0)?;
    ops::copy(vm, s)
}

fn frozenset_copy(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let s = any_set(vm, &args, "copy")?;
    rest(&args).exact("frozenset.copy", 0)?;
    if vm.is_exact_builtin(s) {
        return Ok(s.clone());
    }
    ops::copy(vm, s)
}

fn set_discard(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let s = mutable_set(vm, &args, "discard")?;
    let key = one_arg(&args, "set.discard")?;
    let cell = s
        .as_set()
        .ok_or_else(|| PyErr::internal("discard on a non-set"))?;
    ops::with_hashable_key(vm, key, |vm, k, h| ops::discard_entry(vm, cell, k, h))?;
    Ok(Value::NONE)
}

fn set_remove(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let s = mutable_set(vm, &args, "remove")?;
    let key = one_arg(&args, "set.remove")?;
    let cell = s
        .as_set()
        .ok_or_else(|| PyErr::internal("remove on a non-set"))?;
    if ops::with_hashable_key(vm, key, |vm, k, h| ops::discard_entry(vm, cell, k, h))? {
        Ok(Value::NONE)
    } else {
        Err(PyErr::key_error(key.clone()))
    }
}

fn set_pop(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let s = mutable_set(vm, &args, "pop")?;
    rest(&args).exact("set.pop", 0)?;
    let key = s.as_set().and_then(|c| c.try_borrow_mut().ok()?.pop());
    match key {
        Some(k) => Ok(k),
        None => {
            let msg = vm.new_str("pop from an empty set");
            Err(PyErr::with_args(ExcKind::KeyError, vec![msg]))
        }
    }
}

fn set_update(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let s = mutable_set(vm, &args, "update")?.clone();
    let a = rest(&args);
    a.no_keywords("set.update")?;
    for other in a.positional() {
        ops::update_internal(vm, &s, other)?;
    }
    Ok(Value::NONE)
}

fn set_union(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let s = any_set(vm, &args, "union")?.clone();
    let a = rest(&args);
    a.no_keywords("set.union")?;
    let result = ops::copy(vm, &s)?;
    for other in a.positional() {
        if other.is(&s) {
            continue;
        }
        ops::update_internal(vm, &result, other)?;
    }
    Ok(result)
}

fn set_intersection_m(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let s = any_set(vm, &args, "intersection")?.clone();
    let a = rest(&args);
    a.no_keywords("set.intersection")?;
    intersection_multi(vm, &s, a.positional())
}

fn intersection_multi(vm: &mut Vm, s: &Value, others: &[Value]) -> PyResult<Value> {
    if others.is_empty() {
        return ops::copy(vm, s);
    }
    let mut result = s.clone();
    for other in others {
        result = ops::intersection(vm, &result, other)?;
    }
    Ok(result)
}

fn set_intersection_update(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let s = mutable_set(vm, &args, "intersection_update")?.clone();
    let a = rest(&args);
    a.no_keywords("set.intersection_update")?;
    let tmp = intersection_multi(vm, &s, a.positional())?;
    ops::swap_bodies(&s, &tmp)?;
    Ok(Value::NONE)
}

fn set_difference_m(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let s = any_set(vm, &args, "difference")?.clone();
    let a = rest(&args);
    a.no_keywords("set.difference")?;
    let others = a.positional();
    let Some(first) = others.first() else {
        return ops::copy(vm, &s);
    };
    let result = ops::difference(vm, &s, first)?;
    for other in &others[1..] {
        ops::difference_update(vm, &result, other)?;
    }
    Ok(result)
}

fn set_difference_update(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let s = mutable_set(vm, &args, "difference_update")?.clone();
    let a = rest(&args);
    a.no_keywords("set.difference_update")?;
    for other in a.positional() {
        ops::difference_update(vm, &s, other)?;
    }
    Ok(Value::NONE)
}

fn set_symmetric_difference_m(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let s = any_set(vm, &args, "symmetric_difference")?.clone();
    let other = one_arg(&args, "set.symmetric_difference")?;
    ops::symmetric_difference(vm, &s, other)
}

fn set_symmetric_difference_update(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let s = mutable_set(vm, &args, "symmetric_difference_update")?.clone();
    let other = one_arg(&args, "set.symmetric_difference_update")?;
    ops::symmetric_difference_update(vm, &s, other)?;
    Ok(Value::NONE)
}

fn set_isdisjoint(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let s = any_set(vm, &args, "isdisjoint")?.clone();
    let other = one_arg(&args, "set.isdisjoint")?;
    Ok(Value::from_bool(ops::isdisjoint(vm, &s, other)?))
}

fn set_issubset(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let s = any_set(vm, &args, "issubset")?.clone();
    let other = one_arg(&args, "set.issubset")?;
    Ok(Value::from_bool(ops::issubset(vm, &s, other)?))
}

fn set_issuperset(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let s = any_set(vm, &args, "issuperset")?.clone();
    let other = one_arg(&args, "set.issuperset")?;
    Ok(Value::from_bool(ops::issuperset(vm, &s, other)?))
}

fn set_contains_m(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let s = any_set(vm, &args, "__contains__")?.clone();
    let key = one_arg(&args, "set.__contains__")?;
    Ok(Value::from_bool(vm.set_contains(&s, key)?))
}

fn set_len(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let s = any_set(vm, &args, "__len__")?;
    let n = s.as_set().map(|c| c.borrow().len()).unwrap_or(0);
    Ok(vm.new_int(n as i64))
}

fn set_iter(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let s = any_set(vm, &args, "__iter__")?;
    let len = match s.as_set() {
        Some(c) => borrow(c)?.len(),
        None => 0,
    };
    Ok(crate::builtins::iterators::new_iterator(
        &vm.types.set_iterator,
        IterState::Set {
            set: s.clone(),
            pos: 0,
            len,
        },
    ))
}

fn set_repr(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let s = any_set(vm, &args, "__repr__")?.clone();
    // The builtin repr handles sets of any (sub)type, including the type-name prefix.
    let text = crate::builtins::repr::builtin_repr(vm, &s)?;
    Ok(vm.new_string(text))
}

fn frozenset_hash(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let s = any_set(vm, &args, "__hash__")?;
    let h = match s.as_set() {
        Some(c) => ops::frozenset_hash(c)?,
        None => 0,
    };
    Ok(vm.new_int(h))
}

fn compare_m(vm: &mut Vm, args: Args<'_>, name: &str, op: CompareOp) -> PyResult<Value> {
    let s = any_set(vm, &args, name)?.clone();
    let other = one_arg(&args, name)?;
    if other.as_set().is_none() {
        return Ok(Value::NOT_IMPLEMENTED);
    }
    match vm.set_compare(&s, other, op)? {
        Some(b) => Ok(Value::from_bool(b)),
        None => Ok(Value::NOT_IMPLEMENTED),
    }
}

fn set_eq(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    compare_m(vm, args, "__eq__", CompareOp::Eq)
}
fn set_ne(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    compare_m(vm, args, "__ne__", CompareOp::Ne)
}
fn set_lt(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    compare_m(vm, args, "__lt__", CompareOp::Lt)
}
fn set_le(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    compare_m(vm, args, "__le__", CompareOp::Le)
}
fn set_gt(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    compare_m(vm, args, "__gt__", CompareOp::Gt)
}
fn set_ge(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    compare_m(vm, args, "__ge__", CompareOp::Ge)
}

/// A binary operator method; `reflected` swaps the operands (`__ror__`...).
fn binary_m(
    vm: &mut Vm,
    args: Args<'_>,
    name: &str,
    op: BinaryOp,
    reflected: bool,
) -> PyResult<Value> {
    let s = any_set(vm, &args, name)?.clone();
    let other = one_arg(&args, name)?.clone();
    if other.as_set().is_none() {
        return Ok(Value::NOT_IMPLEMENTED);
    }
    if reflected {
        vm.set_binary(&other, &s, op)
    } else {
        vm.set_binary(&s, &other, op)
    }
}

fn set_or(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    binary_m(vm, args, "__or__", BinaryOp::Or, false)
}
fn set_ror(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    binary_m(vm, args, "__ror__", BinaryOp::Or, true)
}
fn set_and(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    binary_m(vm, args, "__and__", BinaryOp::And, false)
}
fn set_rand(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    binary_m(vm, args, "__rand__", BinaryOp::And, true)
}
fn set_sub(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    binary_m(vm, args, "__sub__", BinaryOp::Subtract, false)
}
fn set_rsub(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    binary_m(vm, args, "__rsub__", BinaryOp::Subtract, true)
}
fn set_xor(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    binary_m(vm, args, "__xor__", BinaryOp::Xor, false)
}
fn set_rxor(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    binary_m(vm, args, "__rxor__", BinaryOp::Xor, true)
}

fn inplace_m(vm: &mut Vm, args: Args<'_>, name: &str, op: BinaryOp) -> PyResult<Value> {
    let s = mutable_set(vm, &args, name)?.clone();
    let other = one_arg(&args, name)?.clone();
    if other.as_set().is_none() {
        return Ok(Value::NOT_IMPLEMENTED);
    }
    vm.set_inplace(&s, &other, op)?;
    Ok(s)
}

fn set_ior(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    inplace_m(vm, args, "__ior__", BinaryOp::Or)
}
fn set_iand(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    inplace_m(vm, args, "__iand__", BinaryOp::And)
}
fn set_isub(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    inplace_m(vm, args, "__isub__", BinaryOp::Subtract)
}
fn set_ixor(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    inplace_m(vm, args, "__ixor__", BinaryOp::Xor)
}

impl Vm {
    /// `a op= b` for a set `a` and any set or frozenset `b`.
    pub fn set_inplace(&mut self, a: &Value, b: &Value, op: BinaryOp) -> PyResult<()> {
        match op.base() {
            BinaryOp::Or => ops::update_internal(self, a, b),
            BinaryOp::And => {
                let tmp = ops::intersection(self, a, b)?;
                ops::swap_bodies(a, &tmp)
            }
            BinaryOp::Subtract => ops::difference_update(self, a, b),
            BinaryOp::Xor => ops::symmetric_difference_update(self, a, b),
            _ => Err(PyErr::internal("unsupported set operator")),
        }
    }

    /// `a op b` for two sets/frozensets (the result has the base type of `a`).
    pub fn set_binary(&mut self, a: &Value, b: &Value, op: BinaryOp) -> PyResult<Value> {
        match op.base() {
            BinaryOp::Or => {
                let result = ops::copy(self, a)?;
                if !a.is(b) {
                    ops::update_internal(self, &result, b)?;
                }
                Ok(result)
            }
            BinaryOp::And => ops::intersection(self, a, b),
            BinaryOp::Subtract => ops::difference(self, a, b),
            BinaryOp::Xor => ops::symmetric_difference(self, a, b),
            _ => Ok(Value::NOT_IMPLEMENTED),
        }
    }

    /// Rich comparison of two sets (subset/superset order).
    pub fn set_compare(&mut self, a: &Value, b: &Value, op: CompareOp) -> PyResult<Option<bool>> {
        let (Some(ac), Some(bc)) = (a.as_set(), b.as_set()) else {
            return Ok(None);
        };
        let (la, lb) = (borrow(ac)?.len(), borrow(bc)?.len());
        Ok(Some(match op {
            CompareOp::Eq => la == lb && ops::issubset(self, a, b)?,
            CompareOp::Ne => !(la == lb && ops::issubset(self, a, b)?),
            CompareOp::Le => ops::issubset(self, a, b)?,
            CompareOp::Ge => ops::issuperset(self, a, b)?,
            CompareOp::Lt => la < lb && ops::issubset(self, a, b)?,
            CompareOp::Gt => la > lb && ops::issuperset(self, a, b)?,
        }))
    }

    /// `item in set` (an unhashable set item is looked up as a frozenset).
    pub fn set_contains(&mut self, set: &Value, item: &Value) -> PyResult<bool> {
        let Some(cell) = set.as_set() else {
            return Err(PyErr::internal("set_contains of a non-set"));
        };
        if let Some(i) = item.as_small_int() {
            let h = crate::text::hash::hash_i64(i);
            return ops::contains_entry(self, cell, item, h);
        }
        ops::with_hashable_key(self, item, |vm, k, h| ops::contains_entry(vm, cell, k, h))
    }

    /// `set.add(item)`.
    pub fn set_add(&mut self, set: &Value, item: Value) -> PyResult<()> {
        let Some(cell) = set.as_set() else {
            return Err(PyErr::internal("set_add of a non-set"));
        };
        ops::add_key(self, cell, item)
    }
}

/// Whether `v` holds a set table (set, frozenset or a subclass).
pub fn is_any_set(v: &Value) -> bool {
    matches!(v.payload(), Some(Payload::Set(_)))
}
