//! `bisect`: binary search over a sorted sequence (`bisect_left`/`bisect_right`, and
//! `insort_left`/`insort_right` which insert), with `lo`/`hi` bounds and a `key`, making
//! the same comparisons as CPython's `_bisect` (so `__lt__` is called on the same pairs).

use crate::bytecode::CompareOp;
use crate::interp::args::{ArgSpec, Args};
use crate::object::Value;
use crate::runtime::errors::{PyErr, PyResult};
use crate::types::function::NativeFn;
use crate::vm::Vm;

/// Creates the `bisect` module.
pub fn create(vm: &mut Vm) -> PyResult<Value> {
    let dict = vm.new_dict();
    let module = vm.new_module("bisect", dict.clone());
    let functions: [(&'static str, &'static str, NativeFn); 6] = [
        ("bisect_left", "bisect_left", bisect_left),
        ("bisect_right", "bisect_right", bisect_right),
        ("bisect", "bisect_right", bisect_right),
        ("insort_left", "insort_left", insort_left),
        ("insort_right", "insort_right", insort_right),
        ("insort", "insort_right", insort_right),
    ];
    for (binding, name, f) in functions {
        let fv = vm.new_builtin_function(name, f, module.clone());
        vm.set_item_str(&dict, binding, fv)?;
    }
    Ok(module)
}

/// The bound arguments: sequence, x, lo, hi, key (None when absent).
struct Search {
    seq: Value,
    x: Value,
    lo: usize,
    hi: usize,
    key: Value,
}

fn parse(vm: &mut Vm, args: &Args<'_>, fname: &str) -> PyResult<Search> {
    let b = ArgSpec {
        fname,
        names: &["a", "x", "lo", "hi", "key"],
        posonly: 0,
        required: 2,
        kwonly_from: 4,
    }
    .bind(args)?;
    let lo = if b[2].is_null() {
        0
    } else {
        vm.index_i64(&b[2])?
    };
    if lo < 0 {
        return Err(PyErr::value_error("lo must be non-negative"));
    }
    let hi = if b[3].is_null() || b[3].is_none() {
        -1
    } else {
        vm.index_i64(&b[3])?
    };
    let hi = if hi == -1 { vm.len(&b[0])? as i64 } else { hi };
    let key = if b[4].is_null() {
        Value::NONE
    } else {
        b[4].clone()
    };
    Ok(Search {
        seq: b[0].clone(),
        x: b[1].clone(),
        lo: lo as usize,
        hi: hi.max(0) as usize,
        key,
    })
}

fn item(vm: &mut Vm, s: &Search, i: usize) -> PyResult<Value> {
    let v = match s.seq.as_list() {
        Some(l) if vm.is_exact_builtin(&s.seq) => l.borrow().get(i).cloned(),
        _ => None,
    };
    let v = match v {
        Some(v) => v,
        None => {
            let idx = vm.new_int(i as i64);
            vm.getitem(&s.seq, &idx)?
        }
    };
    if s.key.is_none() {
        Ok(v)
    } else {
        vm.call(&s.key, &[v])
    }
}

/// The insertion point: before equal items when `left`, after them otherwise.
fn search(vm: &mut Vm, s: &Search, x: &Value, left: bool) -> PyResult<usize> {
    let (mut lo, mut hi) = (s.lo, s.hi);
    while lo < hi {
        let mid = lo + (hi - lo) / 2;
        let m = item(vm, s, mid)?;
        let go_right = if left {
            vm.compare_bool(&m, x, CompareOp::Lt)?
        } else {
            !vm.compare_bool(x, &m, CompareOp::Lt)?
        };
        if go_right {
            lo = mid + 1;
        } else {
            hi = mid;
        }
    }
    Ok(lo)
}

fn bisect_left(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let s = parse(vm, &args, "bisect_left")?;
    let i = search(vm, &s, &s.x, true)?;
    Ok(vm.new_int(i as i64))
}

fn bisect_right(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let s = parse(vm, &args, "bisect_right")?;
    let i = search(vm, &s, &s.x, false)?;
    Ok(vm.new_int(i as i64))
}

fn insort(vm: &mut Vm, args: Args<'_>, fname: &str, left: bool) -> PyResult<Value> {
    let s = parse(vm, &args, fname)?;
    let k = if s.key.is_none() {
        s.x.clone()
    } else {
        vm.call(&s.key, std::slice::from_ref(&s.x))?
    };
    let i = search(vm, &s, &k, left)?;
    match s.seq.as_list() {
        Some(l) if vm.is_exact_builtin(&s.seq) => {
            let mut l = l.borrow_mut();
            let at = i.min(l.len());
            l.insert(at, s.x.clone());
        }
        _ => {
            let idx = vm.new_int(i as i64);
            vm.call_method(&s.seq, "insert", &[idx, s.x.clone()])?;
        }
    }
    Ok(Value::NONE)
}

fn insort_left(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    insort(vm, args, "insort_left", true)
}

fn insort_right(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    insort(vm, args, "insort_right", false)
}
