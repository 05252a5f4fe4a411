//! `tuple`: the constructor (which returns an exact tuple argument unchanged, as CPython
//! does) and the methods, including the dunders reached by subclasses and explicit calls.

use crate::builtins::list::{repeat_count, repeat_items, seq_index, slice_arg};
use crate::builtins::object::util::{bad_receiver, clamp_index, rest};
use crate::bytecode::CompareOp;
use crate::interp::args::Args;
use crate::object::{Payload, Value};
use crate::runtime::errors::{PyErr, PyResult};
use crate::types::iter::IterState;
use crate::vm::Vm;

/// Registers the tuple constructor and methods.
pub fn install(vm: &mut Vm) {
    let t = vm.types.tuple.clone();
    vm.set_constructor(&t, tuple_new);
    let methods: &[(&'static str, crate::types::function::NativeFn)] = &[
        ("index", tuple_index),
        ("count", tuple_count),
        ("__len__", tuple_len),
        ("__getitem__", tuple_getitem_m),
        ("__contains__", tuple_contains),
        ("__iter__", tuple_iter),
        ("__add__", tuple_add),
        ("__mul__", tuple_mul),
        ("__rmul__", tuple_mul),
        ("__eq__", tuple_eq),
        ("__ne__", tuple_ne),
        ("__lt__", tuple_lt),
        ("__le__", tuple_le),
        ("__gt__", tuple_gt),
        ("__ge__", tuple_ge),
        ("__hash__", tuple_hash),
        ("__repr__", tuple_repr),
        ("__getnewargs__", tuple_getnewargs),
    ];
    for (name, f) in methods {
        vm.add_method(&t, name, *f);
    }
}

/// The receiver's items.
fn this<'a>(vm: &Vm, args: &Args<'a>, name: &str) -> PyResult<(&'a Value, &'a [Value])> {
    match args.values.first() {
        Some(v) => match v.as_tuple() {
            Some(t) => Ok((v, t)),
            None => Err(bad_receiver(vm, name, "tuple", Some(v))),
        },
        None => Err(bad_receiver(vm, name, "tuple", None)),
    }
}

/// `tuple(iterable=())`, allocated with the class called (subclasses included).
fn tuple_new(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let cls = args.values[0].clone();
    let a = rest(&args);
    let exact = cls.is(&vm.types.tuple);
    if exact {
        a.no_keywords("tuple")?;
    }
    let pos = a.positional();
    if pos.len() > 1 {
        return Err(PyErr::type_error(format!(
            "tuple expected at most 1 argument, got {}",
            pos.len()
        )));
    }
    let items = match pos.first() {
        Some(v) => {
            if exact && v.as_tuple().is_some() && vm.is_exact_builtin(v) {
                return Ok(v.clone());
            }
            vm.collect_iterable(v)?
        }
        None => Vec::new(),
    };
    if exact {
        return Ok(vm.new_tuple(items));
    }
    Ok(Value::alloc(&cls, Payload::Tuple(items.into_boxed_slice())))
}

fn tuple_index(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let (_, t) = this(vm, &args, "index")?;
    let pos = rest(&args).range("index", 1, 3)?;
    let start = match pos.get(1) {
        Some(v) => clamp_index(slice_arg(vm, v)?, t.len()),
        None => 0,
    };
    let stop = match pos.get(2) {
        Some(v) => clamp_index(slice_arg(vm, v)?, t.len()),
        None => t.len(),
    };
    for (i, item) in t.iter().enumerate().take(stop).skip(start) {
        if vm.eq(item, &pos[0])? {
            return Ok(vm.new_int(i as i64));
        }
    }
    Err(PyErr::value_error("tuple.index(x): x not in tuple"))
}

fn tuple_count(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let (_, t) = this(vm, &args, "count")?;
    let pos = rest(&args).exact("tuple.count", 1)?;
    let mut n = 0;
    for item in t {
        if vm.eq(item, &pos[0])? {
            n += 1;
        }
    }
    Ok(vm.new_int(n))
}

fn tuple_len(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let (_, t) = this(vm, &args, "__len__")?;
    Ok(vm.new_int(t.len() as i64))
}

/// `tuple[key]` on the payload.
pub fn tuple_getitem(vm: &mut Vm, tuple: &Value, t: &[Value], key: &Value) -> PyResult<Value> {
    if matches!(key.payload(), Some(Payload::Slice(_))) {
        let idx = vm.slice_indices(key, t.len())?;
        if idx.step == 1 && idx.len == t.len() && vm.is_exact_builtin(tuple) {
            return Ok(tuple.clone());
        }
        return Ok(vm.new_tuple(idx.positions().map(|p| t[p].clone()).collect()));
    }
    match seq_index(vm, key, t.len(), "tuple")? {
        Some(i) => Ok(t[i].clone()),
        None => Err(PyErr::index_error("tuple index out of range")),
    }
}

fn tuple_getitem_m(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let (recv, t) = this(vm, &args, "__getitem__")?;
    let pos = rest(&args).exact("tuple.__getitem__", 1)?;
    tuple_getitem(vm, recv, t, &pos[0])
}

fn tuple_contains(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let (_, t) = this(vm, &args, "__contains__")?;
    let pos = rest(&args).exact("tuple.__contains__", 1)?;
    for item in t {
        if vm.eq(item, &pos[0])? {
            return Ok(Value::TRUE);
        }
    }
    Ok(Value::FALSE)
}

fn tuple_iter(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let (recv, _) = this(vm, &args, "__iter__")?;
    let ty = vm.types.tuple_iterator.clone();
    Ok(crate::builtins::iterators::new_iterator(
        &ty,
        IterState::Seq {
            seq: recv.clone(),
            index: 0,
        },
    ))
}

fn tuple_add(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let (_, t) = this(vm, &args, "__add__")?;
    let pos = rest(&args).exact("tuple.__add__", 1)?;
    let Some(other) = pos[0].as_tuple() else {
        return Err(PyErr::type_error(format!(
            "can only concatenate tuple (not \"{}\") to tuple",
            vm.type_name(&pos[0])
        )));
    };
    let mut items = t.to_vec();
    items.extend(other.iter().cloned());
    Ok(vm.new_tuple(items))
}

fn tuple_mul(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let (recv, t) = this(vm, &args, "__mul__")?;
    let pos = rest(&args).exact("tuple.__mul__", 1)?;
    let Some(n) = repeat_count(vm, &pos[0])? else {
        return Ok(Value::NOT_IMPLEMENTED);
    };
    if n == 1 && vm.is_exact_builtin(recv) {
        return Ok(recv.clone());
    }
    let out = repeat_items(t, n)?;
    Ok(vm.new_tuple(out))
}

fn compare(vm: &mut Vm, args: Args<'_>, name: &str, op: CompareOp) -> PyResult<Value> {
    let (_, t) = this(vm, &args, name)?;
    let pos = rest(&args).exact(name, 1)?;
    let Some(other) = pos[0].as_tuple() else {
        return Ok(Value::NOT_IMPLEMENTED);
    };
    let (a, b) = (t.to_vec(), other.to_vec());
    Ok(Value::from_bool(vm.compare_sequences(&a, &b, op)?))
}

fn tuple_eq(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    compare(vm, args, "__eq__", CompareOp::Eq)
}
fn tuple_ne(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    compare(vm, args, "__ne__", CompareOp::Ne)
}
fn tuple_lt(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    compare(vm, args, "__lt__", CompareOp::Lt)
}
fn tuple_le(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    compare(vm, args, "__le__", CompareOp::Le)
}
fn tuple_gt(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    compare(vm, args, "__gt__", CompareOp::Gt)
}
fn tuple_ge(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    compare(vm, args, "__ge__", CompareOp::Ge)
}

/// CPython's tuple hash (xxHash-style) over the items' hashes.
fn tuple_hash(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let (_, t) = this(vm, &args, "__hash__")?;
    let items = t.to_vec();
    let mut hashes = Vec::with_capacity(items.len());
    vm.enter_native()?;
    for item in &items {
        match vm.hash(item) {
            Ok(h) => hashes.push(h),
            Err(e) => {
                vm.leave_native();
                return Err(e);
            }
        }
    }
    vm.leave_native();
    Ok(vm.new_int(crate::text::hash::hash_tuple(&hashes)))
}

fn tuple_repr(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let (recv, t) = this(vm, &args, "__repr__")?;
    if t.is_empty() {
        return Ok(vm.new_str("()"));
    }
    let items = t.to_vec();
    let mut s = crate::builtins::repr::seq_repr(vm, recv, &items, "(", ")", "(...)")?;
    if items.len() == 1 && s.ends_with(')') {
        s.insert(s.len() - 1, ',');
    }
    Ok(vm.new_string(s))
}

fn tuple_getnewargs(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let (_, t) = this(vm, &args, "__getnewargs__")?;
    let copy = vm.new_tuple(t.to_vec());
    Ok(vm.new_tuple(vec![copy]))
}
