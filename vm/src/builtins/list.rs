//! `list`: the constructor and every method, including the dunders that subclasses and
//! explicit calls (`list.__getitem__(x, i)`) reach. Exact lists mostly take the core's
//! inline fast paths (`vm.getitem`, `binary_op`...), so these implementations work on the
//! payload directly and never dispatch back through the type.
//!
//! Methods that compare elements (`index`, `count`, `remove`) run `__eq__`, which may mutate
//! the list: they re-read the length and the element on every step, like CPython, and hold
//! no borrow while comparing.

pub mod sort;

use std::cell::RefCell;

use crate::builtins::object::util::{bad_receiver, borrow, borrow_mut, clamp_index, rest};
use crate::bytecode::CompareOp;
use crate::interp::args::Args;
use crate::object::{Payload, Value};
use crate::runtime::errors::{PyErr, PyResult};
use crate::runtime::numbers::as_int;
use crate::types::iter::IterState;
use crate::vm::Vm;

/// Registers the list constructor and methods.
pub fn install(vm: &mut Vm) {
    let t = vm.types.list.clone();
    vm.set_constructor(&t, list_new);
    let methods: &[(&'static str, crate::types::function::NativeFn)] = &[
        ("__init__", list_init),
        ("append", list_append),
        ("extend", list_extend),
        ("insert", list_insert),
        ("pop", list_pop),
        ("remove", list_remove),
        ("index", list_index),
        ("count", list_count),
        ("copy", list_copy),
        ("clear", list_clear),
        ("reverse", list_reverse),
        ("sort", list_sort),
        ("__len__", list_len),
        ("__getitem__", list_getitem_m),
        ("__setitem__", list_setitem_m),
        ("__delitem__", list_delitem_m),
        ("__contains__", list_contains),
        ("__iter__", list_iter),
        ("__reversed__", list_reversed),
        ("__add__", list_add),
        ("__iadd__", list_iadd),
        ("__mul__", list_mul),
        ("__rmul__", list_mul),
        ("__imul__", list_imul),
        ("__eq__", list_eq),
        ("__ne__", list_ne),
        ("__lt__", list_lt),
        ("__le__", list_le),
        ("__gt__", list_gt),
        ("__ge__", list_ge),
        ("__repr__", list_repr),
        ("__sizeof__", list_sizeof),
    ];
    for (name, f) in methods {
        vm.add_method(&t, name, *f);
    }
    vm.set_type_attr(&t, "__hash__", Value::NONE);
}

type ListCell = RefCell<Vec<Value>>;

/// The receiver as a list.
#[inline]
fn this<'a>(vm: &Vm, args: &Args<'a>, name: &str) -> PyResult<(&'a Value, &'a ListCell)> {
    match args.values.first() {
        Some(v) => match v.as_list() {
            Some(l) => Ok((v, l)),
            None => Err(bad_receiver(vm, name, "list", Some(v))),
        },
        None => Err(bad_receiver(vm, name, "list", None)),
    }
}

/// `list(iterable=())`; subclasses start empty and are filled by `list.__init__`.
fn list_new(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let cls = args.values[0].clone();
    let a = rest(&args);
    if !cls.is(&vm.types.list) {
        return Ok(Value::alloc(&cls, Payload::List(RefCell::new(Vec::new()))));
    }
    a.no_keywords("list")?;
    let pos = a.range("list", 0, 1)?;
    let items = match pos.first() {
        Some(v) => vm.collect_iterable(v)?,
        None => Vec::new(),
    };
    Ok(vm.new_list(items))
}

/// `list.__init__(self, iterable=())`: replaces the contents.
fn list_init(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let (_, l) = this(vm, &args, "__init__")?;
    let a = rest(&args);
    a.no_keywords("list")?;
    let pos = a.range("list", 0, 1)?;
    let items = match pos.first() {
        Some(v) => vm.collect_iterable(v)?,
        None => Vec::new(),
    };
    let old = std::mem::replace(&mut *borrow_mut(l)?, items);
    drop(old);
    Ok(Value::NONE)
}

fn list_append(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    if let [recv, item] = args.values
        && args.kwnames.is_empty()
        && let Some(l) = recv.as_list()
    {
        borrow_mut(l)?.push(item.clone());
        return Ok(Value::NONE);
    }
    let (_, l) = this(vm, &args, "append")?;
    let pos = rest(&args).exact("list.append", 1)?;
    borrow_mut(l)?.push(pos[0].clone());
    Ok(Value::NONE)
}

fn list_extend(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let (_, l) = this(vm, &args, "extend")?;
    let pos = rest(&args).exact("list.extend", 1)?;
    extend(vm, l, &pos[0])?;
    Ok(Value::NONE)
}

/// Appends every item of `iterable` (which may be the list itself).
fn extend(vm: &mut Vm, l: &ListCell, iterable: &Value) -> PyResult<()> {
    match iterable.payload() {
        Some(Payload::List(src)) => {
            let items = borrow(src)?.clone();
            borrow_mut(l)?.extend(items);
        }
        Some(Payload::Tuple(t)) => borrow_mut(l)?.extend(t.iter().cloned()),
        _ => {
            let it = vm.iter(iterable)?;
            while let Some(v) = vm.next(&it)? {
                borrow_mut(l)?.push(v);
            }
        }
    }
    Ok(())
}

fn list_insert(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let (_, l) = this(vm, &args, "insert")?;
    let pos = rest(&args).exact("insert", 2)?;
    let i = vm.index_value(&pos[0])?;
    let i = as_int(&i)
        .map(|i| {
            i.to_i64()
                .unwrap_or(if i.is_negative() { i64::MIN } else { i64::MAX })
        })
        .unwrap_or(0);
    let mut list = borrow_mut(l)?;
    let at = clamp_index(i, list.len());
    list.insert(at, pos[1].clone());
    Ok(Value::NONE)
}

fn list_pop(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let (_, l) = this(vm, &args, "pop")?;
    let pos = rest(&args).range("pop", 0, 1)?;
    let index = match pos.first() {
        Some(v) => Some(vm.index_i64(v)?),
        None => None,
    };
    let mut list = borrow_mut(l)?;
    if list.is_empty() {
        return Err(PyErr::index_error("pop from empty list"));
    }
    let len = list.len() as i64;
    let i = match index {
        None => len - 1,
        Some(i) if i < 0 => i + len,
        Some(i) => i,
    };
    if i < 0 || i >= len {
        return Err(PyErr::index_error("pop index out of range"));
    }
    Ok(list.remove(i as usize))
}

/// The item at `i`, re-read each time (the list may change while comparing).
fn item_at(l: &ListCell, i: usize) -> PyResult<Option<Value>> {
    Ok(borrow(l)?.get(i).cloned())
}

fn list_remove(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let (_, l) = this(vm, &args, "remove")?;
    let pos = rest(&args).exact("list.remove", 1)?;
    let x = &pos[0];
    let mut i = 0;
    while let Some(item) = item_at(l, i)? {
        if vm.eq(&item, x)? {
            let mut list = borrow_mut(l)?;
            if i < list.len() {
                let old = list.remove(i);
                drop(list);
                drop(old);
            }
            return Ok(Value::NONE);
        }
        i += 1;
    }
    Err(PyErr::value_error("list.remove(x): x not in list"))
}

fn list_index(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let (_, l) = this(vm, &args, "index")?;
    let pos = rest(&args).range("index", 1, 3)?;
    let len = borrow(l)?.len();
    let start = match pos.get(1) {
        Some(v) => clamp_index(slice_arg(vm, v)?, len),
        None => 0,
    };
    let stop = match pos.get(2) {
        Some(v) => clamp_index(slice_arg(vm, v)?, len),
        None => usize::MAX,
    };
    let mut i = start;
    while i < stop {
        let Some(item) = item_at(l, i)? else { break };
        if vm.eq(&item, &pos[0])? {
            return Ok(vm.new_int(i as i64));
        }
        i += 1;
    }
    let r = vm.repr(&pos[0])?;
    Err(PyErr::value_error(format!("{r} is not in list")))
}

/// An index argument clamped like a slice bound (`_PyEval_SliceIndexNotNone`).
pub fn slice_arg(vm: &mut Vm, v: &Value) -> PyResult<i64> {
    let iv = vm.index_value(v).map_err(|_| {
        PyErr::type_error("slice indices must be integers or have an __index__ method")
    })?;
    Ok(as_int(&iv)
        .map(|i| {
            i.to_i64()
                .unwrap_or(if i.is_negative() { i64::MIN } else { i64::MAX })
        })
        .unwrap_or(0))
}

fn list_count(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let (_, l) = this(vm, &args, "count")?;
    let pos = rest(&args).exact("list.count", 1)?;
    let mut n = 0;
    let mut i = 0;
    while let Some(item) = item_at(l, i)? {
        if vm.eq(&item, &pos[0])? {
            n += 1;
        }
        i += 1;
    }
    Ok(vm.new_int(n))
}

fn list_copy(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let (_, l) = this(vm, &args, "copy")?;
    rest(&args).exact("list.copy", 0)?;
    let items = borrow(l)?.clone();
    Ok(vm.new_list(items))
}

fn list_clear(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let (_, l) = this(vm, &args, "clear")?;
    rest(&args).exact("list.clear", 0)?;
    let old = std::mem::take(&mut *borrow_mut(l)?);
    drop(old);
    Ok(Value::NONE)
}

fn list_reverse(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let (_, l) = this(vm, &args, "reverse")?;
    rest(&args).exact("list.reverse", 0)?;
    borrow_mut(l)?.reverse();
    Ok(Value::NONE)
}

/// `list.sort(*, key=None, reverse=False)`.
fn list_sort(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let (_, l) = this(vm, &args, "sort")?;
    let a = rest(&args);
    if !a.positional().is_empty() {
        return Err(PyErr::type_error("sort() takes no positional arguments"));
    }
    let (key, reverse) = sort_options(vm, &a, "sort")?;
    sort_list(vm, l, key.as_ref(), reverse)?;
    Ok(Value::NONE)
}

/// The `key=` and `reverse=` keywords of `sort`/`sorted`.
pub fn sort_options(vm: &mut Vm, a: &Args<'_>, fname: &str) -> PyResult<(Option<Value>, bool)> {
    let mut key = None;
    let mut reverse = false;
    for (name, v) in a.keywords() {
        match name {
            "key" => key = if v.is_none() { None } else { Some(v.clone()) },
            "reverse" => reverse = vm.truthy(v)?,
            _ => {
                return Err(PyErr::type_error(format!(
                    "{fname}() got an unexpected keyword argument '{name}'"
                )));
            }
        }
    }
    Ok((key, reverse))
}

/// Sorts a list's storage with CPython's "list modified during sort" detection: the list
/// is empty while the sort runs, and must still be empty at the end.
pub fn sort_list(vm: &mut Vm, l: &ListCell, key: Option<&Value>, reverse: bool) -> PyResult<()> {
    let mut items = std::mem::take(&mut *borrow_mut(l)?);
    let result = sort::sort_values(vm, &mut items, key, reverse);
    let mut list = borrow_mut(l)?;
    let modified = !list.is_empty();
    let junk = std::mem::replace(&mut *list, items);
    drop(list);
    drop(junk);
    result?;
    if modified {
        return Err(PyErr::value_error("list modified during sort"));
    }
    Ok(())
}

fn list_len(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let (_, l) = this(vm, &args, "__len__")?;
    let n = borrow(l)?.len();
    Ok(vm.new_int(n as i64))
}

/// Normalizes an int index against `len`; `None` if out of range.
pub fn seq_index(vm: &mut Vm, key: &Value, len: usize, what: &str) -> PyResult<Option<usize>> {
    let i = match key.as_small_int() {
        Some(i) => i,
        None => {
            if as_int(key).is_none() && vm.lookup_special(key, "__index__").is_none() {
                return Err(PyErr::type_error(format!(
                    "{what} indices must be integers or slices, not {}",
                    vm.type_name(key)
                )));
            }
            vm.index_i64(key)?
        }
    };
    let idx = if i < 0 { i + len as i64 } else { i };
    Ok(if idx < 0 || idx >= len as i64 {
        None
    } else {
        Some(idx as usize)
    })
}

/// `list[key]` on the payload.
pub fn list_getitem(vm: &mut Vm, l: &ListCell, key: &Value) -> PyResult<Value> {
    if matches!(key.payload(), Some(Payload::Slice(_))) {
        let items = borrow(l)?.clone();
        let idx = vm.slice_indices(key, items.len())?;
        return Ok(vm.new_list(idx.positions().map(|p| items[p].clone()).collect()));
    }
    let len = borrow(l)?.len();
    match seq_index(vm, key, len, "list")? {
        Some(i) => borrow(l)?
            .get(i)
            .cloned()
            .ok_or_else(|| PyErr::index_error("list index out of range")),
        None => Err(PyErr::index_error("list index out of range")),
    }
}

fn list_getitem_m(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let (_, l) = this(vm, &args, "__getitem__")?;
    let pos = rest(&args).exact("list.__getitem__", 1)?;
    list_getitem(vm, l, &pos[0])
}

/// `list[key] = value` on the payload.
pub fn list_setitem(vm: &mut Vm, l: &ListCell, key: &Value, value: Value) -> PyResult<()> {
    if matches!(key.payload(), Some(Payload::Slice(_))) {
        let len = borrow(l)?.len();
        let idx = vm.slice_indices(key, len)?;
        let new_items = match vm.collect_iterable(&value) {
            Ok(items) => items,
            Err(e) if vm.err_matches(&e, crate::runtime::errors::ExcKind::TypeError) => {
                return Err(PyErr::type_error(if idx.step == 1 {
                    "can only assign an iterable"
                } else {
                    "must assign iterable to extended slice"
                }));
            }
            Err(e) => return Err(e),
        };
        let mut list = borrow_mut(l)?;
        if idx.step == 1 {
            let start = (idx.start.max(0) as usize).min(list.len());
            let end = (start + idx.len).min(list.len());
            let removed: Vec<Value> = list.splice(start..end, new_items).collect();
            drop(list);
            drop(removed);
            return Ok(());
        }
        if new_items.len() != idx.len {
            return Err(PyErr::value_error(format!(
                "attempt to assign sequence of size {} to extended slice of size {}",
                new_items.len(),
                idx.len
            )));
        }
        let mut old = Vec::with_capacity(idx.len);
        for (p, v) in idx.positions().zip(new_items) {
            if let Some(slot) = list.get_mut(p) {
                old.push(std::mem::replace(slot, v));
            }
        }
        drop(list);
        drop(old);
        return Ok(());
    }
    let len = borrow(l)?.len();
    match seq_index(vm, key, len, "list")? {
        Some(i) => {
            let mut list = borrow_mut(l)?;
            match list.get_mut(i) {
                Some(slot) => {
                    let old = std::mem::replace(slot, value);
                    drop(list);
                    drop(old);
                    Ok(())
                }
                None => Err(PyErr::index_error("list assignment index out of range")),
            }
        }
        None => Err(PyErr::index_error("list assignment index out of range")),
    }
}

fn list_setitem_m(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let (_, l) = this(vm, &args, "__setitem__")?;
    let pos = rest(&args).exact("__setitem__", 2)?;
    list_setitem(vm, l, &pos[0], pos[1].clone())?;
    Ok(Value::NONE)
}

/// `del list[key]` on the payload.
pub fn list_delitem(vm: &mut Vm, l: &ListCell, key: &Value) -> PyResult<()> {
    let len = borrow(l)?.len();
    if matches!(key.payload(), Some(Payload::Slice(_))) {
        let idx = vm.slice_indices(key, len)?;
        let mut positions: Vec<usize> = idx.positions().collect();
        positions.sort_unstable();
        let mut list = borrow_mut(l)?;
        let mut removed = Vec::with_capacity(positions.len());
        if idx.step == 1 && !positions.is_empty() {
            let start = positions[0].min(list.len());
            let end = (start + positions.len()).min(list.len());
            removed.extend(list.drain(start..end));
        } else {
            let mut keep = Vec::with_capacity(list.len().saturating_sub(positions.len()));
            let mut next = positions.iter().peekable();
            for (i, v) in list.drain(..).enumerate() {
                if next.peek() == Some(&&i) {
                    next.next();
                    removed.push(v);
                } else {
                    keep.push(v);
                }
            }
            *list = keep;
        }
        drop(list);
        drop(removed);
        return Ok(());
    }
    match seq_index(vm, key, len, "list")? {
        Some(i) => {
            let mut list = borrow_mut(l)?;
            if i < list.len() {
                let old = list.remove(i);
                drop(list);
                drop(old);
            }
            Ok(())
        }
        None => Err(PyErr::index_error("list assignment index out of range")),
    }
}

fn list_delitem_m(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let (_, l) = this(vm, &args, "__delitem__")?;
    let pos = rest(&args).exact("list.__delitem__", 1)?;
    list_delitem(vm, l, &pos[0])?;
    Ok(Value::NONE)
}

fn list_contains(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let (_, l) = this(vm, &args, "__contains__")?;
    let pos = rest(&args).exact("list.__contains__", 1)?;
    let mut i = 0;
    while let Some(item) = item_at(l, i)? {
        if vm.eq(&item, &pos[0])? {
            return Ok(Value::TRUE);
        }
        i += 1;
    }
    Ok(Value::FALSE)
}

fn list_iter(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let (recv, _) = this(vm, &args, "__iter__")?;
    let ty = vm.types.list_iterator.clone();
    Ok(crate::builtins::iterators::new_iterator(
        &ty,
        IterState::Seq {
            seq: recv.clone(),
            index: 0,
        },
    ))
}

fn list_reversed(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let (recv, l) = this(vm, &args, "__reversed__")?;
    let n = borrow(l)?.len();
    let ty = vm.types.list_reverseiterator.clone();
    Ok(crate::builtins::iterators::new_iterator(
        &ty,
        IterState::Reversed {
            seq: recv.clone(),
            index: n,
        },
    ))
}

fn list_add(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let (_, l) = this(vm, &args, "__add__")?;
    let pos = rest(&args).exact("list.__add__", 1)?;
    let Some(other) = pos[0].as_list() else {
        return Err(PyErr::type_error(format!(
            "can only concatenate list (not \"{}\") to list",
            vm.type_name(&pos[0])
        )));
    };
    let mut items = borrow(l)?.clone();
    items.extend(borrow(other)?.iter().cloned());
    Ok(vm.new_list(items))
}

fn list_iadd(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let (recv, l) = this(vm, &args, "__iadd__")?;
    let pos = rest(&args).exact("list.__iadd__", 1)?;
    extend(vm, l, &pos[0])?;
    Ok(recv.clone())
}

/// A repeat count (`__index__`), or `None` for NotImplemented.
pub fn repeat_count(vm: &mut Vm, n: &Value) -> PyResult<Option<usize>> {
    if as_int(n).is_none() && vm.lookup_special(n, "__index__").is_none() {
        return Ok(None);
    }
    let iv = vm.index_value(n)?;
    match as_int(&iv) {
        Some(i) if i.is_negative() => Ok(Some(0)),
        Some(i) => match i.to_i64() {
            Some(c) => Ok(Some(c as usize)),
            None => Err(PyErr::overflow_error(
                "cannot fit 'int' into an index-sized integer",
            )),
        },
        None => Ok(None),
    }
}

/// `items * count`, refusing absurd sizes with MemoryError.
pub fn repeat_items(items: &[Value], count: usize) -> PyResult<Vec<Value>> {
    if items.is_empty() || count == 0 {
        return Ok(Vec::new());
    }
    match items.len().checked_mul(count) {
        Some(total) if total <= (1 << 40) => {
            let mut out = Vec::with_capacity(total);
            for _ in 0..count {
                out.extend(items.iter().cloned());
            }
            Ok(out)
        }
        _ => Err(PyErr::new(crate::runtime::errors::ExcKind::MemoryError, "")),
    }
}

fn list_mul(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let (_, l) = this(vm, &args, "__mul__")?;
    let pos = rest(&args).exact("list.__mul__", 1)?;
    let Some(n) = repeat_count(vm, &pos[0])? else {
        return Ok(Value::NOT_IMPLEMENTED);
    };
    let items = borrow(l)?.clone();
    let out = repeat_items(&items, n)?;
    Ok(vm.new_list(out))
}

fn list_imul(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let (recv, l) = this(vm, &args, "__imul__")?;
    let pos = rest(&args).exact("list.__imul__", 1)?;
    let Some(n) = repeat_count(vm, &pos[0])? else {
        return Ok(Value::NOT_IMPLEMENTED);
    };
    let items = borrow(l)?.clone();
    let out = repeat_items(&items, n)?;
    let old = std::mem::replace(&mut *borrow_mut(l)?, out);
    drop(old);
    Ok(recv.clone())
}

fn compare(vm: &mut Vm, args: Args<'_>, name: &str, op: CompareOp) -> PyResult<Value> {
    let (_, l) = this(vm, &args, name)?;
    let pos = rest(&args).exact(name, 1)?;
    let Some(other) = pos[0].as_list() else {
        return Ok(Value::NOT_IMPLEMENTED);
    };
    let (a, b) = (borrow(l)?.clone(), borrow(other)?.clone());
    Ok(Value::from_bool(vm.compare_sequences(&a, &b, op)?))
}

fn list_eq(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    compare(vm, args, "__eq__", CompareOp::Eq)
}
fn list_ne(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    compare(vm, args, "__ne__", CompareOp::Ne)
}
fn list_lt(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    compare(vm, args, "__lt__", CompareOp::Lt)
}
fn list_le(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    compare(vm, args, "__le__", CompareOp::Le)
}
fn list_gt(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    compare(vm, args, "__gt__", CompareOp::Gt)
}
fn list_ge(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    compare(vm, args, "__ge__", CompareOp::Ge)
}

fn list_repr(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let (recv, l) = this(vm, &args, "__repr__")?;
    let items = borrow(l)?.clone();
    let s = crate::builtins::repr::seq_repr(vm, recv, &items, "[", "]", "[...]")?;
    Ok(vm.new_string(s))
}

fn list_sizeof(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let (_, l) = this(vm, &args, "__sizeof__")?;
    let n = borrow(l)?.capacity();
    Ok(vm.new_int(40 + 8 * n as i64))
}
