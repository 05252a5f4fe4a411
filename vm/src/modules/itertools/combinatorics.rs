//! The combinatoric itertools: `product`, `permutations`, `combinations` and
//! `combinations_with_replacement`. Each keeps its input pools as vectors and an index
//! vector that advances like an odometer, producing tuples in CPython's (lexicographic)
//! order; the algorithms are the ones the itertools documentation gives as equivalents.

use std::cell::{Cell, RefCell};

use super::{TypeSpec, make, split_ctor, state};
use crate::interp::args::{ArgSpec, Args};
use crate::object::Value;
use crate::runtime::errors::{PyErr, PyResult};
use crate::runtime::native::NativeState;
use crate::vm::Vm;

pub(super) fn specs(out: &mut Vec<TypeSpec>) {
    out.extend([
        TypeSpec::new("product", product_new),
        TypeSpec::new("permutations", permutations_new),
        TypeSpec::new("combinations", combinations_new),
        TypeSpec::new(
            "combinations_with_replacement",
            combinations_with_replacement_new,
        ),
    ]);
}

/// Shared state: the pools (one per output position for `product`, one pool otherwise),
/// the current indices, `cycles` (permutations only), and whether the first tuple was
/// produced / the iteration ended.
struct Combo {
    pools: Vec<Vec<Value>>,
    indices: RefCell<Vec<usize>>,
    cycles: RefCell<Vec<usize>>,
    r: usize,
    started: Cell<bool>,
    done: Cell<bool>,
}

impl Combo {
    fn new(pools: Vec<Vec<Value>>, indices: Vec<usize>, r: usize, done: bool) -> Combo {
        Combo {
            pools,
            indices: RefCell::new(indices),
            cycles: RefCell::new(Vec::new()),
            r,
            started: Cell::new(false),
            done: Cell::new(done),
        }
    }

    /// The tuple for the current indices over the single pool.
    fn tuple_from_pool(&self, vm: &Vm, count: usize) -> Value {
        let pool = &self.pools[0];
        let idx = self.indices.borrow();
        let items = idx[..count].iter().map(|&i| pool[i].clone()).collect();
        vm.new_tuple(items)
    }
}

fn r_arg(vm: &mut Vm, v: &Value) -> PyResult<usize> {
    let r = vm.index_i64(v)?;
    if r < 0 {
        return Err(PyErr::value_error("r must be non-negative"));
    }
    Ok(r as usize)
}

// ---------------------------------------------------------------- product

fn product_new(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let (cls, a) = split_ctor(&args);
    let mut repeat = 1i64;
    for (name, v) in a.keywords() {
        if name != "repeat" {
            return Err(PyErr::type_error(format!(
                "product() got an unexpected keyword argument '{name}'"
            )));
        }
        repeat = vm.index_i64(v)?;
        if repeat < 0 {
            return Err(PyErr::value_error("repeat argument cannot be negative"));
        }
    }
    let mut base = Vec::with_capacity(a.positional().len());
    for v in a.positional() {
        base.push(vm.collect_iterable(v)?);
    }
    let total = (base.len() as u64).saturating_mul(repeat as u64);
    if total > (isize::MAX as u64) / 16 {
        return Err(PyErr::overflow_error("repeat argument too large"));
    }
    let mut pools = Vec::with_capacity(total as usize);
    for _ in 0..repeat {
        pools.extend(base.iter().cloned());
    }
    let n = pools.len();
    let done = pools.iter().any(Vec::is_empty);
    Ok(make(
        vm,
        &cls,
        Combo::new(pools, vec![0; n], n, done),
        product_next,
    ))
}

fn product_next(vm: &mut Vm, it: &Value) -> PyResult<Option<Value>> {
    let c = state::<Combo>(it)?;
    if c.done.get() {
        return Ok(None);
    }
    let mut idx = c.indices.borrow_mut();
    if c.started.get() {
        let mut i = c.r;
        loop {
            if i == 0 {
                c.done.set(true);
                return Ok(None);
            }
            i -= 1;
            idx[i] += 1;
            if idx[i] < c.pools[i].len() {
                break;
            }
            idx[i] = 0;
        }
    }
    c.started.set(true);
    let items = idx
        .iter()
        .zip(&c.pools)
        .map(|(&i, pool)| pool[i].clone())
        .collect();
    Ok(Some(vm.new_tuple(items)))
}

// ---------------------------------------------------------------- combinations

fn pool_and_r(
    vm: &mut Vm,
    args: &Args<'_>,
    fname: &str,
    r_required: bool,
) -> PyResult<(Value, Vec<Value>, Option<usize>)> {
    let (cls, a) = split_ctor(args);
    let bound = ArgSpec {
        fname,
        names: &["iterable", "r"],
        posonly: 0,
        required: if r_required { 2 } else { 1 },
        kwonly_from: 2,
    }
    .bind(&a)?;
    let pool = vm.collect_iterable(&bound[0])?;
    let r = if bound[1].is_null() || bound[1].is_none() {
        None
    } else {
        Some(r_arg(vm, &bound[1])?)
    };
    Ok((cls, pool, r))
}

fn combinations_new(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let (cls, pool, r) = pool_and_r(vm, &args, "combinations", true)?;
    let r = r.unwrap_or(0);
    let done = r > pool.len();
    Ok(make(
        vm,
        &cls,
        Combo::new(vec![pool], (0..r).collect(), r, done),
        combinations_next,
    ))
}

fn combinations_next(vm: &mut Vm, it: &Value) -> PyResult<Option<Value>> {
    let c = state::<Combo>(it)?;
    if c.done.get() {
        return Ok(None);
    }
    if c.started.get() {
        let n = c.pools[0].len();
        let r = c.r;
        let mut idx = c.indices.borrow_mut();
        let Some(i) = (0..r).rev().find(|&i| idx[i] != i + n - r) else {
            c.done.set(true);
            return Ok(None);
        };
        idx[i] += 1;
        for j in i + 1..r {
            idx[j] = idx[j - 1] + 1;
        }
    }
    c.started.set(true);
    Ok(Some(c.tuple_from_pool(vm, c.r)))
}

fn combinations_with_replacement_new(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let (cls, pool, r) = pool_and_r(vm, &args, "combinations_with_replacement", true)?;
    let r = r.unwrap_or(0);
    let done = pool.is_empty() && r > 0;
    Ok(make(
        vm,
        &cls,
        Combo::new(vec![pool], vec![0; r], r, done),
        cwr_next,
    ))
}

fn cwr_next(vm: &mut Vm, it: &Value) -> PyResult<Option<Value>> {
    let c = state::<Combo>(it)?;
    if c.done.get() {
        return Ok(None);
    }
    if c.started.get() {
        let n = c.pools[0].len();
        let mut idx = c.indices.borrow_mut();
        let Some(i) = (0..c.r).rev().find(|&i| idx[i] != n - 1) else {
            c.done.set(true);
            return Ok(None);
        };
        let v = idx[i] + 1;
        for slot in idx[i..].iter_mut() {
            *slot = v;
        }
    }
    c.started.set(true);
    Ok(Some(c.tuple_from_pool(vm, c.r)))
}

// ---------------------------------------------------------------- permutations

fn permutations_new(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let (cls, pool, r) = pool_and_r(vm, &args, "permutations", false)?;
    let n = pool.len();
    let r = r.unwrap_or(n);
    let done = r > n;
    let combo = Combo::new(vec![pool], (0..n).collect(), r, done);
    *combo.cycles.borrow_mut() = (0..r).map(|i| n - i).collect();
    Ok(make(vm, &cls, combo, permutations_next))
}

fn permutations_next(vm: &mut Vm, it: &Value) -> PyResult<Option<Value>> {
    let c = state::<Combo>(it)?;
    if c.done.get() {
        return Ok(None);
    }
    if c.started.get() {
        let n = c.pools[0].len();
        let mut idx = c.indices.borrow_mut();
        let mut cycles = c.cycles.borrow_mut();
        let mut advanced = false;
        for i in (0..c.r).rev() {
            cycles[i] -= 1;
            if cycles[i] == 0 {
                // Move index i to the end and reset its cycle.
                let moved = idx.remove(i);
                idx.push(moved);
                cycles[i] = n - i;
            } else {
                let j = cycles[i];
                idx.swap(i, n - j);
                advanced = true;
                break;
            }
        }
        if !advanced {
            c.done.set(true);
            return Ok(None);
        }
    }
    c.started.set(true);
    Ok(Some(c.tuple_from_pool(vm, c.r)))
}

impl NativeState for Combo {
    fn traverse(&self, visit: &mut dyn FnMut(&Value)) {
        for pool in &self.pools {
            pool.iter().for_each(&mut *visit);
        }
    }
}
