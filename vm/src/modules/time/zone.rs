//! The local time zone of `time`: read from `TZ` (a POSIX rule like
//! `EST+5EDT,M3.2.0/2,M11.1.0/2`, or a zoneinfo name) or `/etc/localtime` by the `tz-rs`
//! crate, as the C library's `tzset` does, and re-read by `time.tzset()`. Also the
//! module's `timezone`/`altzone`/`daylight`/`tzname`, found as CPython finds them: by
//! probing January and July of the current year.

use std::cell::RefCell;
use std::rc::Rc;

use tz::TimeZone;

thread_local! {
    static ZONE: RefCell<Option<Rc<TimeZone>>> = const { RefCell::new(None) };
}

/// The local time type at one instant.
pub struct LocalType {
    /// Seconds east of UTC.
    pub offset: i64,
    pub is_dst: bool,
    pub name: String,
}

/// The zone a `TZ` value names (`None`: unset, so the system's `/etc/localtime`).
fn load(tz: Option<&str>) -> TimeZone {
    let zone = match tz {
        Some("") => None,
        Some(tz) => TimeZone::from_posix_tz(tz).ok(),
        None => TimeZone::local().ok(),
    };
    zone.unwrap_or_else(TimeZone::utc)
}

fn zone() -> Rc<TimeZone> {
    ZONE.with(|z| {
        let mut z = z.borrow_mut();
        match &*z {
            Some(zone) => zone.clone(),
            None => {
                let zone = Rc::new(load(std::env::var("TZ").ok().as_deref()));
                *z = Some(zone.clone());
                zone
            }
        }
    })
}

/// Loads the zone `tz` names (`time.tzset`, which passes `os.environ['TZ']`).
pub fn reset(tz: Option<&str>) {
    let zone = Rc::new(load(tz));
    ZONE.with(|z| *z.borrow_mut() = Some(zone));
}

/// The local time type in force at `unix` seconds (UTC outside the zone's range).
pub fn local_type(unix: i64) -> LocalType {
    let zone = zone();
    match zone.find_local_time_type(unix) {
        Ok(t) => LocalType {
            offset: i64::from(t.ut_offset()),
            is_dst: t.is_dst(),
            name: t.time_zone_designation().to_string(),
        },
        Err(_) => LocalType {
            offset: 0,
            is_dst: false,
            name: "UTC".to_string(),
        },
    }
}

/// `(timezone, altzone, daylight, (stdname, dstname))` for the module.
pub struct ZoneSummary {
    pub timezone: i64,
    pub altzone: i64,
    pub daylight: bool,
    pub tzname: (String, String),
}

/// Probes January 1st and (about) July 1st of this year; the zone with the larger
/// offset west of UTC is standard time (southern-hemisphere DST runs over New Year).
pub fn summary(now: i64) -> ZoneSummary {
    const YEAR: i64 = (365 * 24 + 6) * 3600;
    let jan_t = now.div_euclid(YEAR) * YEAR;
    let jan = local_type(jan_t);
    let jul = local_type(jan_t + YEAR / 2);
    let (jan_west, jul_west) = (-jan.offset, -jul.offset);
    if jan_west < jul_west {
        ZoneSummary {
            timezone: jul_west,
            altzone: jan_west,
            daylight: true,
            tzname: (jul.name, jan.name),
        }
    } else {
        ZoneSummary {
            timezone: jan_west,
            altzone: jul_west,
            daylight: jan_west != jul_west,
            tzname: (jan.name, jul.name),
        }
    }
}
