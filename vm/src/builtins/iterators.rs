//! The builtin iterators: `iterator_next` advances every `IterState` kind, and the iterator
//! types (`enumerate`, `zip`, `map`, `filter`, `reversed`, `callable_iterator` and the
//! container iterators) get their constructors and `__iter__`/`__next__`/`__length_hint__`.
//!
//! The state lives in a `RefCell`; advancing an iterator that wraps another one (enumerate,
//! zip, map...) runs arbitrary Python code, so those arms copy what they need out of the
//! state, release the borrow, call out, and only then write the new state back. Container
//! iterators re-check the container's length on every step, as CPython does, so a list
//! growing while it is iterated is seen, and a dict or set that changes size raises.

use std::cell::RefCell;

use num_bigint::BigInt;
use num_traits::{One, Signed, Zero};

use crate::builtins::object::util::{borrow, borrow_mut, receiver, rest};
use crate::interp::args::{ArgSpec, Args};
use crate::object::{Payload, Value};
use crate::runtime::errors::{ExcKind, PyErr, PyResult};
use crate::runtime::numbers::as_int;
use crate::types::iter::IterState;
use crate::types::payload::DictViewKind;
use crate::vm::Vm;

/// Registers the iterator types' constructors and methods.
pub fn install(vm: &mut Vm) {
    let t = vm.types.enumerate.clone();
    vm.set_constructor(&t, enumerate_new);
    let t = vm.types.zip.clone();
    vm.set_constructor(&t, zip_new);
    let t = vm.types.map.clone();
    vm.set_constructor(&t, map_new);
    let t = vm.types.filter.clone();
    vm.set_constructor(&t, filter_new);
    let t = vm.types.reversed.clone();
    vm.set_constructor(&t, reversed_new);
    let all = [
        vm.types.list_iterator.clone(),
        vm.types.list_reverseiterator.clone(),
        vm.types.tuple_iterator.clone(),
        vm.types.str_iterator.clone(),
        vm.types.bytes_iterator.clone(),
        vm.types.range_iterator.clone(),
        vm.types.dict_keyiterator.clone(),
        vm.types.dict_valueiterator.clone(),
        vm.types.dict_itemiterator.clone(),
        vm.types.set_iterator.clone(),
        vm.types.seq_iterator.clone(),
        vm.types.callable_iterator.clone(),
        vm.types.reversed.clone(),
        vm.types.enumerate.clone(),
        vm.types.zip.clone(),
        vm.types.map.clone(),
        vm.types.filter.clone(),
    ];
    for ty in &all {
        vm.add_method(ty, "__iter__", iter_self);
        vm.add_method(ty, "__next__", iter_next);
    }
    for ty in &all[..12] {
        vm.add_method(ty, "__length_hint__", iter_length_hint);
    }
}

/// Advances a builtin iterator: `Ok(None)` when it is exhausted.
pub fn iterator_next(
    vm: &mut Vm,
    it: &Value,
    state: &RefCell<IterState>,
) -> PyResult<Option<Value>> {
    let mut st = borrow_mut(state)?;
    match &mut *st {
        IterState::Seq { seq, index } => {
            if let Some(obj) = seq.as_object() {
                let generic = it
                    .as_object()
                    .is_some_and(|o| o.has_type(&vm.types.seq_iterator));
                if !generic {
                    match &obj.payload {
                        Payload::List(l) => {
                            let item = borrow(l)?.get(*index).cloned();
                            return Ok(match item {
                                Some(v) => {
                                    *index += 1;
                                    Some(v)
                                }
                                None => {
                                    *st = IterState::Exhausted;
                                    None
                                }
                            });
                        }
                        Payload::Tuple(t) => {
                            return Ok(match t.get(*index) {
                                Some(v) => {
                                    *index += 1;
                                    Some(v.clone())
                                }
                                None => {
                                    *st = IterState::Exhausted;
                                    None
                                }
                            });
                        }
                        Payload::Bytes(b) => {
                            let byte = b.get(*index).copied();
                            return Ok(step_byte(&mut st, byte));
                        }
                        Payload::ByteArray(b) => {
                            let byte = borrow(b)?.get(*index).copied();
                            return Ok(step_byte(&mut st, byte));
                        }
                        _ => {}
                    }
                }
            }
            // The sequence protocol: seq[index] until IndexError or StopIteration.
            let (seq, i) = (seq.clone(), *index);
            drop(st);
            let key = vm.new_int(i as i64);
            match vm.getitem(&seq, &key) {
                Ok(v) => {
                    if let IterState::Seq { index, .. } = &mut *borrow_mut(state)? {
                        *index = i + 1;
                    }
                    Ok(Some(v))
                }
                Err(e)
                    if vm.err_matches(&e, ExcKind::IndexError)
                        || vm.err_matches(&e, ExcKind::StopIteration) =>
                {
                    *borrow_mut(state)? = IterState::Exhausted;
                    Ok(None)
                }
                Err(e) => Err(e),
            }
        }
        IterState::Range { next, stop, step } => {
            let cur = *next;
            let more = if *step > 0 { cur < *stop } else { cur > *stop };
            if !more {
                *st = IterState::Exhausted;
                return Ok(None);
            }
            match cur.checked_add(*step) {
                Some(n) => *next = n,
                // The next value would overflow: this was the last one.
                None => *next = *stop,
            }
            Ok(Some(vm.new_int(cur)))
        }
        IterState::Str { text, pos } => {
            if let Some(s) = text.as_pystr()
                && s.has_surrogates()
            {
                let cp = s
                    .wtf8()
                    .get(*pos..)
                    .and_then(|b| crate::text::wtf8::CodePoints::new(b).next());
                let Some(cp) = cp else {
                    *st = IterState::Exhausted;
                    return Ok(None);
                };
                let mut buf = Vec::with_capacity(4);
                crate::text::wtf8::push_code_point(&mut buf, cp);
                *pos += buf.len();
                return Ok(Some(vm.new_str_wtf8(buf)));
            }
            let c = text.as_str().and_then(|s| s.get(*pos..)?.chars().next());
            match c {
                Some(c) => {
                    *pos += c.len_utf8();
                    let mut buf = [0u8; 4];
                    Ok(Some(vm.new_str(c.encode_utf8(&mut buf))))
                }
                None => {
                    *st = IterState::Exhausted;
                    Ok(None)
                }
            }
        }
        IterState::Dict {
            dict,
            pos,
            len,
            remaining,
            kind,
        } => {
            let Some(table) = dict.as_dict() else {
                *st = IterState::Exhausted;
                return Ok(None);
            };
            let t = borrow(table)?;
            if t.len() != *len {
                *len = usize::MAX;
                return Err(PyErr::runtime_error(
                    "dictionary changed size during iteration",
                ));
            }
            let Some((next_pos, entry)) = t.next_entry(*pos) else {
                drop(t);
                *st = IterState::Exhausted;
                return Ok(None);
            };
            if *remaining == 0 {
                drop(t);
                *st = IterState::Exhausted;
                return Err(PyErr::runtime_error(
                    "dictionary keys changed during iteration",
                ));
            }
            let (key, value) = (entry.key.clone(), entry.value.clone());
            let kind = *kind;
            drop(t);
            *pos = next_pos;
            *remaining -= 1;
            drop(st);
            Ok(Some(match kind {
                DictViewKind::Keys => key,
                DictViewKind::Values => value,
                DictViewKind::Items => vm.new_tuple(vec![key, value]),
            }))
        }
        IterState::Set { set, pos, len } => {
            let Some(table) = set.as_set() else {
                *st = IterState::Exhausted;
                return Ok(None);
            };
            let t = borrow(table)?;
            if t.len() != *len {
                *len = usize::MAX;
                return Err(PyErr::runtime_error("Set changed size during iteration"));
            }
            let Some((next_pos, key)) = t.next_entry(*pos) else {
                drop(t);
                *st = IterState::Exhausted;
                return Ok(None);
            };
            let key = key.clone();
            drop(t);
            *pos = next_pos;
            Ok(Some(key))
        }
        IterState::Reversed { seq, index } => {
            if *index == 0 {
                *st = IterState::Exhausted;
                return Ok(None);
            }
            let raw_list = it
                .as_object()
                .is_some_and(|o| o.has_type(&vm.types.list_reverseiterator));
            if raw_list && let Some(l) = seq.as_list() {
                let item = borrow(l)?.get(*index - 1).cloned();
                return Ok(match item {
                    Some(v) => {
                        *index -= 1;
                        Some(v)
                    }
                    None => {
                        *st = IterState::Exhausted;
                        None
                    }
                });
            }
            if let Some(t) = seq.as_tuple()
                && vm.is_exact_builtin(seq)
            {
                let v = t.get(*index - 1).cloned();
                *index -= 1;
                return Ok(v);
            }
            let (seq, i) = (seq.clone(), *index - 1);
            drop(st);
            let key = vm.new_int(i as i64);
            match vm.getitem(&seq, &key) {
                Ok(v) => {
                    if let IterState::Reversed { index, .. } = &mut *borrow_mut(state)? {
                        *index = i;
                    }
                    Ok(Some(v))
                }
                Err(e)
                    if vm.err_matches(&e, ExcKind::IndexError)
                        || vm.err_matches(&e, ExcKind::StopIteration) =>
                {
                    *borrow_mut(state)? = IterState::Exhausted;
                    Ok(None)
                }
                Err(e) => Err(e),
            }
        }
        IterState::BigRange { next, stop, step } => {
            let (Some(n), Some(s), Some(p)) = (as_int(next), as_int(stop), as_int(step)) else {
                *st = IterState::Exhausted;
                return Ok(None);
            };
            let (n, s, p) = (n.to_bigint(), s.to_bigint(), p.to_bigint());
            let more = if p.is_positive() { n < s } else { n > s };
            if !more {
                *st = IterState::Exhausted;
                return Ok(None);
            }
            let cur = vm.new_bigint(n.clone());
            *next = vm.new_bigint(n + p);
            Ok(Some(cur))
        }
        IterState::Enumerate { iter, count } => {
            let (inner, n) = (iter.clone(), count.clone());
            drop(st);
            let Some(item) = vm.next(&inner)? else {
                return Ok(None);
            };
            let next_count = match n.as_small_int() {
                Some(i) => vm.new_int(i + 1),
                None => {
                    let big = as_int(&n).map(|i| i.to_bigint()).unwrap_or_default();
                    vm.new_bigint(big + BigInt::one())
                }
            };
            if let IterState::Enumerate { count, .. } = &mut *borrow_mut(state)? {
                *count = next_count;
            }
            Ok(Some(vm.new_tuple(vec![n, item])))
        }
        IterState::Zip { iters, strict } => {
            let (iters, strict) = (iters.clone(), *strict);
            drop(st);
            zip_next(vm, state, &iters, strict)
        }
        IterState::Map { func, iters } => {
            let (func, iters) = (func.clone(), iters.clone());
            drop(st);
            let mut args = Vec::with_capacity(iters.len());
            for inner in &iters {
                match vm.next(inner)? {
                    Some(v) => args.push(v),
                    None => return Ok(None),
                }
            }
            vm.call(&func, &args).map(Some)
        }
        IterState::Filter { func, iter } => {
            let (func, inner) = (func.clone(), iter.clone());
            drop(st);
            loop {
                let Some(item) = vm.next(&inner)? else {
                    return Ok(None);
                };
                let keep = if func.is_none() {
                    vm.truthy(&item)?
                } else {
                    let r = vm.call(&func, std::slice::from_ref(&item))?;
                    vm.truthy(&r)?
                };
                if keep {
                    return Ok(Some(item));
                }
            }
        }
        IterState::Callable { func, sentinel } => {
            let (func, sentinel) = (func.clone(), sentinel.clone());
            drop(st);
            let v = match vm.call(&func, &[]) {
                Ok(v) => v,
                Err(e) if vm.err_matches(&e, ExcKind::StopIteration) => {
                    *borrow_mut(state)? = IterState::Exhausted;
                    return Ok(None);
                }
                Err(e) => return Err(e),
            };
            if vm.eq(&v, &sentinel)? {
                *borrow_mut(state)? = IterState::Exhausted;
                return Ok(None);
            }
            Ok(Some(v))
        }
        IterState::Exhausted => Ok(None),
    }
}

fn step_byte(st: &mut IterState, byte: Option<u8>) -> Option<Value> {
    match byte {
        Some(b) => {
            if let IterState::Seq { index, .. } = st {
                *index += 1;
            }
            Value::try_small_int(i64::from(b))
        }
        None => {
            *st = IterState::Exhausted;
            None
        }
    }
}

/// One step of `zip`, with `strict=True`'s length checks and CPython's messages.
fn zip_next(
    vm: &mut Vm,
    state: &RefCell<IterState>,
    iters: &[Value],
    strict: bool,
) -> PyResult<Option<Value>> {
    if iters.is_empty() {
        return Ok(None);
    }
    let mut items = Vec::with_capacity(iters.len());
    for (i, inner) in iters.iter().enumerate() {
        match vm.next(inner)? {
            Some(v) => items.push(v),
            None => {
                *borrow_mut(state)? = IterState::Exhausted;
                if !strict {
                    return Ok(None);
                }
                let which = |n: usize| {
                    if n == 1 {
                        "argument 1".to_string()
                    } else {
                        format!("arguments 1-{n}")
                    }
                };
                if i > 0 {
                    return Err(PyErr::value_error(format!(
                        "zip() argument {} is shorter than {}",
                        i + 1,
                        which(i)
                    )));
                }
                for (j, other) in iters.iter().enumerate().skip(1) {
                    if vm.next(other)?.is_some() {
                        return Err(PyErr::value_error(format!(
                            "zip() argument {} is longer than {}",
                            j + 1,
                            which(j)
                        )));
                    }
                }
                return Ok(None);
            }
        }
    }
    Ok(Some(vm.new_tuple(items)))
}

/// Allocates an iterator object of type `ty`.
pub fn new_iterator(ty: &Value, state: IterState) -> Value {
    Value::alloc(ty, Payload::Iterator(RefCell::new(state)))
}

fn iter_receiver<'a>(vm: &Vm, args: &Args<'a>, name: &str) -> PyResult<&'a Value> {
    receiver(vm, args, name, "iterator", |p| {
        matches!(p, Payload::Iterator(_))
    })
}

fn iter_self(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    Ok(iter_receiver(vm, &args, "__iter__")?.clone())
}

fn iter_next(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let it = iter_receiver(vm, &args, "__next__")?.clone();
    match vm.next(&it)? {
        Some(v) => Ok(v),
        None => Err(PyErr::stop_iteration()),
    }
}

fn iter_length_hint(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let it = iter_receiver(vm, &args, "__length_hint__")?;
    let Some(Payload::Iterator(state)) = it.payload() else {
        return Ok(vm.new_int(0));
    };
    let st = borrow(state)?;
    let n: i64 = match &*st {
        IterState::Seq { seq, index } => match seq.payload() {
            Some(Payload::List(l)) => borrow(l)?.len().saturating_sub(*index) as i64,
            Some(Payload::Tuple(t)) => t.len().saturating_sub(*index) as i64,
            Some(Payload::Bytes(b)) => b.len().saturating_sub(*index) as i64,
            Some(Payload::ByteArray(b)) => borrow(b)?.len().saturating_sub(*index) as i64,
            _ => 0,
        },
        IterState::Str { text, pos } => text
            .as_pystr()
            .and_then(|s| s.wtf8().get(*pos..))
            .map(|b| crate::text::wtf8::CodePoints::new(b).count() as i64)
            .unwrap_or(0),
        IterState::Range { next, stop, step } => {
            let (n, s, p) = (i128::from(*next), i128::from(*stop), i128::from(*step));
            let count = if p > 0 && n < s {
                (s - n - 1) / p + 1
            } else if p < 0 && n > s {
                (n - s - 1) / (-p) + 1
            } else {
                0
            };
            count.min(i128::from(i64::MAX)) as i64
        }
        IterState::BigRange { next, stop, step } => {
            let (n, s, p) = match (as_int(next), as_int(stop), as_int(step)) {
                (Some(a), Some(b), Some(c)) => (a.to_bigint(), b.to_bigint(), c.to_bigint()),
                _ => (BigInt::zero(), BigInt::zero(), BigInt::one()),
            };
            let count = if p.is_positive() && n < s {
                (s - n - 1u8) / p + 1u8
            } else if p.is_negative() && n > s {
                (n - s - 1u8) / (-p) + 1u8
            } else {
                BigInt::zero()
            };
            drop(st);
            return Ok(vm.new_bigint(count));
        }
        IterState::Dict { dict, pos, len, .. } => {
            let cur = dict.as_dict().map(|d| d.borrow().len()).unwrap_or(0);
            if cur != *len {
                0
            } else {
                let mut n = 0i64;
                if let Some(d) = dict.as_dict() {
                    let t = borrow(d)?;
                    let mut p = *pos;
                    while let Some((np, _)) = t.next_entry(p) {
                        n += 1;
                        p = np;
                    }
                }
                n
            }
        }
        IterState::Set { set, pos, len } => {
            let mut n = 0i64;
            if let Some(s) = set.as_set() {
                let t = borrow(s)?;
                if t.len() == *len {
                    let mut p = *pos;
                    while let Some((np, _)) = t.next_entry(p) {
                        n += 1;
                        p = np;
                    }
                }
            }
            n
        }
        IterState::Reversed { index, .. } => *index as i64,
        _ => 0,
    };
    drop(st);
    Ok(vm.new_int(n))
}

/// `enumerate(iterable, start=0)`.
fn enumerate_new(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let cls = args.values[0].clone();
    let bound = ArgSpec {
        fname: "enumerate",
        names: &["iterable", "start"],
        posonly: 0,
        required: 1,
        kwonly_from: 2,
    }
    .bind(&rest(&args))?;
    let inner = vm.iter(&bound[0])?;
    let count = if bound[1].is_null() {
        Value::try_small_int(0).unwrap_or(Value::NULL)
    } else if as_int(&bound[1]).is_some() {
        bound[1].clone()
    } else {
        vm.index_value(&bound[1])?
    };
    Ok(new_iterator(
        &cls,
        IterState::Enumerate { iter: inner, count },
    ))
}

/// `zip(*iterables, strict=False)`.
fn zip_new(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let cls = args.values[0].clone();
    let a = rest(&args);
    let mut strict = false;
    for (name, v) in a.keywords() {
        if name != "strict" {
            return Err(PyErr::type_error(format!(
                "zip() got an unexpected keyword argument '{name}'"
            )));
        }
        strict = vm.truthy(v)?;
    }
    let mut iters = Vec::with_capacity(a.positional().len());
    for v in a.positional() {
        iters.push(vm.iter(v)?);
    }
    Ok(new_iterator(&cls, IterState::Zip { iters, strict }))
}

/// `map(func, *iterables)`.
fn map_new(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let cls = args.values[0].clone();
    let a = rest(&args);
    if a.has_keywords() && vm.is_exact_type(&cls, "map") {
        a.no_keywords("map")?;
    }
    let pos = a.positional();
    if pos.len() < 2 {
        return Err(PyErr::type_error("map() must have at least two arguments."));
    }
    let mut iters = Vec::with_capacity(pos.len() - 1);
    for v in &pos[1..] {
        iters.push(vm.iter(v)?);
    }
    Ok(new_iterator(
        &cls,
        IterState::Map {
            func: pos[0].clone(),
            iters,
        },
    ))
}

/// `filter(function or None, iterable)`.
fn filter_new(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let cls = args.values[0].clone();
    let a = rest(&args);
    if vm.is_exact_type(&cls, "filter") {
        a.no_keywords("filter")?;
    }
    let pos = a.range("filter", 2, 2)?;
    let inner = vm.iter(&pos[1])?;
    Ok(new_iterator(
        &cls,
        IterState::Filter {
            func: pos[0].clone(),
            iter: inner,
        },
    ))
}

/// `reversed(seq)`: `__reversed__` if the type has it, else the sequence protocol.
fn reversed_new(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let cls = args.values[0].clone();
    let a = rest(&args);
    if vm.is_exact_type(&cls, "reversed") {
        a.no_keywords("reversed")?;
    }
    let pos = a.range("reversed", 1, 1)?;
    let seq = pos[0].clone();
    let exact_cls = cls.is(&vm.types.reversed);
    if exact_cls && let Some(m) = vm.lookup_special(&seq, "__reversed__") {
        if m.is_none() {
            return Err(not_reversible(vm, &seq));
        }
        return vm.call(&m, std::slice::from_ref(&seq));
    }
    let builtin_seq = matches!(
        seq.payload(),
        Some(
            Payload::List(_)
                | Payload::Tuple(_)
                | Payload::Str(_)
                | Payload::Bytes(_)
                | Payload::ByteArray(_)
                | Payload::Range(_)
        )
    );
    let has_getitem = builtin_seq || vm.lookup_special(&seq, "__getitem__").is_some();
    let is_mapping = matches!(seq.payload(), Some(Payload::Dict(_)));
    if !has_getitem || is_mapping {
        return Err(not_reversible(vm, &seq));
    }
    let n = vm.len(&seq)?;
    Ok(new_iterator(&cls, IterState::Reversed { seq, index: n }))
}

fn not_reversible(vm: &Vm, v: &Value) -> PyErr {
    PyErr::type_error(format!("'{}' object is not reversible", vm.type_name(v)))
}

impl Vm {
    /// Whether `cls` is the builtin type named `name` (not a subclass).
    pub fn is_exact_type(&self, cls: &Value, name: &str) -> bool {
        cls.as_type_data().is_some_and(|d| {
            !d.has_flag(crate::types::typeobj::type_flags::HEAPTYPE) && *d.name.borrow() == name
        })
    }
}
