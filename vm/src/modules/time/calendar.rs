//! The calendar half of `time`: broken-down times (`struct_time`), `gmtime`, `localtime`,
//! `mktime`, `asctime`, `ctime`, and reading a time tuple argument with CPython's checks
//! and messages. Dates use the proleptic Gregorian calendar over the whole `i64` range;
//! years must fit C's `int` (minus 1900) as on CPython, which reports EOVERFLOW otherwise.

use crate::interp::args::Args;
use crate::object::{Payload, Value};
use crate::runtime::errors::{ExcKind, PyErr, PyResult};
use crate::runtime::numbers::{as_float, as_int};
use crate::runtime::structseq::StructSeqSpec;
use crate::vm::Vm;

use super::zone;

pub const STRUCT_TIME: StructSeqSpec = StructSeqSpec {
    module: "time",
    name: "struct_time",
    fields: &[
        "tm_year",
        "tm_mon",
        "tm_mday",
        "tm_hour",
        "tm_min",
        "tm_sec",
        "tm_wday",
        "tm_yday",
        "tm_isdst",
        "tm_zone",
        "tm_gmtoff",
    ],
    n_sequence: 9,
    instantiable: true,
};

pub const WEEKDAY_NAMES: [&str; 7] = [
    "Sunday",
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
];
pub const MONTH_NAMES: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// A broken-down time in C's conventions: `mon` 0-11, `wday` 0-6 from Sunday, `yday`
/// 0-365; `year` is the full year.
#[derive(Clone, Debug, Default)]
pub struct Tm {
    pub year: i64,
    pub mon: i64,
    pub mday: i64,
    pub hour: i64,
    pub min: i64,
    pub sec: i64,
    pub wday: i64,
    pub yday: i64,
    pub isdst: i64,
    pub zone: Option<String>,
    pub gmtoff: Option<i64>,
}

pub fn is_leap(year: i64) -> bool {
    year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
}

/// Days from 1970-01-01 to `year-month-day` (month 1-12), proleptic Gregorian.
pub fn days_from_civil(year: i64, month: i64, day: i64) -> i64 {
    let y = if month <= 2 { year - 1 } else { year };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (month + 9) % 12;
    let doy = (153 * mp + 2) / 5 + day - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// `(year, month 1-12, day)` of a day count from 1970-01-01.
pub fn civil_from_days(days: i64) -> (i64, i64, i64) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    (year, month, day)
}

/// The UTC broken-down time of `secs`, or None when the year does not fit C's `int`.
pub fn utc_tm(secs: i64) -> Option<Tm> {
    let days = secs.div_euclid(86_400);
    let rem = secs.rem_euclid(86_400);
    let (year, month, day) = civil_from_days(days);
    if year - 1900 > i64::from(i32::MAX) || year - 1900 < i64::from(i32::MIN) {
        return None;
    }
    Some(Tm {
        year,
        mon: month - 1,
        mday: day,
        hour: rem / 3600,
        min: rem % 3600 / 60,
        sec: rem % 60,
        wday: (days + 4).rem_euclid(7),
        yday: days - days_from_civil(year, 1, 1),
        isdst: 0,
        zone: None,
        gmtoff: None,
    })
}

fn eoverflow(vm: &Vm) -> PyErr {
    let args = vec![
        vm.new_int(75),
        vm.new_str("Value too large for defined data type"),
    ];
    PyErr::with_args(ExcKind::OSError, args)
}

/// `gmtime(secs)` in C's terms (zone "GMT").
pub fn gmtime(vm: &Vm, secs: i64) -> PyResult<Tm> {
    let mut tm = utc_tm(secs).ok_or_else(|| eoverflow(vm))?;
    tm.zone = Some("GMT".to_string());
    tm.gmtoff = Some(0);
    Ok(tm)
}

/// `localtime(secs)` in the zone `TZ` names.
pub fn localtime(vm: &Vm, secs: i64) -> PyResult<Tm> {
    let local = zone::local_type(secs);
    let shifted = secs
        .checked_add(local.offset)
        .ok_or_else(|| eoverflow(vm))?;
    let mut tm = utc_tm(shifted).ok_or_else(|| eoverflow(vm))?;
    tm.isdst = i64::from(local.is_dst);
    tm.zone = Some(local.name);
    tm.gmtoff = Some(local.offset);
    Ok(tm)
}

/// Seconds of the local wall-clock time `tm` (fields may be out of range, as C's
/// `mktime` allows), choosing the UTC instant whose local offset maps back to it.
pub fn mktime(tm: &Tm) -> Option<i64> {
    let months = tm.mon;
    let year = tm.year.checked_add(months.div_euclid(12))?;
    let days = days_from_civil(year, months.rem_euclid(12) + 1, 1).checked_add(tm.mday - 1)?;
    let wall = days
        .checked_mul(86_400)?
        .checked_add(tm.hour.checked_mul(3600)?)?
        .checked_add(tm.min.checked_mul(60)?)?
        .checked_add(tm.sec)?;
    let mut t = wall - zone::local_type(wall).offset;
    t = wall - zone::local_type(t).offset;
    let found = zone::local_type(t);
    if tm.isdst >= 0 && found.is_dst != (tm.isdst != 0) {
        // The caller says the other kind of time is in force: move by the difference
        // between the two offsets (what C libraries do), if the zone has the other kind.
        for days in [-183, -90, 90, 183] {
            let probe = t + days * 86_400;
            let other = zone::local_type(probe);
            if other.is_dst == (tm.isdst != 0) {
                t += found.offset - other.offset;
                break;
            }
        }
    }
    Some(t)
}

/// A `struct_time` for `tm`.
pub fn to_struct_time(vm: &mut Vm, tm: &Tm) -> PyResult<Value> {
    let values = vec![
        vm.new_int(tm.year),
        vm.new_int(tm.mon + 1),
        vm.new_int(tm.mday),
        vm.new_int(tm.hour),
        vm.new_int(tm.min),
        vm.new_int(tm.sec),
        vm.new_int((tm.wday + 6) % 7),
        vm.new_int(tm.yday + 1),
        vm.new_int(tm.isdst),
        match &tm.zone {
            Some(z) => vm.new_str(z),
            None => Value::NONE,
        },
        match tm.gmtoff {
            Some(o) => vm.new_int(o),
            None => Value::NONE,
        },
    ];
    vm.new_struct_seq_named("time.struct_time", values)
}

/// A timestamp argument as whole seconds, rounded toward minus infinity.
pub fn seconds_arg(vm: &mut Vm, v: &Value) -> PyResult<i64> {
    let overflow = || PyErr::overflow_error("timestamp out of range for platform time_t");
    if let Some(f) = as_float(v) {
        if f.is_nan() {
            return Err(PyErr::value_error("Invalid value NaN (not a number)"));
        }
        let floor = f.floor();
        if !(-9.223_372_036_854_776e18..9.223_372_036_854_776e18).contains(&floor) {
            return Err(overflow());
        }
        return Ok(floor as i64);
    }
    let iv = vm.index_value(v)?;
    as_int(&iv).and_then(|i| i.to_i64()).ok_or_else(overflow)
}

/// Between `min` and `max` positional arguments, with the messages of CPython's
/// `PyArg_ParseTuple` (`gmtime() takes at most 1 argument (2 given)`).
pub fn parse_tuple_args<'a>(
    args: &Args<'a>,
    fname: &str,
    min: usize,
    max: usize,
) -> PyResult<&'a [Value]> {
    if args.has_keywords() {
        return Err(PyErr::type_error(format!(
            "{fname}() takes no keyword arguments"
        )));
    }
    let pos = args.positional();
    let n = pos.len();
    let plural = |k: usize| if k == 1 { "" } else { "s" };
    if n > max {
        return Err(PyErr::type_error(format!(
            "{fname}() takes at most {max} argument{} ({n} given)",
            plural(max)
        )));
    }
    if n < min {
        return Err(PyErr::type_error(format!(
            "{fname}() takes at least {min} argument{} ({n} given)",
            plural(min)
        )));
    }
    Ok(pos)
}

/// The optional `secs` argument of `gmtime`/`localtime`/`ctime` (now when absent or None).
pub fn optional_seconds(vm: &mut Vm, args: &Args<'_>, fname: &str) -> PyResult<i64> {
    let pos = parse_tuple_args(args, fname, 0, 1)?;
    match pos.first() {
        Some(v) if !v.is_none() => seconds_arg(vm, v),
        _ => Ok(super::since_epoch().as_secs() as i64),
    }
}

/// One field of a time tuple as a C `int` (format code `i`).
fn int_field(vm: &mut Vm, v: &Value) -> PyResult<i64> {
    if as_float(v).is_some() {
        return Err(PyErr::type_error(
            "'float' object cannot be interpreted as an integer",
        ));
    }
    let iv = vm.index_value(v)?;
    let Some(i) = as_int(&iv) else {
        return Err(PyErr::internal("index returned a non-int"));
    };
    match i.to_i64() {
        Some(n) if n > i64::from(i32::MAX) => Err(PyErr::overflow_error(
            "signed integer is greater than maximum",
        )),
        Some(n) if n < i64::from(i32::MIN) => {
            Err(PyErr::overflow_error("signed integer is less than minimum"))
        }
        Some(n) => Ok(n),
        None if i.is_negative() => Err(PyErr::overflow_error(
            "Python int too large to convert to C long",
        )),
        None => Err(PyErr::overflow_error(
            "Python int too large to convert to C long",
        )),
    }
}

/// Reads a time tuple (a 9-tuple or `struct_time`) as CPython's `gettmarg` does.
pub fn tm_arg(vm: &mut Vm, v: &Value, fname: &str) -> PyResult<Tm> {
    let Some(Payload::Tuple(items)) = v.payload() else {
        return Err(PyErr::type_error("Tuple or struct_time argument required"));
    };
    if items.len() != 9 {
        return Err(PyErr::type_error(format!(
            "{fname}(): illegal time tuple argument"
        )));
    }
    let mut f = [0i64; 9];
    for (slot, item) in f.iter_mut().zip(items.iter()) {
        *slot = int_field(vm, item)?;
    }
    let mut tm = Tm {
        year: f[0],
        mon: f[1] - 1,
        mday: f[2],
        hour: f[3],
        min: f[4],
        sec: f[5],
        // Python counts weekdays from Monday, C from Sunday; C's `%` truncates.
        wday: (f[6] + 1) % 7,
        yday: f[7] - 1,
        isdst: f[8],
        zone: None,
        gmtoff: None,
    };
    let ty = vm.type_of(v);
    if vm
        .native_types
        .get("time.struct_time")
        .is_some_and(|t| t.is(&ty))
    {
        let zone = vm.getattr_str(v, "tm_zone")?;
        if !zone.is_none() {
            match zone.as_str() {
                Some(s) => tm.zone = Some(s.to_string()),
                None => {
                    return Err(PyErr::type_error(format!(
                        "bad argument type for built-in operation: {}",
                        vm.type_name(&zone)
                    )));
                }
            }
        }
        let off = vm.getattr_str(v, "tm_gmtoff")?;
        if !off.is_none() {
            tm.gmtoff = Some(seconds_arg(vm, &off)?);
        }
    }
    Ok(tm)
}

/// CPython's `checktm`: range checks (zero month, day and year-day mean "first").
pub fn check_tm(tm: &mut Tm) -> PyResult<()> {
    if tm.mon == -1 {
        tm.mon = 0;
    } else if !(0..=11).contains(&tm.mon) {
        return Err(PyErr::value_error("month out of range"));
    }
    if tm.mday == 0 {
        tm.mday = 1;
    } else if !(0..=31).contains(&tm.mday) {
        return Err(PyErr::value_error("day of month out of range"));
    }
    if !(0..=23).contains(&tm.hour) {
        return Err(PyErr::value_error("hour out of range"));
    }
    if !(0..=59).contains(&tm.min) {
        return Err(PyErr::value_error("minute out of range"));
    }
    if !(0..=61).contains(&tm.sec) {
        return Err(PyErr::value_error("seconds out of range"));
    }
    if tm.wday < 0 {
        return Err(PyErr::value_error("day of week out of range"));
    }
    if tm.yday == -1 {
        tm.yday = 0;
    } else if !(0..=365).contains(&tm.yday) {
        return Err(PyErr::value_error("day of year out of range"));
    }
    Ok(())
}

/// `Sun Jun 20 23:21:05 1993`.
pub fn asctime_text(tm: &Tm) -> String {
    let wday = WEEKDAY_NAMES[tm.wday.rem_euclid(7) as usize];
    let mon = MONTH_NAMES[tm.mon.rem_euclid(12) as usize];
    format!(
        "{} {}{:3} {:02}:{:02}:{:02} {}",
        &wday[..3],
        &mon[..3],
        tm.mday,
        tm.hour,
        tm.min,
        tm.sec,
        tm.year
    )
}

pub fn time_gmtime(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let secs = optional_seconds(vm, &args, "gmtime")?;
    let tm = gmtime(vm, secs)?;
    to_struct_time(vm, &tm)
}

pub fn time_localtime(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let secs = optional_seconds(vm, &args, "localtime")?;
    let tm = localtime(vm, secs)?;
    to_struct_time(vm, &tm)
}

/// The time tuple argument of `asctime`/`strftime` (local now when absent).
pub fn optional_tm(vm: &mut Vm, v: Option<&Value>, fname: &str) -> PyResult<Tm> {
    match v {
        Some(v) => tm_arg(vm, v, fname),
        None => localtime(vm, super::since_epoch().as_secs() as i64),
    }
}

pub fn time_asctime(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let pos = args.range("asctime", 0, 1)?;
    let mut tm = optional_tm(vm, pos.first(), "asctime")?;
    check_tm(&mut tm)?;
    Ok(vm.new_string(asctime_text(&tm)))
}

pub fn time_ctime(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let secs = optional_seconds(vm, &args, "ctime")?;
    let tm = localtime(vm, secs)?;
    Ok(vm.new_string(asctime_text(&tm)))
}

pub fn time_mktime(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let pos = args.exact("time.mktime", 1)?;
    let tm = tm_arg(vm, &pos[0], "mktime")?;
    match mktime(&tm) {
        Some(t) => Ok(vm.new_float(t as f64)),
        None => Err(PyErr::overflow_error("mktime argument out of range")),
    }
}
