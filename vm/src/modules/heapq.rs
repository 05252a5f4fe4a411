//! `_heapq`: the binary-heap primitives over a list (`heappush`, `heappop`, `heapify`,
//! `heapreplace`, `heappushpop`, and 3.14's max-heap forms), with CPython's sift
//! algorithms so equal items end up in the same places. The rest of `heapq` (`merge`,
//! `nlargest`, `nsmallest`) is Python in `frozen/heapq.py`.
//!
//! Every comparison can run Python code that mutates the list, so the list is never
//! borrowed across a comparison: items are cloned out first, and a size change raises
//! CPython's `RuntimeError`.

use std::cell::RefCell;

use crate::bytecode::CompareOp;
use crate::interp::args::Args;
use crate::object::Value;
use crate::runtime::errors::{PyErr, PyResult};
use crate::types::function::NativeFn;
use crate::vm::Vm;

/// Creates the `_heapq` module.
pub fn create(vm: &mut Vm) -> PyResult<Value> {
    let dict = vm.new_dict();
    let module = vm.new_module("_heapq", dict.clone());
    let functions: [(&'static str, NativeFn); 12] = [
        ("heappush", heappush),
        ("heappop", heappop),
        ("heapify", heapify),
        ("heapreplace", heapreplace),
        ("heappushpop", heappushpop),
        ("heappush_max", heappush_max),
        ("heappop_max", heappop_max),
        ("heapify_max", heapify_max),
        ("heapreplace_max", heapreplace_max),
        ("heappushpop_max", heappushpop_max),
        ("_heappop_max", heappop_max),
        ("_heapify_max", heapify_max),
    ];
    for (name, f) in functions {
        let fv = vm.new_builtin_function(name, f, module.clone());
        vm.set_item_str(&dict, name, fv)?;
    }
    let f = vm.new_builtin_function("_heapreplace_max", heapreplace_max, module.clone());
    vm.set_item_str(&dict, "_heapreplace_max", f)?;
    Ok(module)
}

type ListCell = RefCell<Vec<Value>>;

fn list_arg<'a>(vm: &Vm, v: &'a Value, fname: &str, which: &str) -> PyResult<&'a ListCell> {
    v.as_list().ok_or_else(|| {
        PyErr::type_error(format!(
            "{fname}() argument{which} must be list, not {}",
            vm.type_name(v)
        ))
    })
}

fn get(list: &ListCell, i: usize) -> PyResult<Value> {
    list.borrow()
        .get(i)
        .cloned()
        .ok_or_else(|| PyErr::runtime_error("list changed size during iteration"))
}

fn size_check(list: &ListCell, size: usize) -> PyResult<()> {
    if list.borrow().len() != size {
        return Err(PyErr::runtime_error("list changed size during iteration"));
    }
    Ok(())
}

/// `a < b` for a min-heap, `b < a` for a max-heap.
fn less(vm: &mut Vm, a: &Value, b: &Value, max: bool) -> PyResult<bool> {
    if max {
        vm.compare_bool(b, a, CompareOp::Lt)
    } else {
        vm.compare_bool(a, b, CompareOp::Lt)
    }
}

/// Moves the item at `pos` up towards `start` while it is smaller than its parent.
fn sift_down(
    vm: &mut Vm,
    list: &ListCell,
    start: usize,
    mut pos: usize,
    max: bool,
) -> PyResult<()> {
    let size = list.borrow().len();
    if pos >= size {
        return Err(PyErr::index_error("index out of range"));
    }
    let newitem = get(list, pos)?;
    while pos > start {
        let parent_pos = (pos - 1) >> 1;
        let parent = get(list, parent_pos)?;
        let lt = less(vm, &newitem, &parent, max)?;
        size_check(list, size)?;
        if !lt {
            break;
        }
        let mut l = list.borrow_mut();
        l.swap(pos, parent_pos);
        pos = parent_pos;
    }
    Ok(())
}

/// Moves the smaller child up until a leaf is reached at `pos`'s old item's place, then
/// sifts that item back down (the "bottom-up" heap repair CPython uses).
fn sift_up(vm: &mut Vm, list: &ListCell, mut pos: usize, max: bool) -> PyResult<()> {
    let end = list.borrow().len();
    let start = pos;
    let limit = end >> 1;
    while pos < limit {
        let mut child = 2 * pos + 1;
        if child + 1 < end {
            let (a, b) = (get(list, child)?, get(list, child + 1)?);
            let lt = less(vm, &a, &b, max)?;
            size_check(list, end)?;
            if !lt {
                child += 1;
            }
        }
        list.borrow_mut().swap(pos, child);
        pos = child;
    }
    sift_down(vm, list, start, pos, max)
}

fn push(vm: &mut Vm, args: Args<'_>, fname: &str, max: bool) -> PyResult<Value> {
    args.no_keywords(&format!("_heapq.{fname}"))?;
    let a = args.range(fname, 2, 2)?;
    let list = list_arg(vm, &a[0], fname, " 1")?;
    let n = {
        let mut l = list.borrow_mut();
        l.push(a[1].clone());
        l.len()
    };
    sift_down(vm, list, 0, n - 1, max)?;
    Ok(Value::NONE)
}

fn pop(vm: &mut Vm, args: Args<'_>, fname: &str, max: bool) -> PyResult<Value> {
    let a = args.exact(&format!("_heapq.{fname}"), 1)?;
    let list = list_arg(vm, &a[0], fname, "")?;
    let last = list.borrow_mut().pop();
    let Some(last) = last else {
        return Err(PyErr::index_error("index out of range"));
    };
    let first = {
        let mut l = list.borrow_mut();
        match l.first_mut() {
            Some(slot) => std::mem::replace(slot, last),
            None => return Ok(last),
        }
    };
    sift_up(vm, list, 0, max)?;
    Ok(first)
}

fn replace(vm: &mut Vm, args: Args<'_>, fname: &str, max: bool) -> PyResult<Value> {
    args.no_keywords(&format!("_heapq.{fname}"))?;
    let a = args.range(fname, 2, 2)?;
    let list = list_arg(vm, &a[0], fname, " 1")?;
    let first = {
        let mut l = list.borrow_mut();
        match l.first_mut() {
            Some(slot) => std::mem::replace(slot, a[1].clone()),
            None => return Err(PyErr::index_error("index out of range")),
        }
    };
    sift_up(vm, list, 0, max)?;
    Ok(first)
}

fn pushpop(vm: &mut Vm, args: Args<'_>, fname: &str, max: bool) -> PyResult<Value> {
    args.no_keywords(&format!("_heapq.{fname}"))?;
    let a = args.range(fname, 2, 2)?;
    let list = list_arg(vm, &a[0], fname, " 1")?;
    let top = list.borrow().first().cloned();
    let Some(top) = top else {
        return Ok(a[1].clone());
    };
    if !less(vm, &top, &a[1], max)? {
        return Ok(a[1].clone());
    }
    let first = {
        let mut l = list.borrow_mut();
        match l.first_mut() {
            Some(slot) => std::mem::replace(slot, a[1].clone()),
            None => return Err(PyErr::index_error("index out of range")),
        }
    };
    sift_up(vm, list, 0, max)?;
    Ok(first)
}

fn heapify_impl(vm: &mut Vm, args: Args<'_>, fname: &str, max: bool) -> PyResult<Value> {
    let a = args.exact(&format!("_heapq.{fname}"), 1)?;
    let list = list_arg(vm, &a[0], fname, "")?;
    let n = list.borrow().len();
    for i in (0..n / 2).rev() {
        sift_up(vm, list, i, max)?;
    }
    Ok(Value::NONE)
}

fn heappush(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    push(vm, args, "heappush", false)
}
fn heappop(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    pop(vm, args, "heappop", false)
}
fn heapify(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    heapify_impl(vm, args, "heapify", false)
}
fn heapreplace(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    replace(vm, args, "heapreplace", false)
}
fn heappushpop(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    pushpop(vm, args, "heappushpop", false)
}
fn heappush_max(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    push(vm, args, "heappush_max", true)
}
fn heappop_max(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    pop(vm, args, "heappop_max", true)
}
fn heapify_max(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    heapify_impl(vm, args, "heapify_max", true)
}
fn heapreplace_max(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    replace(vm, args, "heapreplace_max", true)
}
fn heappushpop_max(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    pushpop(vm, args, "heappushpop_max", true)
}
