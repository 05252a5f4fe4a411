//! `str` methods on strings holding lone surrogates. The methods work on `PyStr::as_str()`,
//! where a surrogate reads as U+FFFD; so when a surrogate string takes part, each surrogate is
//! first swapped for a private-use character from a block of 2048 that none of the inputs
//! uses, the method runs, and the swap is undone in its result. Private-use characters
//! behave as surrogates do in every method (no case, not space, not printable, not alphanumeric,
//! not part of identifiers), so the result is the one CPython computes on the surrogates.

use std::cell::Cell;

use crate::object::Value;
use crate::runtime::errors::PyResult;
use crate::types::str::PyStr;
use crate::vm::Vm;

/// The `str` methods that go through the swap (the others handle surrogates themselves or
/// return no text).
pub fn needs_mapping(name: &str) -> bool {
    matches!(
        name,
        "upper"
            | "lower"
            | "casefold"
            | "title"
            | "capitalize"
            | "swapcase"
            | "strip"
            | "lstrip"
            | "rstrip"
            | "split"
            | "rsplit"
            | "splitlines"
            | "partition"
            | "rpartition"
            | "replace"
            | "find"
            | "rfind"
            | "index"
            | "rindex"
            | "count"
            | "startswith"
            | "endswith"
            | "center"
            | "ljust"
            | "rjust"
            | "zfill"
            | "expandtabs"
            | "removeprefix"
            | "removesuffix"
            | "translate"
            | "format"
            | "format_map"
            | "__format__"
            | "__mod__"
            | "__rmod__"
            | "isidentifier"
    )
}

fn surrogate_str(v: &Value) -> bool {
    v.as_pystr().is_some_and(PyStr::has_surrogates)
}

/// Whether any argument (or an item of a tuple/list/dict argument) holds a surrogate.
pub fn involved(values: &[Value]) -> bool {
    values.iter().any(|v| {
        surrogate_str(v)
            || v.as_tuple().is_some_and(|t| t.iter().any(surrogate_str))
            || v.as_list()
                .is_some_and(|l| l.borrow().iter().any(surrogate_str))
            || v.as_dict().is_some_and(|d| {
                d.borrow()
                    .iter()
                    .any(|e| surrogate_str(&e.key) || surrogate_str(&e.value))
            })
    })
}

/// Private-use code points used by `s` at or above U+F0000.
fn collect_high(s: &PyStr, used: &mut Vec<u32>) {
    if !s.is_ascii() {
        used.extend(s.as_str().chars().map(u32::from).filter(|&c| c >= 0xF_0000));
    }
}

fn each_str(values: &[Value], f: &mut impl FnMut(&PyStr)) {
    for v in values {
        if let Some(s) = v.as_pystr() {
            f(s);
        } else if let Some(t) = v.as_tuple() {
            t.iter().filter_map(Value::as_pystr).for_each(&mut *f);
        } else if let Some(l) = v.as_list() {
            l.borrow()
                .iter()
                .filter_map(Value::as_pystr)
                .for_each(&mut *f);
        } else if let Some(d) = v.as_dict() {
            for e in d.borrow().iter() {
                e.key
                    .as_pystr()
                    .into_iter()
                    .chain(e.value.as_pystr())
                    .for_each(&mut *f);
            }
        }
    }
}

/// A 2048-code-point private-use block no input uses.
fn free_block(values: &[Value]) -> Option<u32> {
    let mut used = Vec::new();
    each_str(values, &mut |s| collect_high(s, &mut used));
    (0..64u32)
        .map(|k| 0xF_0000 + k * 0x800)
        .find(|&base| !used.iter().any(|&c| (base..base + 0x800).contains(&c)))
}

fn swap_in(vm: &mut Vm, v: &Value, base: u32) -> PyResult<Value> {
    let swap = |s: &PyStr| {
        PyStr::from_code_points(s.code_points().map(|c| {
            if crate::text::wtf8::is_surrogate(c) {
                base + (c - 0xD800)
            } else {
                c
            }
        }))
    };
    if let Some(s) = v.as_pystr() {
        return Ok(if s.has_surrogates() && vm.is_exact_builtin(v) {
            vm.new_pystr(swap(s))
        } else {
            v.clone()
        });
    }
    let one = |vm: &mut Vm, x: &Value| match x.as_pystr() {
        Some(s) if s.has_surrogates() => vm.new_pystr(swap(s)),
        _ => x.clone(),
    };
    if let Some(t) = v.as_tuple()
        && vm.is_exact_builtin(v)
    {
        let items: Vec<Value> = t.to_vec();
        let items = items.iter().map(|x| one(vm, x)).collect();
        return Ok(vm.new_tuple(items));
    }
    if let Some(l) = v.as_list()
        && vm.is_exact_builtin(v)
    {
        let items: Vec<Value> = l.borrow().clone();
        let items = items.iter().map(|x| one(vm, x)).collect();
        return Ok(vm.new_list(items));
    }
    if let Some(d) = v.as_dict()
        && vm.is_exact_builtin(v)
    {
        let pairs: Vec<(Value, Value)> = d
            .borrow()
            .iter()
            .map(|e| (e.key.clone(), e.value.clone()))
            .collect();
        let out = vm.new_dict();
        for (k, x) in pairs {
            // `translate` tables are keyed by code point.
            let k = match k.as_small_int() {
                Some(c @ 0xD800..=0xDFFF) => vm.new_int(i64::from(base) + (c - 0xD800)),
                _ => one(vm, &k),
            };
            let x = one(vm, &x);
            vm.dict_set(&out, k, x)?;
        }
        return Ok(out);
    }
    Ok(v.clone())
}

fn swap_out(vm: &mut Vm, v: Value, base: u32) -> Value {
    let back = |vm: &mut Vm, x: &Value| -> Option<Value> {
        let s = x.as_pystr()?;
        if s.is_ascii()
            || !s
                .as_str()
                .chars()
                .any(|c| (base..base + 0x800).contains(&u32::from(c)))
        {
            return None;
        }
        let cps = s.code_points().map(|c| {
            if (base..base + 0x800).contains(&c) {
                0xD800 + (c - base)
            } else {
                c
            }
        });
        Some(vm.new_pystr(PyStr::from_code_points(cps)))
    };
    if let Some(x) = back(vm, &v) {
        return x;
    }
    if let Some(t) = v.as_tuple() {
        let items: Vec<Value> = t.to_vec();
        let items = items
            .iter()
            .map(|x| back(vm, x).unwrap_or_else(|| x.clone()))
            .collect();
        return vm.new_tuple(items);
    }
    if let Some(l) = v.as_list() {
        let items: Vec<Value> = l.borrow().clone();
        let items = items
            .iter()
            .map(|x| back(vm, x).unwrap_or_else(|| x.clone()))
            .collect();
        return vm.new_list(items);
    }
    v
}

thread_local! {
    /// The private-use block standing for surrogates while a mapped call runs (so that
    /// `repr()` inside it, e.g. `'%r' % s`, still shows the surrogates).
    static ACTIVE_BLOCK: Cell<Option<u32>> = const { Cell::new(None) };
}

/// During a mapped call: `s` with its stand-in characters turned back into surrogates, if
/// it has any.
pub fn unswap_active(s: &PyStr) -> Option<PyStr> {
    let base = ACTIVE_BLOCK.with(Cell::get)?;
    let block = base..base + 0x800;
    if !s.as_str().chars().any(|c| block.contains(&u32::from(c))) {
        return None;
    }
    Some(PyStr::from_code_points(s.code_points().map(|c| {
        if block.contains(&c) {
            0xD800 + (c - base)
        } else {
            c
        }
    })))
}

/// Runs `f` on `values` with surrogates swapped out, and swaps them back in its result.
pub fn call_mapped(
    vm: &mut Vm,
    values: &[Value],
    f: impl FnOnce(&mut Vm, &[Value]) -> PyResult<Value>,
) -> PyResult<Value> {
    let Some(base) = free_block(values) else {
        return f(vm, values);
    };
    let mut mapped = Vec::with_capacity(values.len());
    for v in values {
        mapped.push(swap_in(vm, v, base)?);
    }
    let outer = ACTIVE_BLOCK.with(|b| b.replace(Some(base)));
    let r = f(vm, &mapped);
    ACTIVE_BLOCK.with(|b| b.set(outer));
    Ok(swap_out(vm, r?, base))
}
