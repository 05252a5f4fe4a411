//! `_functools`: the hot parts of `functools` in Rust — `reduce` (a tight loop of calls),
//! `cmp_to_key` (its `KeyWrapper` objects are compared O(n log n) times by a sort) and
//! `_lru_cache_wrapper` (every call of a memoized function goes through it). Everything
//! else in `functools` is Python, in `frozen/functools.py`.

use crate::bytecode::CompareOp;
use crate::interp::args::{ArgSpec, Args};
use crate::object::Value;
use crate::runtime::errors::{ExcKind, PyErr, PyResult};
use crate::runtime::native::NativeState;
use crate::runtime::native::{native_receiver, native_state};
use crate::types::function::NativeFn;
use crate::vm::Vm;

/// Creates the `_functools` module.
pub fn create(vm: &mut Vm) -> PyResult<Value> {
    let dict = vm.new_dict();
    let module = vm.new_module("_functools", dict.clone());
    let reduce = vm.new_builtin_function("reduce", reduce, module.clone());
    vm.set_item_str(&dict, "reduce", reduce)?;
    let cmp = vm.new_builtin_function("cmp_to_key", cmp_to_key, module.clone());
    vm.set_item_str(&dict, "cmp_to_key", cmp)?;
    let ty = vm.new_native_type("functools", "KeyWrapper", false);
    vm.set_constructor(&ty, key_wrapper_no_new);
    vm.add_method(&ty, "__call__", key_wrapper_call);
    let comparisons: [(&'static str, NativeFn); 6] = [
        ("__lt__", key_lt),
        ("__le__", key_le),
        ("__eq__", key_eq),
        ("__ne__", key_ne),
        ("__gt__", key_gt),
        ("__ge__", key_ge),
    ];
    for (name, f) in comparisons {
        vm.add_method(&ty, name, f);
    }
    vm.add_method(&ty, "__getattr__", key_wrapper_getattr);
    vm.set_type_attr(&ty, "__hash__", Value::NONE);
    vm.native_types.insert("functools.KeyWrapper", ty.clone());
    vm.set_item_str(&dict, "KeyWrapper", ty)?;
    let lru = vm.new_native_type("functools", "_lru_cache_wrapper", true);
    vm.set_constructor(&lru, lru_new);
    let lru_methods: [(&'static str, NativeFn); 5] = [
        ("__call__", lru_call),
        ("__get__", lru_get),
        ("cache_info", lru_cache_info),
        ("cache_clear", lru_cache_clear),
        ("__copy__", lru_copy),
    ];
    for (name, f) in lru_methods {
        vm.add_method(&lru, name, f);
    }
    vm.add_method(&lru, "__deepcopy__", lru_copy);
    vm.set_item_str(&dict, "_lru_cache_wrapper", lru)?;
    Ok(module)
}

/// `reduce(function, iterable, /[, initial])` (3.14 also takes `initial=` by keyword).
fn reduce(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let bound = ArgSpec {
        fname: "reduce",
        names: &["function", "iterable", "initial"],
        posonly: 2,
        required: 2,
        kwonly_from: 3,
    };
    let pos_count = args.positional().len();
    if pos_count > 3 {
        return Err(PyErr::type_error(format!(
            "reduce expected at most 3 arguments, got {pos_count}"
        )));
    }
    if pos_count < 2 && !args.has_keywords() {
        return Err(PyErr::type_error(format!(
            "reduce expected at least 2 arguments, got {pos_count}"
        )));
    }
    let pos = bound.bind(&args)?;
    let func = &pos[0];
    let it = vm.iter(&pos[1]).map_err(|e| {
        if vm.err_matches(&e, ExcKind::TypeError) {
            PyErr::type_error("reduce() arg 2 must support iteration")
        } else {
            e
        }
    })?;
    let mut acc = if pos[2].is_null() {
        None
    } else {
        Some(pos[2].clone())
    };
    while let Some(item) = vm.next(&it)? {
        acc = Some(match acc {
            None => item,
            Some(a) => vm.call(func, &[a, item])?,
        });
    }
    acc.ok_or_else(|| PyErr::type_error("reduce() of empty iterable with no initial value"))
}

/// A `KeyWrapper`: the comparison function, and the wrapped object (NULL for the
/// factory that `cmp_to_key` returns).
struct KeyWrapper {
    cmp: Value,
    obj: Value,
}

fn cmp_to_key(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let bound = ArgSpec {
        fname: "cmp_to_key",
        names: &["mycmp"],
        posonly: 0,
        required: 1,
        kwonly_from: 1,
    }
    .bind(&args)?;
    let ty = vm.native_type("functools.KeyWrapper")?;
    Ok(vm.new_native(
        &ty,
        KeyWrapper {
            cmp: bound[0].clone(),
            obj: Value::NULL,
        },
        None,
    ))
}

fn key_wrapper_no_new(_vm: &mut Vm, _args: Args<'_>) -> PyResult<Value> {
    Err(PyErr::type_error(
        "cannot create 'functools.KeyWrapper' instances",
    ))
}

fn key_wrapper_call(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let (this, k) = native_receiver::<KeyWrapper>(vm, &args, "__call__", "functools.KeyWrapper")?;
    let bound = ArgSpec {
        fname: "K",
        names: &["obj"],
        posonly: 0,
        required: 1,
        kwonly_from: 1,
    }
    .bind(&crate::builtins::object::util::rest(&args))?;
    let ty = vm.type_of(this);
    Ok(vm.new_native(
        &ty,
        KeyWrapper {
            cmp: k.cmp.clone(),
            obj: bound[0].clone(),
        },
        None,
    ))
}

/// `k.obj`: the wrapped object.
fn key_wrapper_getattr(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let (this, k) =
        native_receiver::<KeyWrapper>(vm, &args, "__getattr__", "functools.KeyWrapper")?;
    let name = args.values.get(1).and_then(|v| v.as_str()).unwrap_or("");
    if name == "obj" && !k.obj.is_null() {
        return Ok(k.obj.clone());
    }
    Err(PyErr::new(
        ExcKind::AttributeError,
        format!("'{}' object has no attribute '{name}'", vm.type_name(this)),
    ))
}

fn key_compare(vm: &mut Vm, args: Args<'_>, op: CompareOp) -> PyResult<Value> {
    let (_, k) = native_receiver::<KeyWrapper>(vm, &args, "__lt__", "functools.KeyWrapper")?;
    let other = args
        .values
        .get(1)
        .and_then(native_state::<KeyWrapper>)
        .filter(|o| !o.obj.is_null());
    let Some(other) = other else {
        return Err(PyErr::type_error("other argument must be K instance"));
    };
    let r = vm.call(&k.cmp, &[k.obj.clone(), other.obj.clone()])?;
    let zero = vm.new_int(0);
    vm.compare(&r, &zero, op)
}

fn key_lt(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    key_compare(vm, args, CompareOp::Lt)
}
fn key_le(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    key_compare(vm, args, CompareOp::Le)
}
fn key_eq(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    key_compare(vm, args, CompareOp::Eq)
}
fn key_ne(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    key_compare(vm, args, CompareOp::Ne)
}
fn key_gt(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    key_compare(vm, args, CompareOp::Gt)
}
fn key_ge(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    key_compare(vm, args, CompareOp::Ge)
}

// ---------------------------------------------------------------- lru_cache

/// The state of one memoized function. `cache` is a dict whose insertion order is the
/// recency order (a hit moves its key to the end; eviction drops the first key).
struct LruCache {
    func: Value,
    /// `None` for unbounded.
    maxsize: Option<usize>,
    typed: bool,
    cache_info_type: Value,
    cache: Value,
    hits: std::cell::Cell<u64>,
    misses: std::cell::Cell<u64>,
    /// Separates positional from keyword arguments in keys.
    kwd_mark: Value,
}

/// `_lru_cache_wrapper(user_function, maxsize, typed, cache_info_type)`.
fn lru_new(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let cls = args.values[0].clone();
    let a = crate::builtins::object::util::rest(&args);
    let pos = a.exact("_lru_cache_wrapper", 4)?;
    if !vm.is_callable(&pos[0]) {
        return Err(PyErr::type_error("the first argument must be callable"));
    }
    let maxsize = if pos[1].is_none() {
        None
    } else {
        let n = vm.index_i64(&pos[1])?;
        Some(n.max(0) as usize)
    };
    let typed = vm.truthy(&pos[2])?;
    let cache = vm.new_dict();
    let kwd_mark = vm.new_tuple(Vec::new());
    Ok(vm.new_native_full(
        &cls,
        LruCache {
            func: pos[0].clone(),
            maxsize,
            typed,
            cache_info_type: pos[3].clone(),
            cache,
            hits: std::cell::Cell::new(0),
            misses: std::cell::Cell::new(0),
            kwd_mark,
        },
        None,
        true,
    ))
}

/// The cache key of a call, as CPython's `_make_key` builds it: the positional
/// arguments, then a marker and the keyword items, then (when typed) the argument types;
/// a lone int or str argument is its own key.
fn lru_key(vm: &mut Vm, c: &LruCache, call: &Args<'_>) -> Value {
    let pos = call.positional();
    if !call.has_keywords() && !c.typed && pos.len() == 1 {
        let only = &pos[0];
        let ty = vm.type_of(only);
        if ty.is(&vm.types.int) || ty.is(&vm.types.str_) {
            return only.clone();
        }
    }
    let mut key: Vec<Value> = pos.to_vec();
    let kw_values = &call.values[pos.len()..];
    if call.has_keywords() {
        key.push(c.kwd_mark.clone());
        for (name, value) in call.kwnames.iter().zip(kw_values) {
            key.push(name.clone());
            key.push(value.clone());
        }
    }
    if c.typed {
        for v in pos {
            key.push(vm.type_of(v));
        }
        for v in kw_values {
            key.push(vm.type_of(v));
        }
    }
    vm.new_tuple(key)
}

fn lru_call(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let (_, c) =
        native_receiver::<LruCache>(vm, &args, "__call__", "functools._lru_cache_wrapper")?;
    let call = crate::builtins::object::util::rest(&args);
    if c.maxsize == Some(0) {
        c.misses.set(c.misses.get() + 1);
        return vm.call_args(&c.func, call);
    }
    let key = lru_key(vm, c, &call);
    if let Some(hit) = vm.dict_get(&c.cache, &key)? {
        c.hits.set(c.hits.get() + 1);
        if c.maxsize.is_some() {
            // Most recently used goes to the end.
            vm.dict_remove(&c.cache, &key)?;
            vm.dict_set(&c.cache, key, hit.clone())?;
        }
        return Ok(hit);
    }
    c.misses.set(c.misses.get() + 1);
    let result = vm.call_args(&c.func, call)?;
    if vm.dict_get(&c.cache, &key)?.is_some() {
        // A recursive call already cached this key: keep that entry.
        return Ok(result);
    }
    if let Some(max) = c.maxsize {
        let len = c.cache.as_dict().map(|d| d.borrow().len()).unwrap_or(0);
        if len >= max {
            let oldest = c
                .cache
                .as_dict()
                .and_then(|d| d.borrow().next_entry(0).map(|(_, e)| e.key.clone()));
            if let Some(oldest) = oldest {
                vm.dict_remove(&c.cache, &oldest)?;
            }
        }
    }
    vm.dict_set(&c.cache, key, result.clone())?;
    Ok(result)
}

/// Binds like a function: looked up on an instance it becomes a bound method.
fn lru_get(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let (this, _) =
        native_receiver::<LruCache>(vm, &args, "__get__", "functools._lru_cache_wrapper")?;
    let obj = args.values.get(1).cloned().unwrap_or(Value::NONE);
    if obj.is_none() {
        return Ok(this.clone());
    }
    Ok(Value::alloc(
        &vm.types.method,
        crate::object::Payload::BoundMethod(crate::types::payload::BoundMethodData {
            function: this.clone(),
            receiver: obj,
        }),
    ))
}

fn lru_cache_info(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let (_, c) =
        native_receiver::<LruCache>(vm, &args, "cache_info", "functools._lru_cache_wrapper")?;
    let len = c.cache.as_dict().map(|d| d.borrow().len()).unwrap_or(0);
    let hits = vm.new_int(c.hits.get() as i64);
    let misses = vm.new_int(c.misses.get() as i64);
    let maxsize = match c.maxsize {
        Some(m) => vm.new_int(m as i64),
        None => Value::NONE,
    };
    let size = vm.new_int(len as i64);
    vm.call(&c.cache_info_type, &[hits, misses, maxsize, size])
}

fn lru_cache_clear(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let (_, c) =
        native_receiver::<LruCache>(vm, &args, "cache_clear", "functools._lru_cache_wrapper")?;
    if let Some(d) = c.cache.as_dict() {
        let old = std::mem::replace(&mut *d.borrow_mut(), crate::types::dict::DictTable::new());
        drop(old);
    }
    c.hits.set(0);
    c.misses.set(0);
    Ok(Value::NONE)
}

fn lru_copy(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let (this, _) =
        native_receiver::<LruCache>(vm, &args, "__copy__", "functools._lru_cache_wrapper")?;
    Ok(this.clone())
}

impl NativeState for KeyWrapper {
    fn traverse(&self, visit: &mut dyn FnMut(&Value)) {
        visit(&self.cmp);
        visit(&self.obj);
    }
}

impl NativeState for LruCache {
    fn traverse(&self, visit: &mut dyn FnMut(&Value)) {
        visit(&self.func);
        visit(&self.cache_info_type);
        visit(&self.cache);
        visit(&self.kwd_mark);
    }
}
