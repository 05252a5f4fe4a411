//! The single-stream itertools: `count`, `cycle`, `repeat`, `accumulate`, `chain`,
//! `compress`, `dropwhile`, `takewhile`, `filterfalse`, `starmap`, `pairwise`, `batched`,
//! `zip_longest` and `islice`, with CPython's argument checks and messages.

use std::cell::{Cell, RefCell};

use super::{TypeSpec, make, no_kw_unless_subclass, split_ctor, state};
use crate::bytecode::BinaryOp;
use crate::interp::args::{ArgSpec, Args};
use crate::object::{Payload, Value};
use crate::runtime::errors::{PyErr, PyResult};
use crate::runtime::native::native_receiver;
use crate::runtime::native::{NativeState, take_cell, visit_cell, visit_vec_cell};
use crate::runtime::numbers::as_int;
use crate::vm::Vm;

pub(super) fn specs(out: &mut Vec<TypeSpec>) {
    out.extend([
        TypeSpec::new("count", count_new),
        TypeSpec::new("cycle", cycle_new),
        TypeSpec::new("repeat", repeat_new),
        TypeSpec::new("accumulate", accumulate_new),
        TypeSpec::new("chain", chain_new),
        TypeSpec::new("compress", compress_new),
        TypeSpec::new("dropwhile", dropwhile_new),
        TypeSpec::new("takewhile", takewhile_new),
        TypeSpec::new("filterfalse", filterfalse_new),
        TypeSpec::new("starmap", starmap_new),
        TypeSpec::new("pairwise", pairwise_new),
        TypeSpec::new("batched", batched_new),
        TypeSpec::new("zip_longest", zip_longest_new),
        TypeSpec::new("islice", islice_new),
    ]);
}

pub(super) fn extra_methods(vm: &mut Vm, name: &str, ty: &Value) {
    match name {
        "count" => vm.add_method(ty, "__repr__", count_repr),
        "repeat" => {
            vm.add_method(ty, "__repr__", repeat_repr);
            vm.add_method(ty, "__length_hint__", repeat_length_hint);
        }
        "chain" => {
            crate::builtins::native_util::add_classmethod(
                vm,
                ty,
                "from_iterable",
                chain_from_iterable,
            );
            let generic = vm.new_builtin_function("__class_getitem__", class_getitem, Value::NULL);
            let cm = Value::alloc(&vm.types.classmethod, Payload::ClassMethod(generic));
            vm.set_type_attr(ty, "__class_getitem__", cm);
        }
        _ => {}
    }
}

/// `chain[int]`: CPython returns a `types.GenericAlias`; we return the class itself.
fn class_getitem(_vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    Ok(args.values.first().cloned().unwrap_or(Value::NONE))
}

/// The type's `__name__` (without the module), as reprs show it.
fn short_type_name(vm: &Vm, v: &Value) -> String {
    let ty = vm.type_of(v);
    ty.as_type_data()
        .map(|d| d.name.borrow().clone())
        .unwrap_or_default()
}

/// Takes the next item of `it`, a Python iterator.
fn pull(vm: &mut Vm, it: &Value) -> PyResult<Option<Value>> {
    vm.next(it)
}

// ---------------------------------------------------------------- count

struct Count {
    current: RefCell<Value>,
    step: Value,
}

fn is_number(vm: &Vm, v: &Value) -> bool {
    as_int(v).is_some()
        || crate::runtime::numbers::as_float(v).is_some()
        || matches!(v.payload(), Some(Payload::Complex(..)))
        || ["__index__", "__int__", "__float__", "__complex__"]
            .iter()
            .any(|m| vm.lookup_special(v, m).is_some())
}

fn count_new(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let (cls, a) = split_ctor(&args);
    let bound = ArgSpec {
        fname: "count",
        names: &["start", "step"],
        posonly: 0,
        required: 0,
        kwonly_from: 2,
    }
    .bind(&a)?;
    let start = if bound[0].is_null() {
        vm.new_int(0)
    } else {
        bound[0].clone()
    };
    let step = if bound[1].is_null() {
        vm.new_int(1)
    } else {
        bound[1].clone()
    };
    if !is_number(vm, &start) || !is_number(vm, &step) {
        return Err(PyErr::type_error("a number is required"));
    }
    // A bool start counts as the int it stands for.
    let start = match start.as_bool() {
        Some(b) => vm.new_int(i64::from(b)),
        None => start,
    };
    Ok(make(
        vm,
        &cls,
        Count {
            current: RefCell::new(start),
            step,
        },
        count_next,
    ))
}

fn count_next(vm: &mut Vm, it: &Value) -> PyResult<Option<Value>> {
    let s = state::<Count>(it)?;
    let cur = s.current.borrow().clone();
    let next = match (cur.as_small_int(), s.step.as_small_int()) {
        (Some(a), Some(b)) if a.checked_add(b).is_some() => vm.new_int(a + b),
        _ => vm.binary_op(&cur, &s.step, BinaryOp::Add)?,
    };
    *s.current.borrow_mut() = next;
    Ok(Some(cur))
}

fn count_repr(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let (it, s) = native_receiver::<Count>(vm, &args, "__repr__", "itertools.count")?;
    let name = short_type_name(vm, it);
    let cur = s.current.borrow().clone();
    let cur_repr = vm.repr(&cur)?;
    let step_is_one = s.step.as_small_int() == Some(1) && s.step.as_bool().is_none();
    let text = if step_is_one {
        format!("{name}({cur_repr})")
    } else {
        let step_repr = vm.repr(&s.step)?;
        format!("{name}({cur_repr}, {step_repr})")
    };
    Ok(vm.new_string(text))
}

// ---------------------------------------------------------------- cycle

struct Cycle {
    it: RefCell<Value>,
    saved: RefCell<Vec<Value>>,
    index: Cell<usize>,
}

fn cycle_new(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let (cls, a) = split_ctor(&args);
    no_kw_unless_subclass(&cls, &a, "cycle")?;
    let pos = Args::positional_only(a.positional()).range("cycle", 1, 1)?;
    let it = vm.iter(&pos[0])?;
    Ok(make(
        vm,
        &cls,
        Cycle {
            it: RefCell::new(it),
            saved: RefCell::new(Vec::new()),
            index: Cell::new(0),
        },
        cycle_next,
    ))
}

fn cycle_next(vm: &mut Vm, it: &Value) -> PyResult<Option<Value>> {
    let s = state::<Cycle>(it)?;
    let inner = s.it.borrow().clone();
    if !inner.is_null() {
        if let Some(v) = pull(vm, &inner)? {
            s.saved.borrow_mut().push(v.clone());
            return Ok(Some(v));
        }
        *s.it.borrow_mut() = Value::NULL;
    }
    let saved = s.saved.borrow();
    if saved.is_empty() {
        return Ok(None);
    }
    let i = s.index.get() % saved.len();
    s.index.set((i + 1) % saved.len());
    Ok(Some(saved[i].clone()))
}

// ---------------------------------------------------------------- repeat

struct Repeat {
    object: Value,
    /// Items left, or `None` for endless.
    remaining: Cell<Option<i64>>,
}

fn repeat_new(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let (cls, a) = split_ctor(&args);
    let bound = ArgSpec {
        fname: "repeat",
        names: &["object", "times"],
        posonly: 0,
        required: 1,
        kwonly_from: 2,
    }
    .bind(&a)?;
    let remaining = if bound[1].is_null() {
        None
    } else {
        Some(vm.index_i64(&bound[1])?.max(0))
    };
    Ok(make(
        vm,
        &cls,
        Repeat {
            object: bound[0].clone(),
            remaining: Cell::new(remaining),
        },
        repeat_next,
    ))
}

fn repeat_next(_vm: &mut Vm, it: &Value) -> PyResult<Option<Value>> {
    let s = state::<Repeat>(it)?;
    match s.remaining.get() {
        None => Ok(Some(s.object.clone())),
        Some(0) => Ok(None),
        Some(n) => {
            s.remaining.set(Some(n - 1));
            Ok(Some(s.object.clone()))
        }
    }
}

fn repeat_repr(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let (it, s) = native_receiver::<Repeat>(vm, &args, "__repr__", "itertools.repeat")?;
    let name = short_type_name(vm, it);
    let obj = vm.repr(&s.object)?;
    let text = match s.remaining.get() {
        None => format!("{name}({obj})"),
        Some(n) => format!("{name}({obj}, {n})"),
    };
    Ok(vm.new_string(text))
}

fn repeat_length_hint(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let (_, s) = native_receiver::<Repeat>(vm, &args, "__length_hint__", "itertools.repeat")?;
    match s.remaining.get() {
        None => Err(PyErr::type_error("len() of unsized object")),
        Some(n) => Ok(vm.new_int(n)),
    }
}

// ---------------------------------------------------------------- accumulate

struct Accumulate {
    it: Value,
    func: Value,
    total: RefCell<Value>,
    initial: RefCell<Value>,
}

fn accumulate_new(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let (cls, a) = split_ctor(&args);
    let bound = ArgSpec {
        fname: "accumulate",
        names: &["iterable", "func", "initial"],
        posonly: 0,
        required: 1,
        kwonly_from: 2,
    }
    .bind(&a)?;
    let it = vm.iter(&bound[0])?;
    let func = if bound[1].is_null() {
        Value::NONE
    } else {
        bound[1].clone()
    };
    let initial = if bound[2].is_null() || bound[2].is_none() {
        Value::NULL
    } else {
        bound[2].clone()
    };
    Ok(make(
        vm,
        &cls,
        Accumulate {
            it,
            func,
            total: RefCell::new(Value::NULL),
            initial: RefCell::new(initial),
        },
        accumulate_next,
    ))
}

fn accumulate_next(vm: &mut Vm, it: &Value) -> PyResult<Option<Value>> {
    let s = state::<Accumulate>(it)?;
    let initial = s.initial.replace(Value::NULL);
    if !initial.is_null() {
        *s.total.borrow_mut() = initial.clone();
        return Ok(Some(initial));
    }
    let Some(v) = pull(vm, &s.it)? else {
        return Ok(None);
    };
    let total = s.total.borrow().clone();
    let new_total = if total.is_null() {
        v
    } else if s.func.is_none() {
        vm.binary_op(&total, &v, BinaryOp::Add)?
    } else {
        vm.call(&s.func, &[total, v])?
    };
    *s.total.borrow_mut() = new_total.clone();
    Ok(Some(new_total))
}

// ---------------------------------------------------------------- chain

struct Chain {
    /// Iterator over the iterables (NULL once exhausted).
    source: RefCell<Value>,
    /// The iterable being drained (NULL between iterables).
    active: RefCell<Value>,
}

fn chain_new(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let (cls, a) = split_ctor(&args);
    no_kw_unless_subclass(&cls, &a, "chain")?;
    let tuple = vm.new_tuple(a.positional().to_vec());
    let source = vm.iter(&tuple)?;
    Ok(new_chain(vm, &cls, source))
}

fn new_chain(vm: &Vm, cls: &Value, source: Value) -> Value {
    make(
        vm,
        cls,
        Chain {
            source: RefCell::new(source),
            active: RefCell::new(Value::NULL),
        },
        chain_next,
    )
}

fn chain_from_iterable(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let (cls, a) = split_ctor(&args);
    let pos = a.exact("from_iterable", 1)?;
    let source = vm.iter(&pos[0])?;
    Ok(new_chain(vm, &cls, source))
}

fn chain_next(vm: &mut Vm, it: &Value) -> PyResult<Option<Value>> {
    let s = state::<Chain>(it)?;
    loop {
        let active = s.active.borrow().clone();
        if !active.is_null() {
            if let Some(v) = pull(vm, &active)? {
                return Ok(Some(v));
            }
            *s.active.borrow_mut() = Value::NULL;
        }
        let source = s.source.borrow().clone();
        if source.is_null() {
            return Ok(None);
        }
        match pull(vm, &source)? {
            None => {
                *s.source.borrow_mut() = Value::NULL;
                return Ok(None);
            }
            Some(iterable) => {
                let inner = vm.iter(&iterable)?;
                *s.active.borrow_mut() = inner;
            }
        }
    }
}

// ---------------------------------------------------------------- compress

struct Compress {
    data: Value,
    selectors: Value,
}

fn compress_new(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let (cls, a) = split_ctor(&args);
    let bound = ArgSpec {
        fname: "compress",
        names: &["data", "selectors"],
        posonly: 0,
        required: 2,
        kwonly_from: 2,
    }
    .bind(&a)?;
    let data = vm.iter(&bound[0])?;
    let selectors = vm.iter(&bound[1])?;
    Ok(make(vm, &cls, Compress { data, selectors }, compress_next))
}

fn compress_next(vm: &mut Vm, it: &Value) -> PyResult<Option<Value>> {
    let s = state::<Compress>(it)?;
    loop {
        let Some(d) = pull(vm, &s.data)? else {
            return Ok(None);
        };
        let Some(sel) = pull(vm, &s.selectors)? else {
            return Ok(None);
        };
        if vm.truthy(&sel)? {
            return Ok(Some(d));
        }
    }
}

// ---------------------------------------------------------------- predicate filters

/// `dropwhile`, `takewhile` and `filterfalse` share one layout.
struct Predicated {
    func: Value,
    it: Value,
    /// dropwhile: still dropping; takewhile: stopped.
    flag: Cell<bool>,
}

fn predicated_new(
    vm: &mut Vm,
    args: Args<'_>,
    name: &str,
    flag: bool,
    next: crate::runtime::native::NativeNextFn,
) -> PyResult<Value> {
    let (cls, a) = split_ctor(&args);
    no_kw_unless_subclass(&cls, &a, name)?;
    let pos = Args::positional_only(a.positional()).range(name, 2, 2)?;
    let it = vm.iter(&pos[1])?;
    Ok(make(
        vm,
        &cls,
        Predicated {
            func: pos[0].clone(),
            it,
            flag: Cell::new(flag),
        },
        next,
    ))
}

fn dropwhile_new(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    predicated_new(vm, args, "dropwhile", true, dropwhile_next)
}

fn takewhile_new(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    predicated_new(vm, args, "takewhile", false, takewhile_next)
}

fn filterfalse_new(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    predicated_new(vm, args, "filterfalse", false, filterfalse_next)
}

fn test(vm: &mut Vm, func: &Value, item: &Value) -> PyResult<bool> {
    let r = vm.call(func, std::slice::from_ref(item))?;
    vm.truthy(&r)
}

fn dropwhile_next(vm: &mut Vm, it: &Value) -> PyResult<Option<Value>> {
    let s = state::<Predicated>(it)?;
    loop {
        let Some(item) = pull(vm, &s.it)? else {
            return Ok(None);
        };
        if !s.flag.get() {
            return Ok(Some(item));
        }
        if !test(vm, &s.func, &item)? {
            s.flag.set(false);
            return Ok(Some(item));
        }
    }
}

fn takewhile_next(vm: &mut Vm, it: &Value) -> PyResult<Option<Value>> {
    let s = state::<Predicated>(it)?;
    if s.flag.get() {
        return Ok(None);
    }
    let Some(item) = pull(vm, &s.it)? else {
        return Ok(None);
    };
    if test(vm, &s.func, &item)? {
        return Ok(Some(item));
    }
    s.flag.set(true);
    Ok(None)
}

fn filterfalse_next(vm: &mut Vm, it: &Value) -> PyResult<Option<Value>> {
    let s = state::<Predicated>(it)?;
    loop {
        let Some(item) = pull(vm, &s.it)? else {
            return Ok(None);
        };
        let keep = if s.func.is_none() {
            vm.truthy(&item)?
        } else {
            test(vm, &s.func, &item)?
        };
        if !keep {
            return Ok(Some(item));
        }
    }
}

// ---------------------------------------------------------------- starmap

struct Starmap {
    func: Value,
    it: Value,
}

fn starmap_new(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let (cls, a) = split_ctor(&args);
    no_kw_unless_subclass(&cls, &a, "starmap")?;
    let pos = Args::positional_only(a.positional()).range("starmap", 2, 2)?;
    let it = vm.iter(&pos[1])?;
    Ok(make(
        vm,
        &cls,
        Starmap {
            func: pos[0].clone(),
            it,
        },
        starmap_next,
    ))
}

fn starmap_next(vm: &mut Vm, it: &Value) -> PyResult<Option<Value>> {
    let s = state::<Starmap>(it)?;
    let Some(item) = pull(vm, &s.it)? else {
        return Ok(None);
    };
    let call_args = match item.as_tuple() {
        Some(t) => t.to_vec(),
        None => vm.collect_iterable(&item)?,
    };
    vm.call(&s.func, &call_args).map(Some)
}

// ---------------------------------------------------------------- pairwise

struct Pairwise {
    it: RefCell<Value>,
    old: RefCell<Value>,
}

fn pairwise_new(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let (cls, a) = split_ctor(&args);
    no_kw_unless_subclass(&cls, &a, "pairwise")?;
    let pos = Args::positional_only(a.positional()).range("pairwise", 1, 1)?;
    let it = vm.iter(&pos[0])?;
    Ok(make(
        vm,
        &cls,
        Pairwise {
            it: RefCell::new(it),
            old: RefCell::new(Value::NULL),
        },
        pairwise_next,
    ))
}

fn pairwise_next(vm: &mut Vm, it: &Value) -> PyResult<Option<Value>> {
    let s = state::<Pairwise>(it)?;
    let inner = s.it.borrow().clone();
    if inner.is_null() {
        return Ok(None);
    }
    let mut old = s.old.borrow().clone();
    if old.is_null() {
        match pull(vm, &inner)? {
            Some(v) => {
                old = v;
                *s.old.borrow_mut() = old.clone();
            }
            None => {
                *s.it.borrow_mut() = Value::NULL;
                return Ok(None);
            }
        }
    }
    match pull(vm, &inner)? {
        Some(new) => {
            *s.old.borrow_mut() = new.clone();
            Ok(Some(vm.new_tuple(vec![old, new])))
        }
        None => {
            *s.it.borrow_mut() = Value::NULL;
            *s.old.borrow_mut() = Value::NULL;
            Ok(None)
        }
    }
}

// ---------------------------------------------------------------- batched

struct Batched {
    it: RefCell<Value>,
    n: usize,
    strict: bool,
}

fn batched_new(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let (cls, a) = split_ctor(&args);
    let bound = ArgSpec {
        fname: "batched",
        names: &["iterable", "n", "strict"],
        posonly: 0,
        required: 2,
        kwonly_from: 2,
    }
    .bind(&a)?;
    let n = vm.index_i64(&bound[1])?;
    if n < 1 {
        return Err(PyErr::value_error("n must be at least one"));
    }
    let strict = !bound[2].is_null() && vm.truthy(&bound[2])?;
    let it = vm.iter(&bound[0])?;
    Ok(make(
        vm,
        &cls,
        Batched {
            it: RefCell::new(it),
            n: n as usize,
            strict,
        },
        batched_next,
    ))
}

fn batched_next(vm: &mut Vm, it: &Value) -> PyResult<Option<Value>> {
    let s = state::<Batched>(it)?;
    let inner = s.it.borrow().clone();
    if inner.is_null() {
        return Ok(None);
    }
    let mut items = Vec::with_capacity(s.n.min(1024));
    while items.len() < s.n {
        match pull(vm, &inner) {
            Ok(Some(v)) => items.push(v),
            Ok(None) => break,
            Err(e) => {
                *s.it.borrow_mut() = Value::NULL;
                return Err(e);
            }
        }
    }
    if items.len() < s.n {
        *s.it.borrow_mut() = Value::NULL;
        if items.is_empty() {
            return Ok(None);
        }
        if s.strict {
            return Err(PyErr::value_error("batched(): incomplete batch"));
        }
    }
    Ok(Some(vm.new_tuple(items)))
}

// ---------------------------------------------------------------- zip_longest

struct ZipLongest {
    iters: RefCell<Vec<Value>>,
    active: Cell<usize>,
    fill: Value,
}

fn zip_longest_new(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let (cls, a) = split_ctor(&args);
    let mut fill = Value::NONE;
    for (name, v) in a.keywords() {
        if name != "fillvalue" {
            return Err(PyErr::type_error(
                "zip_longest() got an unexpected keyword argument",
            ));
        }
        fill = v.clone();
    }
    let mut iters = Vec::with_capacity(a.positional().len());
    for v in a.positional() {
        iters.push(vm.iter(v)?);
    }
    let active = iters.len();
    Ok(make(
        vm,
        &cls,
        ZipLongest {
            iters: RefCell::new(iters),
            active: Cell::new(active),
            fill,
        },
        zip_longest_next,
    ))
}

fn zip_longest_next(vm: &mut Vm, it: &Value) -> PyResult<Option<Value>> {
    let s = state::<ZipLongest>(it)?;
    let iters = s.iters.borrow().clone();
    if iters.is_empty() || s.active.get() == 0 {
        return Ok(None);
    }
    let mut items = Vec::with_capacity(iters.len());
    for (i, inner) in iters.iter().enumerate() {
        if inner.is_null() {
            items.push(s.fill.clone());
            continue;
        }
        match pull(vm, inner)? {
            Some(v) => items.push(v),
            None => {
                s.active.set(s.active.get() - 1);
                if s.active.get() == 0 {
                    return Ok(None);
                }
                if let Some(slot) = s.iters.borrow_mut().get_mut(i) {
                    *slot = Value::NULL;
                }
                items.push(s.fill.clone());
            }
        }
    }
    Ok(Some(vm.new_tuple(items)))
}

// ---------------------------------------------------------------- islice

struct Islice {
    it: RefCell<Value>,
    next: Cell<i64>,
    stop: Option<i64>,
    step: i64,
    count: Cell<i64>,
}

/// A non-negative machine-size index for islice, or `None` when the argument is None.
fn islice_index(vm: &mut Vm, v: &Value, message: &str) -> PyResult<Option<i64>> {
    if v.is_none() {
        return Ok(None);
    }
    let bad = || PyErr::value_error(message.to_string());
    let iv = vm.index_value(v).map_err(|_| bad())?;
    match as_int(&iv).and_then(|i| i.to_i64()) {
        Some(i) if i >= 0 => Ok(Some(i)),
        _ => Err(bad()),
    }
}

fn islice_new(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let (cls, a) = split_ctor(&args);
    no_kw_unless_subclass(&cls, &a, "islice")?;
    let pos = Args::positional_only(a.positional()).range("islice", 2, 4)?;
    const STOP_MSG: &str =
        "Stop argument for islice() must be None or an integer: 0 <= x <= sys.maxsize.";
    const INDEX_MSG: &str =
        "Indices for islice() must be None or an integer: 0 <= x <= sys.maxsize.";
    const STEP_MSG: &str = "Step for islice() must be a positive integer or None.";
    let (start, stop, step) = if pos.len() == 2 {
        (0, islice_index(vm, &pos[1], STOP_MSG)?, 1)
    } else {
        let stop = islice_index(vm, &pos[2], STOP_MSG)?;
        let start = islice_index(vm, &pos[1], INDEX_MSG)?.unwrap_or(0);
        let step = match pos.get(3) {
            Some(v) if !v.is_none() => {
                let bad = || PyErr::value_error(STEP_MSG);
                let iv = vm.index_value(v).map_err(|_| bad())?;
                match as_int(&iv).and_then(|i| i.to_i64()) {
                    Some(i) if i >= 1 => i,
                    _ => return Err(bad()),
                }
            }
            _ => 1,
        };
        (start, stop, step)
    };
    let it = vm.iter(&pos[0])?;
    Ok(make(
        vm,
        &cls,
        Islice {
            it: RefCell::new(it),
            next: Cell::new(start),
            stop,
            step,
            count: Cell::new(0),
        },
        islice_next,
    ))
}

fn islice_next(vm: &mut Vm, it: &Value) -> PyResult<Option<Value>> {
    let s = state::<Islice>(it)?;
    let inner = s.it.borrow().clone();
    if inner.is_null() {
        return Ok(None);
    }
    let finish = |s: &Islice| {
        *s.it.borrow_mut() = Value::NULL;
        Ok(None)
    };
    while s.count.get() < s.next.get() {
        if pull(vm, &inner)?.is_none() {
            return finish(s);
        }
        s.count.set(s.count.get() + 1);
    }
    if let Some(stop) = s.stop
        && s.count.get() >= stop
    {
        return finish(s);
    }
    let Some(item) = pull(vm, &inner)? else {
        return finish(s);
    };
    s.count.set(s.count.get() + 1);
    let old = s.next.get();
    let mut next = old.saturating_add(s.step);
    if let Some(stop) = s.stop
        && next > stop
    {
        next = stop;
    }
    s.next.set(next);
    Ok(Some(item))
}

// What the cycle collector sees of each iterator's state.

impl NativeState for Count {
    fn traverse(&self, visit: &mut dyn FnMut(&Value)) {
        visit_cell(&self.current, visit);
        visit(&self.step);
    }
}

impl NativeState for Cycle {
    fn traverse(&self, visit: &mut dyn FnMut(&Value)) {
        visit_cell(&self.it, visit);
        visit_vec_cell(&self.saved, visit);
    }
    fn clear(&self, out: &mut Vec<Value>) {
        take_cell(&self.it, out);
        if let Ok(mut saved) = self.saved.try_borrow_mut() {
            out.append(&mut saved);
        }
    }
}

impl NativeState for Repeat {
    fn traverse(&self, visit: &mut dyn FnMut(&Value)) {
        visit(&self.object);
    }
}

impl NativeState for Accumulate {
    fn traverse(&self, visit: &mut dyn FnMut(&Value)) {
        visit(&self.it);
        visit(&self.func);
        visit_cell(&self.total, visit);
        visit_cell(&self.initial, visit);
    }
    fn clear(&self, out: &mut Vec<Value>) {
        take_cell(&self.total, out);
        take_cell(&self.initial, out);
    }
}

impl NativeState for Chain {
    fn traverse(&self, visit: &mut dyn FnMut(&Value)) {
        visit_cell(&self.source, visit);
        visit_cell(&self.active, visit);
    }
    fn clear(&self, out: &mut Vec<Value>) {
        take_cell(&self.source, out);
        take_cell(&self.active, out);
    }
}

impl NativeState for Compress {
    fn traverse(&self, visit: &mut dyn FnMut(&Value)) {
        visit(&self.data);
        visit(&self.selectors);
    }
}

impl NativeState for Predicated {
    fn traverse(&self, visit: &mut dyn FnMut(&Value)) {
        visit(&self.func);
        visit(&self.it);
    }
}

impl NativeState for Starmap {
    fn traverse(&self, visit: &mut dyn FnMut(&Value)) {
        visit(&self.func);
        visit(&self.it);
    }
}

impl NativeState for Pairwise {
    fn traverse(&self, visit: &mut dyn FnMut(&Value)) {
        visit_cell(&self.it, visit);
        visit_cell(&self.old, visit);
    }
    fn clear(&self, out: &mut Vec<Value>) {
        take_cell(&self.it, out);
        take_cell(&self.old, out);
    }
}

impl NativeState for Batched {
    fn traverse(&self, visit: &mut dyn FnMut(&Value)) {
        visit_cell(&self.it, visit);
    }
    fn clear(&self, out: &mut Vec<Value>) {
        take_cell(&self.it, out);
    }
}

impl NativeState for ZipLongest {
    fn traverse(&self, visit: &mut dyn FnMut(&Value)) {
        visit_vec_cell(&self.iters, visit);
        visit(&self.fill);
    }
    fn clear(&self, out: &mut Vec<Value>) {
        if let Ok(mut iters) = self.iters.try_borrow_mut() {
            out.append(&mut iters);
        }
    }
}

impl NativeState for Islice {
    fn traverse(&self, visit: &mut dyn FnMut(&Value)) {
        visit_cell(&self.it, visit);
    }
    fn clear(&self, out: &mut Vec<Value>) {
        take_cell(&self.it, out);
    }
}
