//! `dict`: the constructor, every method (including `fromkeys` as a classmethod and
//! `__missing__` support for subclasses) and the dunders reached by subclasses and explicit
//! calls. Key lookups go through `vm.dict_get`/`dict_set`/`dict_remove`, which implement
//! Python key semantics (user `__hash__`/`__eq__`, restarts when the table changes); the
//! views live in `views`.

pub mod views;

use std::cell::RefCell;

use crate::builtins::object::util::{bad_receiver, borrow, borrow_mut, rest};
use crate::interp::args::Args;
use crate::object::{Payload, Value};
use crate::runtime::errors::{ExcKind, PyErr, PyResult};
use crate::types::dict::DictTable;
use crate::types::iter::IterState;
use crate::types::payload::{DictViewData, DictViewKind};
use crate::vm::Vm;

pub use views::view_contains;

/// Registers the dict constructor, methods and the view types' methods.
pub fn install(vm: &mut Vm) {
    let t = vm.types.dict.clone();
    vm.set_constructor(&t, dict_new);
    let methods: &[(&'static str, crate::types::function::NativeFn)] = &[
        ("__init__", dict_init),
        ("get", dict_get_m),
        ("setdefault", dict_setdefault),
        ("pop", dict_pop),
        ("popitem", dict_popitem),
        ("update", dict_update),
        ("keys", dict_keys),
        ("values", dict_values),
        ("items", dict_items),
        ("copy", dict_copy),
        ("clear", dict_clear),
        ("__or__", dict_or),
        ("__ror__", dict_ror),
        ("__ior__", dict_ior),
        ("__eq__", dict_eq),
        ("__ne__", dict_ne),
        ("__contains__", dict_contains),
        ("__getitem__", dict_getitem),
        ("__setitem__", dict_setitem),
        ("__delitem__", dict_delitem),
        ("__iter__", dict_iter),
        ("__len__", dict_len),
        ("__reversed__", dict_reversed),
        ("__repr__", dict_repr),
    ];
    for (name, f) in methods {
        vm.add_method(&t, name, *f);
    }
    vm.set_type_attr(&t, "__hash__", Value::NONE);
    let fromkeys = Value::alloc(
        &vm.types.builtin_function,
        Payload::BuiltinFunction(Box::new(crate::types::function::BuiltinFunctionData {
            name: "fromkeys",
            func: dict_fromkeys,
            receiver: Value::NULL,
            owner: Value::NULL,
            doc: "",
        })),
    );
    let cm = Value::alloc(&vm.types.classmethod, Payload::ClassMethod(fromkeys));
    vm.set_type_attr(&t, "fromkeys", cm);
    views::install(vm);
}

/// The receiver as a dict.
fn this<'a>(vm: &Vm, args: &Args<'a>, name: &str) -> PyResult<&'a Value> {
    match args.values.first() {
        Some(v) if v.as_dict().is_some() => Ok(v),
        other => Err(bad_receiver(vm, name, "dict", other)),
    }
}

/// `dict(mapping_or_iterable=(), **kwargs)`; subclasses start empty (`__init__` fills them).
fn dict_new(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let cls = args.values[0].clone();
    if !cls.is(&vm.types.dict) {
        return Ok(Value::alloc(
            &cls,
            Payload::Dict(RefCell::new(DictTable::new())),
        ));
    }
    let d = vm.new_dict();
    update_from_args(vm, &d, rest(&args), "dict")?;
    Ok(d)
}

fn dict_init(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let d = this(vm, &args, "__init__")?.clone();
    update_from_args(vm, &d, rest(&args), "dict")?;
    Ok(Value::NONE)
}

/// `update(other=(), /, **kwargs)` semantics shared by the constructor and `update`.
fn update_from_args(vm: &mut Vm, d: &Value, a: Args<'_>, fname: &str) -> PyResult<()> {
    let pos = a.positional();
    if pos.len() > 1 {
        return Err(PyErr::type_error(format!(
            "{fname} expected at most 1 argument, got {}",
            pos.len()
        )));
    }
    if let Some(src) = pos.first() {
        vm.dict_update_from(d, src)?;
    }
    for (k, v) in a.keywords() {
        let key = vm.new_str(k);
        vm.dict_set(d, key, v.clone())?;
    }
    Ok(())
}

fn dict_get_m(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let d = this(vm, &args, "get")?;
    let pos = rest(&args).range("get", 1, 2)?;
    match vm.dict_get(d, &pos[0])? {
        Some(v) => Ok(v),
        None => Ok(pos.get(1).cloned().unwrap_or(Value::NONE)),
    }
}

fn dict_setdefault(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let d = this(vm, &args, "setdefault")?;
    let pos = rest(&args).range("setdefault", 1, 2)?;
    if let Some(v) = vm.dict_get(d, &pos[0])? {
        return Ok(v);
    }
    let default = pos.get(1).cloned().unwrap_or(Value::NONE);
    vm.dict_set(d, pos[0].clone(), default.clone())?;
    Ok(default)
}

fn dict_pop(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let d = this(vm, &args, "pop")?;
    let pos = rest(&args).range("pop", 1, 2)?;
    match vm.dict_remove(d, &pos[0])? {
        Some(v) => Ok(v),
        None => match pos.get(1) {
            Some(default) => Ok(default.clone()),
            None => Err(PyErr::key_error(pos[0].clone())),
        },
    }
}

fn dict_popitem(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let d = this(vm, &args, "popitem")?;
    rest(&args).exact("dict.popitem", 0)?;
    let Some(table) = d.as_dict() else {
        return Err(PyErr::internal("popitem on a non-dict"));
    };
    let entry = {
        let mut t = borrow_mut(table)?;
        match t.last_index() {
            Some(i) => t.remove_at(i),
            None => None,
        }
    };
    match entry {
        Some(e) => Ok(vm.new_tuple(vec![e.key, e.value])),
        None => {
            let msg = vm.new_str("popitem(): dictionary is empty");
            Err(PyErr::with_args(ExcKind::KeyError, vec![msg]))
        }
    }
}

fn dict_update(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let d = this(vm, &args, "update")?.clone();
    update_from_args(vm, &d, rest(&args), "update")?;
    Ok(Value::NONE)
}

fn new_view(vm: &Vm, d: &Value, kind: DictViewKind) -> Value {
    let ty = match kind {
        DictViewKind::Keys => &vm.types.dict_keys,
        DictViewKind::Values => &vm.types.dict_values,
        DictViewKind::Items => &vm.types.dict_items,
    };
    Value::alloc(
        ty,
        Payload::DictView(DictViewData {
            dict: d.clone(),
            kind,
        }),
    )
}

fn dict_keys(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let d = this(vm, &args, "keys")?;
    rest(&args).exact("dict.keys", 0)?;
    Ok(new_view(vm, d, DictViewKind::Keys))
}

fn dict_values(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let d = this(vm, &args, "values")?;
    rest(&args).exact("dict.values", 0)?;
    Ok(new_view(vm, d, DictViewKind::Values))
}

fn dict_items(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let d = this(vm, &args, "items")?;
    rest(&args).exact("dict.items", 0)?;
    Ok(new_view(vm, d, DictViewKind::Items))
}

fn dict_copy(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let d = this(vm, &args, "copy")?;
    rest(&args).exact("dict.copy", 0)?;
    vm.dict_copy(d)
}

fn dict_clear(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let d = this(vm, &args, "clear")?;
    rest(&args).exact("dict.clear", 0)?;
    if let Some(t) = d.as_dict() {
        let old = std::mem::take(&mut *borrow_mut(t)?);
        drop(old);
    }
    Ok(Value::NONE)
}

/// `dict.fromkeys(iterable, value=None)` (a classmethod: `args[0]` is the class).
fn dict_fromkeys(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let Some(cls) = args.values.first().cloned() else {
        return Err(PyErr::type_error(
            "fromkeys expected at least 1 argument, got 0",
        ));
    };
    let pos = rest(&args).range("fromkeys", 1, 2)?;
    let value = pos.get(1).cloned().unwrap_or(Value::NONE);
    let exact = cls.is(&vm.types.dict);
    let d = if exact {
        vm.new_dict()
    } else {
        vm.call(&cls, &[])?
    };
    let it = vm.iter(&pos[0])?;
    while let Some(k) = vm.next(&it)? {
        if exact {
            vm.dict_set(&d, k, value.clone())?;
        } else {
            vm.setitem(&d, &k, value.clone())?;
        }
    }
    Ok(d)
}

fn dict_or(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let d = this(vm, &args, "__or__")?;
    let pos = rest(&args).exact("dict.__or__", 1)?;
    if pos[0].as_dict().is_none() {
        return Ok(Value::NOT_IMPLEMENTED);
    }
    let copy = vm.dict_copy(d)?;
    vm.dict_update_from(&copy, &pos[0])?;
    Ok(copy)
}

fn dict_ror(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let d = this(vm, &args, "__ror__")?;
    let pos = rest(&args).exact("dict.__ror__", 1)?;
    if pos[0].as_dict().is_none() {
        return Ok(Value::NOT_IMPLEMENTED);
    }
    let copy = vm.dict_copy(&pos[0])?;
    vm.dict_update_from(&copy, d)?;
    Ok(copy)
}

fn dict_ior(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let d = this(vm, &args, "__ior__")?.clone();
    let pos = rest(&args).exact("dict.__ior__", 1)?;
    vm.dict_update_from(&d, &pos[0])?;
    Ok(d)
}

fn dict_eq(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let d = this(vm, &args, "__eq__")?;
    let pos = rest(&args).exact("dict.__eq__", 1)?;
    if pos[0].as_dict().is_none() {
        return Ok(Value::NOT_IMPLEMENTED);
    }
    Ok(Value::from_bool(vm.dict_eq(d, &pos[0])?))
}

fn dict_ne(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let d = this(vm, &args, "__ne__")?;
    let pos = rest(&args).exact("dict.__ne__", 1)?;
    if pos[0].as_dict().is_none() {
        return Ok(Value::NOT_IMPLEMENTED);
    }
    Ok(Value::from_bool(!vm.dict_eq(d, &pos[0])?))
}

fn dict_contains(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let d = this(vm, &args, "__contains__")?;
    let pos = rest(&args).exact("dict.__contains__", 1)?;
    Ok(Value::from_bool(vm.dict_get(d, &pos[0])?.is_some()))
}

/// `d[key]`, calling `__missing__` on a subclass that defines it.
fn dict_getitem(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let d = this(vm, &args, "__getitem__")?;
    let pos = rest(&args).exact("dict.__getitem__", 1)?;
    if let Some(v) = vm.dict_get(d, &pos[0])? {
        return Ok(v);
    }
    if !vm.is_exact_builtin(d)
        && let Some(missing) = vm.lookup_special(d, "__missing__")
    {
        return vm.call(&missing, &[d.clone(), pos[0].clone()]);
    }
    Err(PyErr::key_error(pos[0].clone()))
}

fn dict_setitem(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let d = this(vm, &args, "__setitem__")?;
    let pos = rest(&args).exact("__setitem__", 2)?;
    vm.dict_set(d, pos[0].clone(), pos[1].clone())?;
    Ok(Value::NONE)
}

fn dict_delitem(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let d = this(vm, &args, "__delitem__")?;
    let pos = rest(&args).exact("dict.__delitem__", 1)?;
    match vm.dict_remove(d, &pos[0])? {
        Some(_) => Ok(Value::NONE),
        None => Err(PyErr::key_error(pos[0].clone())),
    }
}

/// An iterator over a dict's keys, values or items.
pub fn dict_iterator(vm: &Vm, d: &Value, kind: DictViewKind) -> PyResult<Value> {
    let len = match d.as_dict() {
        Some(t) => borrow(t)?.len(),
        None => 0,
    };
    let ty = match kind {
        DictViewKind::Keys => &vm.types.dict_keyiterator,
        DictViewKind::Values => &vm.types.dict_valueiterator,
        DictViewKind::Items => &vm.types.dict_itemiterator,
    };
    Ok(crate::builtins::iterators::new_iterator(
        ty,
        IterState::Dict {
            dict: d.clone(),
            pos: 0,
            len,
            remaining: len,
            kind,
        },
    ))
}

fn dict_iter(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let d = this(vm, &args, "__iter__")?;
    dict_iterator(vm, d, DictViewKind::Keys)
}

fn dict_len(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let d = this(vm, &args, "__len__")?;
    let n = d.as_dict().map(|t| t.borrow().len()).unwrap_or(0);
    Ok(vm.new_int(n as i64))
}

/// A reverse iterator over a snapshot of the dict's keys, values or items.
pub fn dict_reverse_iterator(vm: &Vm, d: &Value, kind: DictViewKind) -> PyResult<Value> {
    let items: Vec<Value> = match d.as_dict() {
        Some(t) => {
            let t = borrow(t)?;
            match kind {
                DictViewKind::Keys => t.keys(),
                DictViewKind::Values => t.values(),
                DictViewKind::Items => t
                    .items()
                    .into_iter()
                    .map(|(k, v)| vm.new_tuple(vec![k, v]))
                    .collect(),
            }
        }
        None => Vec::new(),
    };
    let n = items.len();
    let list = vm.new_list(items);
    Ok(crate::builtins::iterators::new_iterator(
        &vm.types.list_reverseiterator,
        IterState::Reversed {
            seq: list,
            index: n,
        },
    ))
}

fn dict_reversed(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let d = this(vm, &args, "__reversed__")?;
    dict_reverse_iterator(vm, d, DictViewKind::Keys)
}

fn dict_repr(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let d = this(vm, &args, "__repr__")?;
    let items = d.as_dict().map(|t| t.borrow().items()).unwrap_or_default();
    let text = super::repr::dict_repr(vm, d, &items)?;
    Ok(vm.new_string(text))
}
