//! The reducing builtins: `sorted`, `min`, `max`, `sum`, `all`, `any`.
//!
//! `sum` follows CPython's fast paths exactly, because they decide the result: exact ints
//! accumulate in an i64 until one overflows, and exact floats use Neumaier's compensated
//! summation (CPython 3.12+), so `sum([0.1] * 10) == 1.0`.

use crate::builtins::list::{sort::sort_values, sort_options};
use crate::bytecode::{BinaryOp, CompareOp};
use crate::interp::args::Args;
use crate::object::{Payload, Value};
use crate::runtime::errors::{PyErr, PyResult};
use crate::runtime::numbers::as_int;
use crate::vm::Vm;

/// `sorted(iterable, /, *, key=None, reverse=False)`.
pub fn builtin_sorted(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let pos = args.positional();
    if pos.len() != 1 {
        return Err(PyErr::type_error(format!(
            "sorted expected 1 argument, got {}",
            pos.len()
        )));
    }
    let (key, reverse) = sort_options(vm, &args, "sort")?;
    let mut items = vm.collect_iterable(&pos[0])?;
    sort_values(vm, &mut items, key.as_ref(), reverse)?;
    Ok(vm.new_list(items))
}

pub fn builtin_min(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    min_max(vm, args, "min", CompareOp::Lt)
}

pub fn builtin_max(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    min_max(vm, args, "max", CompareOp::Gt)
}

/// `item op best`, with small ints answered inline.
#[inline]
fn better(vm: &mut Vm, item: &Value, best: &Value, op: CompareOp) -> PyResult<bool> {
    if let (Some(x), Some(y)) = (item.as_small_int(), best.as_small_int()) {
        return Ok(if op == CompareOp::Lt { x < y } else { x > y });
    }
    vm.compare_bool(item, best, op)
}

fn min_max(vm: &mut Vm, args: Args<'_>, name: &str, op: CompareOp) -> PyResult<Value> {
    let mut key = None;
    let mut default = None;
    for (k, v) in args.keywords() {
        match k {
            "key" => key = if v.is_none() { None } else { Some(v.clone()) },
            "default" => default = Some(v.clone()),
            _ => {
                return Err(PyErr::type_error(format!(
                    "{name}() got an unexpected keyword argument '{k}'"
                )));
            }
        }
    }
    let pos = args.positional();
    if pos.is_empty() {
        return Err(PyErr::type_error(format!(
            "{name} expected at least 1 argument, got 0"
        )));
    }
    if pos.len() > 1 && default.is_some() {
        return Err(PyErr::type_error(format!(
            "Cannot specify a default for {name}() with multiple positional arguments"
        )));
    }
    let mut best: Option<(Value, Value)> = None;
    let mut consider = |vm: &mut Vm, item: Value| -> PyResult<()> {
        let k = match &key {
            Some(f) => vm.call(f, std::slice::from_ref(&item))?,
            None => item.clone(),
        };
        let replace = match &best {
            None => true,
            Some((_, bk)) => better(vm, &k, bk, op)?,
        };
        if replace {
            best = Some((item, k));
        }
        Ok(())
    };
    if pos.len() == 1 {
        let src = &pos[0];
        if let Some(l) = src.as_list()
            && vm.is_exact_builtin(src)
        {
            let mut i = 0;
            loop {
                let item = l.borrow().get(i).cloned();
                let Some(item) = item else { break };
                consider(vm, item)?;
                i += 1;
            }
        } else {
            let it = vm.iter(src)?;
            while let Some(item) = vm.next(&it)? {
                consider(vm, item)?;
            }
        }
    } else {
        for item in pos {
            consider(vm, item.clone())?;
        }
    }
    match best {
        Some((item, _)) => Ok(item),
        None => match default {
            Some(d) => Ok(d),
            None => Err(PyErr::value_error(format!(
                "{name}() iterable argument is empty"
            ))),
        },
    }
}

/// Whether `v` is an exact int (or bool), as CPython's int fast path requires.
fn exact_int(vm: &Vm, v: &Value) -> Option<i64> {
    if let Some(i) = v.as_small_int() {
        return Some(i);
    }
    if let Some(b) = v.as_bool() {
        return Some(i64::from(b));
    }
    if v.as_bigint().is_some() && vm.is_exact_builtin(v) {
        return as_int(v).and_then(|i| i.to_i64());
    }
    None
}

fn exact_float(vm: &Vm, v: &Value) -> Option<f64> {
    if let Some(f) = v.as_immediate_float() {
        return Some(f);
    }
    match v.payload() {
        Some(Payload::Float(f)) if vm.is_exact_builtin(v) => Some(*f),
        _ => None,
    }
}

/// Neumaier's compensated addition step.
#[inline]
fn neumaier(sum: &mut f64, c: &mut f64, x: f64) {
    let t = *sum + x;
    if sum.abs() >= x.abs() {
        *c += (*sum - t) + x;
    } else {
        *c += (x - t) + *sum;
    }
    *sum = t;
}

/// `sum(iterable, /, start=0)`.
pub fn builtin_sum(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let pos = args.positional();
    let mut start = None;
    for (k, v) in args.keywords() {
        if k != "start" {
            return Err(PyErr::type_error(format!(
                "sum() got an unexpected keyword argument '{k}'"
            )));
        }
        start = Some(v.clone());
    }
    match pos.len() {
        0 => {
            return Err(PyErr::type_error(
                "sum() takes at least 1 positional argument (0 given)",
            ));
        }
        1 => {}
        2 if start.is_none() => start = Some(pos[1].clone()),
        n => {
            return Err(PyErr::type_error(format!(
                "sum() takes at most 2 arguments ({n} given)"
            )));
        }
    }
    if let Some(s) = &start {
        match s.payload() {
            Some(Payload::Str(_)) => {
                return Err(PyErr::type_error(
                    "sum() can't sum strings [use ''.join(seq) instead]",
                ));
            }
            Some(Payload::Bytes(_)) => {
                return Err(PyErr::type_error(
                    "sum() can't sum bytes [use b''.join(seq) instead]",
                ));
            }
            Some(Payload::ByteArray(_)) => {
                return Err(PyErr::type_error(
                    "sum() can't sum bytearray [use b''.join(seq) instead]",
                ));
            }
            _ => {}
        }
    }
    let it = vm.iter(&pos[0])?;
    let mut result = start.unwrap_or_else(|| vm.new_int(0));
    // Int fast path: accumulate in an i64 while every item is an exact int.
    if let Some(mut acc) = exact_int(vm, &result).filter(|_| !result.is_bool()) {
        loop {
            let Some(item) = vm.next(&it)? else {
                return Ok(vm.new_int(acc));
            };
            if let Some(b) = exact_int(vm, &item)
                && let Some(s) = acc.checked_add(b)
            {
                acc = s;
                continue;
            }
            let r = vm.new_int(acc);
            result = vm.binary_op(&r, &item, BinaryOp::Add)?;
            break;
        }
    }
    // Float fast path with compensated summation.
    if let Some(mut f) = exact_float(vm, &result) {
        let mut c = 0.0f64;
        loop {
            let Some(item) = vm.next(&it)? else {
                if c != 0.0 && c.is_finite() {
                    f += c;
                }
                return Ok(vm.new_float(f));
            };
            if let Some(x) = exact_float(vm, &item) {
                neumaier(&mut f, &mut c, x);
                continue;
            }
            // CPython 3.13 adds ints plainly (no compensation).
            if let Some(i) = as_int(&item).and_then(|i| i.to_i64()) {
                f += i as f64;
                continue;
            }
            if c != 0.0 && c.is_finite() {
                f += c;
            }
            let r = vm.new_float(f);
            result = vm.binary_op(&r, &item, BinaryOp::Add)?;
            break;
        }
    }
    while let Some(item) = vm.next(&it)? {
        result = vm.binary_op(&result, &item, BinaryOp::Add)?;
    }
    Ok(result)
}

/// `all`/`any`: stops at the first item whose truth equals `stop_on`.
fn all_any(vm: &mut Vm, args: Args<'_>, name: &str, stop_on: bool) -> PyResult<Value> {
    let pos = args.exact(name, 1)?;
    let src = &pos[0];
    if let Some(l) = src.as_list()
        && vm.is_exact_builtin(src)
    {
        let mut i = 0;
        loop {
            let item = l.borrow().get(i).cloned();
            let Some(item) = item else { break };
            if vm.truthy(&item)? == stop_on {
                return Ok(Value::from_bool(stop_on));
            }
            i += 1;
        }
        return Ok(Value::from_bool(!stop_on));
    }
    let it = vm.iter(src)?;
    while let Some(item) = vm.next(&it)? {
        if vm.truthy(&item)? == stop_on {
            return Ok(Value::from_bool(stop_on));
        }
    }
    Ok(Value::from_bool(!stop_on))
}

pub fn builtin_all(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    all_any(vm, args, "all", false)
}

pub fn builtin_any(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    all_any(vm, args, "any", true)
}
