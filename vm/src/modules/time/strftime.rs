//! `time.strftime`: the C library's formatter in the C locale, written out so the output
//! matches glibc's (which CPython calls) conversion by conversion: the flags `-`, `_`,
//! `0`, `^`, `#`, a field width, the ignored `E`/`O` modifiers, and unknown conversions
//! copied through as written.

use crate::interp::args::Args;
use crate::object::Value;
use crate::runtime::errors::{PyErr, PyResult};
use crate::vm::Vm;

use super::calendar::{MONTH_NAMES, Tm, WEEKDAY_NAMES, check_tm, is_leap, mktime, optional_tm};

/// How one conversion pads: its flag and width.
#[derive(Clone, Copy, Default)]
struct Spec {
    /// `-`, `_` or `0` (pad character choice), if given.
    pad: Option<char>,
    upper: bool,
    swap_case: bool,
    width: Option<usize>,
}

impl Spec {
    /// A number with at least `digits` digits, padded with `default_pad` ('0' or ' ').
    fn number(&self, out: &mut String, value: i64, digits: usize, default_pad: char) {
        let negative = value < 0;
        let magnitude = value.unsigned_abs().to_string();
        let pad = match self.pad {
            Some('-') => None,
            Some('_') => Some(' '),
            Some('0') => Some('0'),
            _ => Some(default_pad),
        };
        let width = self.width.unwrap_or(digits);
        let len = magnitude.len() + usize::from(negative);
        let fill = width.saturating_sub(len);
        match pad {
            None => {}
            Some(' ') => out.extend(std::iter::repeat_n(' ', fill)),
            Some(_) => {
                if negative {
                    out.push('-');
                }
                out.extend(std::iter::repeat_n('0', fill));
                out.push_str(&magnitude);
                return;
            }
        }
        if negative {
            out.push('-');
        }
        out.push_str(&magnitude);
    }

    /// A text conversion; `case_swap_lowers` says what `#` does (lower for `%p`/`%Z`).
    fn text(&self, out: &mut String, s: &str, case_swap_lowers: bool) {
        let s = if self.upper || (self.swap_case && !case_swap_lowers) {
            s.to_uppercase()
        } else if self.swap_case {
            s.to_lowercase()
        } else {
            s.to_string()
        };
        let fill = self.width.unwrap_or(0).saturating_sub(s.chars().count());
        let pad = if self.pad == Some('0') { '0' } else { ' ' };
        out.extend(std::iter::repeat_n(pad, fill));
        out.push_str(&s);
    }
}

/// Days since the start of the ISO week-numbering year containing `yday`.
fn iso_week_days(yday: i64, wday: i64) -> i64 {
    const BIG_MULTIPLE_OF_7: i64 = 378;
    yday - (yday - wday + 4 + BIG_MULTIPLE_OF_7) % 7 + 3
}

/// `(ISO year, days into it)` for `tm`.
fn iso_year(tm: &Tm) -> (i64, i64) {
    let mut year = tm.year;
    let mut days = iso_week_days(tm.yday, tm.wday);
    if days < 0 {
        year -= 1;
        days = iso_week_days(tm.yday + 365 + i64::from(is_leap(year)), tm.wday);
    } else {
        let next = iso_week_days(tm.yday - (365 + i64::from(is_leap(year))), tm.wday);
        if next >= 0 {
            year += 1;
            days = next;
        }
    }
    (year, days)
}

/// Formats `tm` by `format` as glibc's `strftime` does in the C locale; `tzname` is
/// `time.tzname`, used for `%Z` when the time carries no zone of its own.
pub fn format_tm(format: &str, tm: &Tm, tzname: &(String, String)) -> String {
    let mut out = String::new();
    let mut chars = format.char_indices().peekable();
    while let Some((start, c)) = chars.next() {
        if c != '%' {
            out.push(c);
            continue;
        }
        let mut spec = Spec::default();
        while let Some(&(_, f)) = chars.peek() {
            match f {
                '-' | '_' | '0' => spec.pad = Some(f),
                '^' => spec.upper = true,
                '#' => spec.swap_case = true,
                _ => break,
            }
            chars.next();
        }
        let mut width = None::<usize>;
        while let Some(&(_, d)) = chars.peek() {
            let Some(v) = d.to_digit(10) else { break };
            width = Some(
                width
                    .unwrap_or(0)
                    .saturating_mul(10)
                    .saturating_add(v as usize),
            );
            chars.next();
        }
        spec.width = width;
        if let Some(&(_, m)) = chars.peek()
            && (m == 'E' || m == 'O')
        {
            chars.next();
        }
        let Some((at, conv)) = chars.next() else {
            // A lone `%` (with flags) at the end is copied as written.
            out.push_str(&format[start..]);
            break;
        };
        let written = &format[start..at + conv.len_utf8()];
        convert(&mut out, conv, spec, tm, tzname, written);
    }
    out
}

fn convert(
    out: &mut String,
    conv: char,
    spec: Spec,
    tm: &Tm,
    tzname: &(String, String),
    written: &str,
) {
    let wday_name = WEEKDAY_NAMES[tm.wday.rem_euclid(7) as usize];
    let month_name = MONTH_NAMES[tm.mon.rem_euclid(12) as usize];
    let hour12 = match tm.hour % 12 {
        0 => 12,
        h => h,
    };
    let composite = |out: &mut String, f: &str| {
        let text = format_tm(f, tm, tzname);
        spec.text(out, &text, false);
    };
    match conv {
        'a' => spec.text(out, &wday_name[..3], false),
        'A' => spec.text(out, wday_name, false),
        'b' | 'h' => spec.text(out, &month_name[..3], false),
        'B' => spec.text(out, month_name, false),
        'c' => composite(out, "%a %b %e %H:%M:%S %Y"),
        'C' => spec.number(out, tm.year.div_euclid(100), 1, '0'),
        'd' => spec.number(out, tm.mday, 2, '0'),
        'D' | 'x' => composite(out, "%m/%d/%y"),
        'e' => spec.number(out, tm.mday, 2, ' '),
        'F' => composite(out, "%Y-%m-%d"),
        'G' => spec.number(out, iso_year(tm).0, 1, '0'),
        'g' => spec.number(out, iso_year(tm).0.rem_euclid(100), 2, '0'),
        'H' => spec.number(out, tm.hour, 2, '0'),
        'I' => spec.number(out, hour12, 2, '0'),
        'j' => spec.number(out, tm.yday + 1, 3, '0'),
        'k' => spec.number(out, tm.hour, 2, ' '),
        'l' => spec.number(out, hour12, 2, ' '),
        'm' => spec.number(out, tm.mon + 1, 2, '0'),
        'M' => spec.number(out, tm.min, 2, '0'),
        'n' => spec.text(out, "\n", false),
        'p' => spec.text(out, if tm.hour >= 12 { "PM" } else { "AM" }, true),
        'P' => spec.text(out, if tm.hour >= 12 { "pm" } else { "am" }, false),
        'r' => composite(out, "%I:%M:%S %p"),
        'R' => composite(out, "%H:%M"),
        's' => spec.number(out, mktime(tm).unwrap_or(-1), 1, '0'),
        'S' => spec.number(out, tm.sec, 2, '0'),
        't' => spec.text(out, "\t", false),
        'T' | 'X' => composite(out, "%H:%M:%S"),
        'u' => spec.number(out, (tm.wday + 6) % 7 + 1, 1, '0'),
        'U' => spec.number(out, (tm.yday - tm.wday + 7) / 7, 2, '0'),
        'V' => spec.number(out, iso_year(tm).1 / 7 + 1, 2, '0'),
        'w' => spec.number(out, tm.wday, 1, '0'),
        'W' => spec.number(out, (tm.yday - (tm.wday - 1 + 7) % 7 + 7) / 7, 2, '0'),
        'y' => spec.number(out, tm.year.rem_euclid(100), 2, '0'),
        'Y' => spec.number(out, tm.year, 1, '0'),
        'z' => {
            let off = tm.gmtoff.unwrap_or(0);
            let sign = if off < 0 { '-' } else { '+' };
            let minutes = off.unsigned_abs() / 60;
            out.push(sign);
            let hhmm = (minutes / 60 * 100 + minutes % 60) as i64;
            let inner = Spec {
                width: Some(spec.width.map_or(4, |w| w.saturating_sub(1))),
                ..spec
            };
            inner.number(out, hhmm, 4, '0');
        }
        'Z' => {
            let zone = match &tm.zone {
                Some(z) if !z.is_empty() => z.as_str(),
                _ if tm.isdst > 0 => tzname.1.as_str(),
                _ if tm.isdst == 0 => tzname.0.as_str(),
                _ => "",
            };
            spec.text(out, zone, true);
        }
        '%' => spec.text(out, "%", false),
        _ => spec.text(out, written, false),
    }
}

pub fn time_strftime(vm: &mut Vm, args: Args<'_>) -> PyResult<Value> {
    let pos = super::calendar::parse_tuple_args(&args, "strftime", 1, 2)?;
    let Some(format) = pos[0].as_str() else {
        return Err(PyErr::type_error(format!(
            "strftime() argument 1 must be str, not {}",
            vm.type_name(&pos[0])
        )));
    };
    if format.contains('\0') {
        return Err(PyErr::value_error("embedded null character"));
    }
    let mut tm = optional_tm(vm, pos.get(1), "strftime")?;
    check_tm(&mut tm)?;
    tm.isdst = tm.isdst.clamp(-1, 1);
    let tzname = super::tzname_pair(vm);
    Ok(vm.new_string(format_tm(format, &tm, &tzname)))
}
