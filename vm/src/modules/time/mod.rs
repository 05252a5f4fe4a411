//! The `time` module. This file holds the clocks: `time`, `perf_counter`, `monotonic`,
//! `process_time` (each also in `_ns` form) and `sleep`, which wakes every few
//! milliseconds to notice Ctrl-C and raise `KeyboardInterrupt` as CPython's does. The
//! calendar functions are in `calendar` (`struct_time`, `gmtime`, `mktime`...),
//! `strftime`, and `zone` (the local time zone); `strptime` is the frozen `_strptime`.

mod calendar;
mod strftime;
mod zone;

use std::sync::OnceLock;
use std::sync::atomic::Ordering;
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use crate::interp::args::Args;
use crate::object::Value;
use crate::runtime::errors::{ExcKind, PyErr, PyResult};
use crate::runtime::numbers::{as_float, as_int};
use crate::types::function::NativeFn;
use crate::vm::Vm;

/// Creates the `time` module.
pub fn create(vm: &mut Vm) -> PyResult<Value> {
    let dict = vm.new_dict();
    let module = vm.new_module("time", dict.clone());
    vm.new_struct_seq_type(&calendar::STRUCT_TIME);
    let struct_time = vm.native_type("time.struct_time")?;
    vm.set_item_str(&dict, "struct_time", struct_time)?;
    let functions: [(&'static str, NativeFn); 17] = [
        ("time", time_time),
        ("time_ns", time_time_ns),
        ("perf_counter", time_monotonic),
        ("perf_counter_ns", time_monotonic_ns),
        ("monotonic", time_monotonic),
        ("monotonic_ns", time_monotonic_ns),
        ("process_time", time_process_time),
        ("process_time_ns", time_process_time_ns),
        ("sleep", time_sleep),
        ("gmtime", calendar::time_gmtime),
        ("localtime", calendar::time_localtime),
        ("mktime", calendar::time_mktime),
        ("asctime", calendar::time_asctime),
        ("ctime", calendar::time_ctime),
        ("strftime", strftime::time_strftime),
        ("strptime", time_strptime),
        ("tzset", time_tzset),
    ];
    for (name, f) in functions {
        let fv = vm.new_builtin_function(name, f, module.clone());
        vm.set_item_str(&dict, name, fv)?;
    }
    set_zone_attrs(vm, &dict)?;
    Ok(module)
}

/// `timezone`, `altzone`, `daylight` and `tzname` from the current zone.
fn set_zone_attrs(vm: &mut Vm, dict: &Value) -> PyResult<()> {
    let summary = zone::summary(since_epoch().as_secs() as i64);
    let timezone = vm.new_int(summary.timezone);
    vm.set_item_str(dict, "timezone", timezone)?;
    let altzone = vm.new_int(summary.altzone);
    vm.set_item_str(dict, "altzone", altzone)?;
    let daylight = vm.new_int(i64::from(summary.daylight));
    vm.set_item_str(dict, "daylight", daylight)?;
    let names = vec![vm.new_str(&summary.tzname.0), vm.new_str(&summary.tzname.1)];
    let tzname = vm.new_tuple(names);
    vm.set_item_str(dict, "tzname", tzname)
}

/// The C library's `tzname`: standard and daylight-saving names of the local zone.
fn tzname_pair(_vm: &Vm) -> (String, String) {
    zone::summary(since_epoch().as_secs() as i64).tzname
}

/// `time.tzset()`: reads `TZ` again and refreshes the module's zone attributes. `TZ`
/// comes from `os.environ` when `os` is loaded: Pyrite never writes the real process
/// environment (`set_var` is `unsafe`), so `os.environ` is the environment Python sees.
fn time_tzset(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    no_args(&args, "tzset")?;
    let modules = vm.modules.clone();
    let environ = vm
        .dict_get_str(&modules, "os")
        .and_then(|m| vm.getattr_opt(&m, "environ").ok().flatten());
    let tz = match environ {
        Some(env) => {
            let key = vm.new_str("TZ");
            vm.dict_get(&env, &key)?
                .and_then(|v| v.as_str().map(str::to_string))
        }
        None => std::env::var("TZ").ok(),
    };
    zone::reset(tz.as_deref());
    let module = vm.import_module("time")?;
    if let Some(dict) = vm.instance_dict(&module) {
        set_zone_attrs(vm, &dict)?;
    }
    Ok(Value::NONE)
}

/// `time.strptime(string, format)`: parsed by the frozen `_strptime` module.
fn time_strptime(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let module = vm.import_module("_strptime")?;
    let f = vm.getattr_str(&module, "_strptime_time")?;
    vm.call_args(&f, args)
}

fn no_args(args: &Args<'_>, name: &str) -> PyResult<()> {
    args.exact(&format!("time.{name}"), 0).map(|_| ())
}

fn since_epoch() -> Duration {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .unwrap_or_default()
}

fn time_time(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    no_args(&args, "time")?;
    Ok(vm.new_float(since_epoch().as_secs_f64()))
}

fn time_time_ns(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    no_args(&args, "time_ns")?;
    Ok(vm.new_bigint(since_epoch().as_nanos().into()))
}

/// The monotonic clock: time since the first reading in this process (only differences
/// mean anything, as for CPython's clock).
fn monotonic_elapsed() -> Duration {
    static START: OnceLock<Instant> = OnceLock::new();
    START.get_or_init(Instant::now).elapsed()
}

fn time_monotonic(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    no_args(&args, "monotonic")?;
    Ok(vm.new_float(monotonic_elapsed().as_secs_f64()))
}

fn time_monotonic_ns(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    no_args(&args, "monotonic_ns")?;
    Ok(vm.new_bigint(monotonic_elapsed().as_nanos().into()))
}

/// CPU time of this process in nanoseconds: the scheduler's run time of the process's
/// tasks (Linux `/proc`), which is what CLOCK_PROCESS_CPUTIME_ID counts.
fn process_nanos() -> u128 {
    let mut total: u128 = 0;
    if let Ok(tasks) = std::fs::read_dir("/proc/self/task") {
        for task in tasks.flatten() {
            let path = task.path().join("schedstat");
            if let Ok(text) = std::fs::read_to_string(path) {
                total += text
                    .split_whitespace()
                    .next()
                    .and_then(|n| n.parse::<u128>().ok())
                    .unwrap_or(0);
            }
        }
    }
    total
}

fn time_process_time(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    no_args(&args, "process_time")?;
    Ok(vm.new_float(process_nanos() as f64 / 1e9))
}

fn time_process_time_ns(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    no_args(&args, "process_time_ns")?;
    Ok(vm.new_bigint(process_nanos().into()))
}

fn time_sleep(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let pos = match args.values {
        [_] if args.kwnames.is_empty() => args.values,
        _ => args.exact("time.sleep", 1)?,
    };
    let v = &pos[0];
    let secs = if let Some(f) = as_float(v) {
        f
    } else if as_int(v).is_some() || vm.lookup_special(v, "__float__").is_some() {
        vm.to_f64(v)?
    } else {
        let iv = vm.index_value(v)?;
        vm.to_f64(&iv)?
    };
    if secs.is_nan() {
        return Err(PyErr::value_error("Invalid value NaN (not a number)"));
    }
    if secs < 0.0 {
        return Err(PyErr::value_error("sleep length must be non-negative"));
    }
    if !secs.is_finite() || secs > 9.2e9 {
        return Err(PyErr::overflow_error(
            "timestamp out of range for platform time_t",
        ));
    }
    let deadline = Instant::now() + Duration::from_secs_f64(secs);
    loop {
        if vm.interrupt.load(Ordering::Relaxed) {
            vm.interrupt.store(false, Ordering::Relaxed);
            return Err(PyErr::new(ExcKind::KeyboardInterrupt, ""));
        }
        let now = Instant::now();
        if now >= deadline {
            return Ok(Value::NONE);
        }
        std::thread::sleep((deadline - now).min(Duration::from_millis(5)));
    }
}
