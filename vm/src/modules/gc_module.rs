//! `gc`: the interface to the cycle collector (`object::tracking` finds garbage,
//! `runtime::collector` disposes of it): `collect`, `enable`/`disable`, thresholds and
//! counts, `is_tracked`/`is_finalized`, `get_referents`/`get_referrers`/`get_objects`,
//! `freeze`, and the `garbage` and `callbacks` lists.

use crate::interp::args::{ArgSpec, Args};
use crate::object::{Payload, Value, tracking};
use crate::runtime::errors::{ExcKind, PyErr, PyResult};
use crate::types::function::NativeFn;
use crate::vm::Vm;

/// `gc.DEBUG_SAVEALL`: unreachable objects go to `gc.garbage` instead of being freed.
pub const DEBUG_SAVEALL: i64 = 32;

/// Creates the `gc` module.
pub fn create(vm: &mut Vm) -> PyResult<Value> {
    let dict = vm.new_dict();
    let module = vm.new_module("gc", dict.clone());
    let functions: [(&'static str, NativeFn); 18] = [
        ("collect", gc_collect),
        ("enable", gc_enable),
        ("disable", gc_disable),
        ("isenabled", gc_isenabled),
        ("get_count", gc_get_count),
        ("get_threshold", gc_get_threshold),
        ("set_threshold", gc_set_threshold),
        ("is_tracked", gc_is_tracked),
        ("is_finalized", gc_is_finalized),
        ("get_referents", gc_get_referents),
        ("get_referrers", gc_get_referrers),
        ("get_objects", gc_get_objects),
        ("freeze", gc_freeze),
        ("unfreeze", gc_unfreeze),
        ("get_freeze_count", gc_get_freeze_count),
        ("set_debug", gc_set_debug),
        ("get_debug", gc_get_debug),
        ("get_stats", gc_get_stats),
    ];
    for (name, f) in functions {
        let fv = vm.new_builtin_function(name, f, module.clone());
        vm.set_item_str(&dict, name, fv)?;
    }
    if vm.gc_garbage.is_null() {
        vm.gc_garbage = vm.new_list(Vec::new());
    }
    let garbage = vm.gc_garbage.clone();
    vm.set_item_str(&dict, "garbage", garbage)?;
    if vm.gc_callbacks.is_null() {
        vm.gc_callbacks = vm.new_list(Vec::new());
    }
    let callbacks = vm.gc_callbacks.clone();
    vm.set_item_str(&dict, "callbacks", callbacks)?;
    let constants = [
        ("DEBUG_STATS", 1),
        ("DEBUG_COLLECTABLE", 2),
        ("DEBUG_UNCOLLECTABLE", 4),
        ("DEBUG_SAVEALL", DEBUG_SAVEALL),
        ("DEBUG_LEAK", 38),
    ];
    for (name, v) in constants {
        let iv = vm.new_int(v);
        vm.set_item_str(&dict, name, iv)?;
    }
    Ok(module)
}

fn gc_collect(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let spec = ArgSpec {
        fname: "collect",
        names: &["generation"],
        posonly: 0,
        required: 0,
        kwonly_from: 1,
    };
    let bound = spec.bind(&args)?;
    let generation = if bound[0].is_null() {
        2
    } else {
        vm.index_i64(&bound[0])?
    };
    if !(0..=2).contains(&generation) {
        return Err(PyErr::new(ExcKind::ValueError, "invalid generation"));
    }
    // Objects already queued for finalization go first (CPython frees them at once).
    vm.run_finalizers();
    let n = vm.collect_garbage(generation as u32);
    vm.run_finalizers();
    Ok(vm.new_int(n as i64))
}

fn gc_enable(_vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    args.exact("gc.enable", 0)?;
    tracking::set_enabled(true);
    Ok(Value::NONE)
}

fn gc_disable(_vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    args.exact("gc.disable", 0)?;
    tracking::set_enabled(false);
    Ok(Value::NONE)
}

fn gc_isenabled(_vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    args.exact("gc.isenabled", 0)?;
    Ok(Value::from_bool(tracking::is_enabled()))
}

fn int_tuple(vm: &mut Vm, items: &[i64]) -> Value {
    let values = items.iter().map(|&i| vm.new_int(i)).collect();
    vm.new_tuple(values)
}

fn gc_get_count(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    args.exact("gc.get_count", 0)?;
    let c = tracking::counts();
    Ok(int_tuple(vm, &[c[0] as i64, c[1] as i64, c[2] as i64]))
}

fn gc_get_threshold(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    args.exact("gc.get_threshold", 0)?;
    let t = tracking::thresholds();
    Ok(int_tuple(
        vm,
        &[i64::from(t[0]), i64::from(t[1]), i64::from(t[2])],
    ))
}

fn gc_set_threshold(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    args.no_keywords("set_threshold")?;
    let pos = args.range("set_threshold", 1, 3)?;
    let mut t = tracking::thresholds();
    for (i, v) in pos.iter().enumerate() {
        let n = vm.index_i64(v)?;
        t[i] = n.clamp(0, i64::from(i32::MAX)) as u32;
    }
    tracking::set_thresholds(t);
    Ok(Value::NONE)
}

fn gc_is_tracked(_vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let pos = args.exact("gc.is_tracked", 1)?;
    Ok(Value::from_bool(tracking::is_tracked(&pos[0])))
}

fn gc_is_finalized(_vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let pos = args.exact("gc.is_finalized", 1)?;
    let finalized = match pos[0].payload() {
        Some(Payload::Instance(attrs)) => attrs.try_borrow().is_ok_and(|a| a.finalized),
        _ => false,
    };
    Ok(Value::from_bool(finalized))
}

fn gc_get_referents(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    args.no_keywords("get_referents")?;
    let mut out = Vec::new();
    for obj in args.positional() {
        if tracking::is_tracked(obj) {
            out.extend(tracking::referents(obj));
        }
    }
    Ok(vm.new_list(out))
}

fn gc_get_referrers(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    args.no_keywords("get_referrers")?;
    let targets: Vec<u64> = args.positional().iter().map(Value::bits).collect();
    let mut out = Vec::new();
    for candidate in tracking::all_tracked(None) {
        let refers = tracking::referents(&candidate)
            .iter()
            .any(|r| targets.contains(&r.bits()));
        if refers {
            out.push(candidate);
        }
    }
    Ok(vm.new_list(out))
}

fn gc_get_objects(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let spec = ArgSpec {
        fname: "get_objects",
        names: &["generation"],
        posonly: 0,
        required: 0,
        kwonly_from: 1,
    };
    let bound = spec.bind(&args)?;
    let generation = if bound[0].is_null() || bound[0].is_none() {
        None
    } else {
        let g = vm.index_i64(&bound[0])?;
        if g >= 3 {
            return Err(PyErr::new(
                ExcKind::ValueError,
                "generation parameter must be less than the number of available generations (3)",
            ));
        }
        if g < 0 {
            return Err(PyErr::new(
                ExcKind::ValueError,
                "generation parameter cannot be negative",
            ));
        }
        Some(g as u32)
    };
    let objs = tracking::all_tracked(generation);
    Ok(vm.new_list(objs))
}

fn gc_freeze(_vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    args.exact("gc.freeze", 0)?;
    tracking::freeze();
    Ok(Value::NONE)
}

fn gc_unfreeze(_vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    args.exact("gc.unfreeze", 0)?;
    tracking::unfreeze();
    Ok(Value::NONE)
}

fn gc_get_freeze_count(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    args.exact("gc.get_freeze_count", 0)?;
    Ok(vm.new_int(tracking::freeze_count() as i64))
}

fn gc_set_debug(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let pos = args.exact("gc.set_debug", 1)?;
    let flags = vm.index_i64(&pos[0])?;
    vm.gc_debug_flags = flags;
    Ok(Value::NONE)
}

fn gc_get_debug(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    args.exact("gc.get_debug", 0)?;
    Ok(vm.new_int(vm.gc_debug_flags))
}

fn gc_get_stats(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    args.exact("gc.get_stats", 0)?;
    let stats = tracking::stats();
    let mut out = Vec::new();
    for s in stats {
        let d = vm.new_dict();
        for (k, v) in [
            ("collections", s[0]),
            ("collected", s[1]),
            ("uncollectable", 0),
        ] {
            let iv = vm.new_int(v as i64);
            vm.set_item_str(&d, k, iv)?;
        }
        out.push(d);
    }
    Ok(vm.new_list(out))
}
