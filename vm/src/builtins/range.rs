//! `range`: the constructor, length (big ranges included), indexing and slicing (a slice of
//! a range is a range), O(1) membership and `index`/`count` for ints, iteration, equality
//! and hashing by value (`range(0) == range(5, 5)`), and `__reversed__`.
//!
//! The bounds are Python ints of any size. Machine-int bounds take i64/i128 fast paths;
//! everything else is computed with big ints.

use num_bigint::BigInt;
use num_integer::Integer;
use num_traits::{One, Signed, ToPrimitive, Zero};

use crate::builtins::object::util::{bad_receiver, rest};
use crate::interp::args::Args;
use crate::object::{Payload, Value};
use crate::runtime::errors::{PyErr, PyResult};
use crate::runtime::numbers::as_int;
use crate::types::iter::IterState;
use crate::vm::Vm;

/// Registers the range constructor and methods.
pub fn install(vm: &mut Vm) {
    let t = vm.types.range.clone();
    vm.set_constructor(&t, range_new);
    let methods: &[(&'static str, crate::types::function::NativeFn)] = &[
        ("__len__", range_len_m),
        ("__getitem__", range_getitem_m),
        ("__contains__", range_contains_m),
        ("__iter__", range_iter_m),
        ("__reversed__", range_reversed),
        ("__eq__", range_eq_m),
        ("__ne__", range_ne_m),
        ("__hash__", range_hash),
        ("__bool__", range_bool),
        ("index", range_index),
        ("count", range_count),
    ];
    for (name, f) in methods {
        vm.add_method(&t, name, *f);
    }
}

/// The bounds of a range as big ints.
fn big_parts(r: &Value) -> PyResult<(BigInt, BigInt, BigInt)> {
    match r.payload() {
        Some(Payload::Range(d)) => match (as_int(&d.start), as_int(&d.stop), as_int(&d.step)) {
            (Some(a), Some(b), Some(c)) => Ok((a.to_bigint(), b.to_bigint(), c.to_bigint())),
            _ => Err(PyErr::internal("range with non-int bounds")),
        },
        _ => Err(PyErr::internal("range operation on a non-range")),
    }
}

/// The bounds of a range if they are all machine ints.
#[inline]
fn small_parts(r: &Value) -> Option<(i64, i64, i64)> {
    match r.payload() {
        Some(Payload::Range(d)) => Some((
            as_int(&d.start)?.to_i64()?,
            as_int(&d.stop)?.to_i64()?,
            as_int(&d.step)?.to_i64()?,
        )),
        _ => None,
    }
}

/// Number of elements of `range(start, stop, step)` for machine ints.
#[inline]
fn small_len(start: i64, stop: i64, step: i64) -> i128 {
    let (a, b, s) = (i128::from(start), i128::from(stop), i128::from(step));
    if s > 0 && a < b {
        (b - a - 1) / s + 1
    } else if s < 0 && a > b {
        (a - b - 1) / (-s) + 1
    } else {
        0
    }
}

fn big_len(start: &BigInt, stop: &BigInt, step: &BigInt) -> BigInt {
    if step.is_positive() && start < stop {
        (stop - start - 1u8) / step + 1u8
    } else if step.is_negative() && start > stop {
        (start - stop - 1u8) / (-step) + 1u8
    } else {
        BigInt::zero()
    }
}

/// The length as a big int.
fn length(r: &Value) -> PyResult<BigInt> {
    if let Some((a, b, c)) = small_parts(r) {
        return Ok(BigInt::from(small_len(a, b, c)));
    }
    let (a, b, c) = big_parts(r)?;
    Ok(big_len(&a, &b, &c))
}

/// `range(stop)`, `range(start, stop[, step])`.
fn range_new(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let a = rest(&args);
    a.no_keywords("range")?;
    let pos = a.range("range", 1, 3)?;
    let mut ints = Vec::with_capacity(3);
    for v in pos {
        ints.push(to_int(vm, v)?);
    }
    let (start, stop, step) = match ints.len() {
        1 => (vm.new_int(0), ints[0].clone(), vm.new_int(1)),
        2 => (ints[0].clone(), ints[1].clone(), vm.new_int(1)),
        _ => (ints[0].clone(), ints[1].clone(), ints[2].clone()),
    };
    if as_int(&step).is_some_and(|s| s.is_zero()) {
        return Err(PyErr::value_error("range() arg 3 must not be zero"));
    }
    Ok(vm.new_range(start, stop, step))
}

/// An exact int from an `__index__`-able value.
fn to_int(vm: &mut Vm, v: &Value) -> PyResult<Value> {
    if v.is_small_int() {
        return Ok(v.clone());
    }
    let iv = vm.index_value(v)?;
    match as_int(&iv) {
        Some(i) => Ok(vm.new_bigint(i.to_bigint())),
        None => Err(PyErr::internal("__index__ returned a non-int")),
    }
}

fn this<'a>(vm: &Vm, args: &Args<'a>, name: &str) -> PyResult<&'a Value> {
    match args.values.first() {
        Some(v) if matches!(v.payload(), Some(Payload::Range(_))) => Ok(v),
        other => Err(bad_receiver(vm, name, "range", other)),
    }
}

/// `len(range)`.
pub fn range_len(vm: &mut Vm, r: &Value) -> PyResult<usize> {
    let _ = vm;
    if let Some((a, b, c)) = small_parts(r) {
        let n = small_len(a, b, c);
        if n <= i128::from(i64::MAX) {
            return Ok(n as usize);
        }
    }
    length(r)?
        .to_i64()
        .map(|n| n as usize)
        .ok_or_else(|| PyErr::overflow_error("Python int too large to convert to C ssize_t"))
}

fn range_len_m(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let r = this(vm, &args, "__len__")?;
    let n = range_len(vm, r)?;
    Ok(vm.new_int(n as i64))
}

fn range_bool(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let r = this(vm, &args, "__bool__")?;
    Ok(Value::from_bool(!length(r)?.is_zero()))
}

/// The iteration state for `iter(range)`.
pub fn range_iter_state(vm: &mut Vm, r: &Value) -> PyResult<IterState> {
    if let Some((start, stop, step)) = small_parts(r) {
        return Ok(IterState::Range {
            next: start,
            stop,
            step,
        });
    }
    let (a, b, c) = big_parts(r)?;
    Ok(IterState::BigRange {
        next: vm.new_bigint(a),
        stop: vm.new_bigint(b),
        step: vm.new_bigint(c),
    })
}

fn range_iter_m(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let r = this(vm, &args, "__iter__")?;
    let state = range_iter_state(vm, r)?;
    Ok(crate::builtins::iterators::new_iterator(
        &vm.types.range_iterator,
        state,
    ))
}

/// `reversed(range)`: a range iterator from the last element down.
fn range_reversed(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let r = this(vm, &args, "__reversed__")?;
    let (a, _, c) = big_parts(r)?;
    let n = length(r)?;
    let last = &a + (&n - 1u8) * &c;
    let stop = &a - &c;
    let step = -c;
    let state = match (last.to_i64(), stop.to_i64(), step.to_i64()) {
        (Some(x), Some(y), Some(z)) => IterState::Range {
            next: x,
            stop: y,
            step: z,
        },
        _ => IterState::BigRange {
            next: vm.new_bigint(last),
            stop: vm.new_bigint(stop),
            step: vm.new_bigint(step),
        },
    };
    Ok(crate::builtins::iterators::new_iterator(
        &vm.types.range_iterator,
        state,
    ))
}

/// `range[key]`: an element, or a range for a slice.
pub fn range_getitem(vm: &mut Vm, r: &Value, key: &Value) -> PyResult<Value> {
    if let Some(Payload::Slice(s)) = key.payload() {
        let (sa, sb, sc) = (s.start.clone(), s.stop.clone(), s.step.clone());
        let (start, stop, step) = big_parts(r)?;
        let n = big_len(&start, &stop, &step);
        let (i, j, k) = slice_indices_big(vm, &sa, &sb, &sc, &n)?;
        let new_start = &start + &i * &step;
        let new_stop = &start + &j * &step;
        let new_step = &k * &step;
        let (x, y, z) = (
            vm.new_bigint(new_start),
            vm.new_bigint(new_stop),
            vm.new_bigint(new_step),
        );
        return Ok(vm.new_range(x, y, z));
    }
    let index = if key.is_small_int() {
        key.clone()
    } else if as_int(key).is_some() || vm.lookup_special(key, "__index__").is_some() {
        vm.index_value(key)?
    } else {
        return Err(PyErr::type_error(format!(
            "range indices must be integers or slices, not {}",
            vm.type_name(key)
        )));
    };
    if let (Some((a, b, c)), Some(i)) = (small_parts(r), index.as_small_int()) {
        let n = small_len(a, b, c);
        let i = i128::from(i);
        let i = if i < 0 { i + n } else { i };
        if i < 0 || i >= n {
            return Err(PyErr::index_error("range object index out of range"));
        }
        let v = i128::from(a) + i * i128::from(c);
        return Ok(match i64::try_from(v) {
            Ok(v) => vm.new_int(v),
            Err(_) => vm.new_bigint(BigInt::from(v)),
        });
    }
    let (a, b, c) = big_parts(r)?;
    let n = big_len(&a, &b, &c);
    let mut i = as_int(&index).map(|i| i.to_bigint()).unwrap_or_default();
    if i.is_negative() {
        i += &n;
    }
    if i.is_negative() || i >= n {
        return Err(PyErr::index_error("range object index out of range"));
    }
    Ok(vm.new_bigint(a + i * c))
}

/// `slice.indices(length)` with big ints (CPython's `_PySlice_GetLongIndices`).
pub fn slice_indices_big(
    vm: &mut Vm,
    start: &Value,
    stop: &Value,
    step: &Value,
    length: &BigInt,
) -> PyResult<(BigInt, BigInt, BigInt)> {
    let bound = |vm: &mut Vm, v: &Value| -> PyResult<BigInt> {
        let iv = vm.index_value(v).map_err(|_| {
            PyErr::type_error("slice indices must be integers or None or have an __index__ method")
        })?;
        Ok(as_int(&iv).map(|i| i.to_bigint()).unwrap_or_default())
    };
    let step = if step.is_none() {
        BigInt::one()
    } else {
        let s = bound(vm, step)?;
        if s.is_zero() {
            return Err(PyErr::value_error("slice step cannot be zero"));
        }
        s
    };
    let negative = step.is_negative();
    let (lower, upper) = if negative {
        (BigInt::from(-1), length - 1u8)
    } else {
        (BigInt::zero(), length.clone())
    };
    let clamp = |mut v: BigInt| -> BigInt {
        if v.is_negative() {
            v += length;
            if v < lower { lower.clone() } else { v }
        } else if v > upper {
            upper.clone()
        } else {
            v
        }
    };
    let start = if start.is_none() {
        if negative {
            upper.clone()
        } else {
            lower.clone()
        }
    } else {
        clamp(bound(vm, start)?)
    };
    let stop = if stop.is_none() {
        if negative {
            lower.clone()
        } else {
            upper.clone()
        }
    } else {
        clamp(bound(vm, stop)?)
    };
    Ok((start, stop, step))
}

fn range_getitem_m(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let r = this(vm, &args, "__getitem__")?;
    let pos = rest(&args).exact("range.__getitem__", 1)?;
    range_getitem(vm, r, &pos[0])
}

/// Whether `v` is an exact int or a bool (the values the O(1) paths accept).
fn is_exact_int(vm: &Vm, v: &Value) -> bool {
    v.is_small_int() || v.is_bool() || (v.as_bigint().is_some() && vm.is_exact_builtin(v))
}

/// The position of int `x` in the range, if present.
fn int_position(r: &Value, x: &Value) -> PyResult<Option<BigInt>> {
    if let (Some((a, b, c)), Some(x)) = (small_parts(r), as_int(x).and_then(|i| i.to_i64())) {
        let inside = if c > 0 {
            a <= x && x < b
        } else {
            b < x && x <= a
        };
        if !inside {
            return Ok(None);
        }
        let off = i128::from(x) - i128::from(a);
        let c = i128::from(c);
        return Ok(if off % c == 0 {
            Some(BigInt::from(off / c))
        } else {
            None
        });
    }
    let (a, b, c) = big_parts(r)?;
    let x = as_int(x).map(|i| i.to_bigint()).unwrap_or_default();
    let inside = if c.is_positive() {
        a <= x && x < b
    } else {
        b < x && x <= a
    };
    if !inside {
        return Ok(None);
    }
    let (q, m) = (x - a).div_mod_floor(&c);
    Ok(if m.is_zero() { Some(q) } else { None })
}

/// `item in range`.
pub fn range_contains(vm: &mut Vm, r: &Value, item: &Value) -> PyResult<bool> {
    if is_exact_int(vm, item) {
        return Ok(int_position(r, item)?.is_some());
    }
    let it = vm.iter(r)?;
    while let Some(v) = vm.next(&it)? {
        if vm.eq(&v, item)? {
            return Ok(true);
        }
    }
    Ok(false)
}

fn range_contains_m(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let r = this(vm, &args, "__contains__")?;
    let pos = rest(&args).exact("range.__contains__", 1)?;
    Ok(Value::from_bool(range_contains(vm, r, &pos[0])?))
}

fn range_index(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let r = this(vm, &args, "index")?;
    let pos = rest(&args).exact("range.index", 1)?;
    let x = &pos[0];
    if is_exact_int(vm, x) {
        if let Some(p) = int_position(r, x)? {
            return Ok(vm.new_bigint(p));
        }
    } else {
        let it = vm.iter(r)?;
        let mut i = 0i64;
        while let Some(v) = vm.next(&it)? {
            if vm.eq(&v, x)? {
                return Ok(vm.new_int(i));
            }
            i += 1;
        }
    }
    let s = vm.repr(x)?;
    Err(PyErr::value_error(format!("{s} is not in range")))
}

fn range_count(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let r = this(vm, &args, "count")?;
    let pos = rest(&args).exact("range.count", 1)?;
    let x = &pos[0];
    if is_exact_int(vm, x) {
        let found = int_position(r, x)?.is_some();
        return Ok(vm.new_int(i64::from(found)));
    }
    let it = vm.iter(r)?;
    let mut n = 0i64;
    while let Some(v) = vm.next(&it)? {
        if vm.eq(&v, x)? {
            n += 1;
        }
    }
    Ok(vm.new_int(n))
}

impl Vm {
    /// `a == b` for two ranges: equal when they produce the same sequence.
    pub fn range_eq(&mut self, a: &Value, b: &Value) -> PyResult<bool> {
        if a.is(b) {
            return Ok(true);
        }
        let (sa, _, ca) = big_parts(a)?;
        let (sb, _, cb) = big_parts(b)?;
        let (la, lb) = (length(a)?, length(b)?);
        if la != lb {
            return Ok(false);
        }
        if la.is_zero() {
            return Ok(true);
        }
        if sa != sb {
            return Ok(false);
        }
        if la.is_one() {
            return Ok(true);
        }
        Ok(ca == cb)
    }
}

fn range_eq_m(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let r = this(vm, &args, "__eq__")?;
    let pos = rest(&args).exact("range.__eq__", 1)?;
    if !matches!(pos[0].payload(), Some(Payload::Range(_))) {
        return Ok(Value::NOT_IMPLEMENTED);
    }
    Ok(Value::from_bool(vm.range_eq(r, &pos[0])?))
}

fn range_ne_m(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let r = this(vm, &args, "__ne__")?;
    let pos = rest(&args).exact("range.__ne__", 1)?;
    if !matches!(pos[0].payload(), Some(Payload::Range(_))) {
        return Ok(Value::NOT_IMPLEMENTED);
    }
    Ok(Value::from_bool(!vm.range_eq(r, &pos[0])?))
}

/// `hash(range)`: the hash of `(len, start, step)`, with start/step replaced by None
/// where they do not affect the sequence (as CPython does).
fn range_hash(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let r = this(vm, &args, "__hash__")?;
    let (a, _, c) = big_parts(r)?;
    let n = length(r)?;
    let (start, step) = if n.is_zero() {
        (Value::NONE, Value::NONE)
    } else if n.is_one() {
        (vm.new_bigint(a), Value::NONE)
    } else {
        (vm.new_bigint(a), vm.new_bigint(c))
    };
    let len = vm.new_bigint(n);
    let t = vm.new_tuple(vec![len, start, step]);
    let h = vm.hash(&t)?;
    Ok(vm.new_int(h))
}
