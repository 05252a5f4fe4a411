"""Parsing of time strings for time.strptime, in the C locale.

Each directive becomes a named regular-expression group; the matched groups are then
turned into the nine struct_time fields (filling in the weekday and the day of the year
from the date when the format does not give them).
"""

import re as _re
import time as _time

_DAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
_MONTHS = ["january", "february", "march", "april", "may", "june", "july",
           "august", "september", "october", "november", "december"]


def _alternatives(name, words):
    ordered = sorted(words, key=len, reverse=True)
    return "(?P<%s>%s)" % (name, "|".join(_re.escape(w) for w in ordered))


def _zone_names():
    names = {"utc", "gmt"}
    for n in _time.tzname:
        names.add(n.lower())
    return names


def _patterns():
    return {
        "d": r"(?P<d>3[01]|[12]\d|0[1-9]|[1-9]| [1-9])",
        "f": r"(?P<f>[0-9]{1,6})",
        "H": r"(?P<H>2[0-3]|[0-1]\d|\d)",
        "I": r"(?P<I>1[0-2]|0[1-9]|[1-9])",
        "G": r"(?P<G>\d\d\d\d)",
        "j": r"(?P<j>36[0-6]|3[0-5]\d|[12]\d\d|0[1-9]\d|00[1-9]|[1-9]\d|0[1-9]|[1-9])",
        "m": r"(?P<m>1[0-2]|0[1-9]|[1-9])",
        "M": r"(?P<M>[0-5]\d|\d)",
        "S": r"(?P<S>6[0-1]|[0-5]\d|\d)",
        "U": r"(?P<U>5[0-3]|[0-4]\d|\d)",
        "W": r"(?P<W>5[0-3]|[0-4]\d|\d)",
        "w": r"(?P<w>[0-6])",
        "u": r"(?P<u>[1-7])",
        "V": r"(?P<V>5[0-3]|0[1-9]|[1-4]\d|\d)",
        "y": r"(?P<y>\d\d)",
        "Y": r"(?P<Y>\d\d\d\d)",
        "z": r"(?P<z>[+-]\d\d:?[0-5]\d(:?[0-5]\d(\.\d{1,6})?)?|(?-i:Z))",
        "A": _alternatives("A", _DAYS),
        "a": _alternatives("a", [d[:3] for d in _DAYS]),
        "B": _alternatives("B", _MONTHS),
        "b": _alternatives("b", [m[:3] for m in _MONTHS]),
        "h": _alternatives("h", [m[:3] for m in _MONTHS]),
        "p": _alternatives("p", ["am", "pm"]),
        "Z": _alternatives("Z", _zone_names()),
        "%": "%",
    }


# The C locale's composite formats, as the parser sees them.
_COMPOSITE = {"c": "%a %b %d %H:%M:%S %Y", "x": "%m/%d/%y", "X": "%H:%M:%S"}


def _to_regex(fmt):
    patterns = _patterns()
    out = []
    i = 0
    n = len(fmt)
    while i < n:
        ch = fmt[i]
        if ch == "%":
            if i + 1 >= n:
                raise ValueError("stray %% in format '%s'" % fmt)
            d = fmt[i + 1]
            if d in _COMPOSITE:
                out.append(_to_regex(_COMPOSITE[d]))
            elif d in patterns:
                out.append(patterns[d])
            else:
                raise KeyError(d)
            i += 2
        elif ch.isspace():
            while i < n and fmt[i].isspace():
                i += 1
            out.append(r"\s+")
        else:
            out.append(_re.escape(ch))
            i += 1
    return "".join(out)


def _days_from_civil(y, m, d):
    if m <= 2:
        y -= 1
    era = y // 400
    yoe = y - era * 400
    doy = (153 * ((m + 9) % 12) + 2) // 5 + d - 1
    doe = yoe * 365 + yoe // 4 - yoe // 100 + doy
    return era * 146097 + doe - 719468


def _civil_from_days(days):
    z = days + 719468
    era = z // 146097
    doe = z - era * 146097
    yoe = (doe - doe // 1460 + doe // 36524 - doe // 146096) // 365
    doy = doe - (365 * yoe + yoe // 4 - yoe // 100)
    mp = (5 * doy + 2) // 153
    d = doy - (153 * mp + 2) // 5 + 1
    m = mp + 3 if mp < 10 else mp - 9
    return yoe + era * 400 + (m <= 2), m, d


def _month_length(y, m):
    if m == 2:
        return 29 if (y % 4 == 0 and (y % 100 != 0 or y % 400 == 0)) else 28
    return 30 if m in (4, 6, 9, 11) else 31


def _weekday(y, m, d):
    return (_days_from_civil(y, m, d) + 3) % 7


def _parse_offset(z):
    if z == "Z":
        return 0
    sign = -1 if z[0] == "-" else 1
    body = z[1:]
    if ":" in body:
        parts = body.split(":")
        if len(parts) == 2 and len(parts[1]) == 2 or len(parts) == 3:
            pass
        else:
            raise ValueError("Inconsistent use of : in %s" % z)
        hours, minutes = int(parts[0]), int(parts[1])
        seconds = float(parts[2]) if len(parts) == 3 else 0
    else:
        hours, minutes = int(body[:2]), int(body[2:4])
        seconds = float(body[4:]) if len(body) > 4 else 0
    return sign * int(hours * 3600 + minutes * 60 + seconds)


def _strptime(data_string, format="%a %b %d %H:%M:%S %Y"):
    for index, arg in enumerate([data_string, format]):
        if not isinstance(arg, str):
            raise TypeError("strptime() argument %d must be str, not %s" % (index, type(arg)))
    try:
        pattern = _to_regex(format)
    except KeyError as err:
        raise ValueError("'%s' is a bad directive in format '%s'" % (err.args[0], format)) from None
    found = _re.match(pattern, data_string, _re.IGNORECASE)
    if not found:
        raise ValueError("time data %r does not match format %r" % (data_string, format))
    if len(data_string) != found.end():
        raise ValueError("unconverted data remains: %s" % data_string[found.end():])
    g = found.groupdict()
    year = None
    month = day = 1
    hour = minute = second = 0
    tz = -1
    gmtoff = None
    tzname = None
    weekday = julian = None
    week_of_year = None
    week_starts_monday = False
    iso_year = iso_week = None
    for key, value in g.items():
        if value is None:
            continue
        if key == "y":
            year = int(value)
            year += 2000 if year <= 68 else 1900
        elif key == "Y":
            year = int(value)
        elif key == "G":
            iso_year = int(value)
        elif key == "m":
            month = int(value)
        elif key in ("B", "b", "h"):
            names = _MONTHS if key == "B" else [m[:3] for m in _MONTHS]
            month = names.index(value.lower()) + 1
        elif key == "d":
            day = int(value)
        elif key == "H":
            hour = int(value)
        elif key == "I":
            hour = int(value)
            ampm = (g.get("p") or "").lower()
            if ampm in ("", "am"):
                if hour == 12:
                    hour = 0
            elif hour != 12:
                hour += 12
        elif key == "M":
            minute = int(value)
        elif key == "S":
            second = int(value)
        elif key in ("A", "a"):
            names = _DAYS if key == "A" else [d[:3] for d in _DAYS]
            weekday = names.index(value.lower())
        elif key == "w":
            weekday = (int(value) - 1) % 7
        elif key == "u":
            weekday = int(value) - 1
        elif key == "j":
            julian = int(value)
        elif key in ("U", "W"):
            week_of_year = int(value)
            week_starts_monday = key == "W"
        elif key == "V":
            iso_week = int(value)
        elif key == "z":
            gmtoff = _parse_offset(value)
        elif key == "Z":
            tzname = value
            low = value.lower()
            if low in ("utc", "gmt"):
                tz = 0
            else:
                names = [n.lower() for n in _time.tzname]
                if low in names:
                    if not (names[0] == names[1] and _time.daylight):
                        tz = names.index(low)
    if iso_year is not None and iso_week is not None and weekday is not None:
        jan4 = _days_from_civil(iso_year, 1, 4)
        monday = jan4 - (jan4 + 3) % 7
        year, month, day = _civil_from_days(monday + (iso_week - 1) * 7 + weekday)
        julian = None
    if year is None:
        year = 1900
    if julian is None and weekday is not None and week_of_year is not None:
        first = _weekday(year, 1, 1)
        wd = weekday
        if not week_starts_monday:
            first = (first + 1) % 7
            wd = (wd + 1) % 7
        if week_of_year == 0:
            julian = 1 + wd - first
        else:
            julian = 1 + (7 - first) % 7 + 7 * (week_of_year - 1) + wd
        if julian <= 0:
            year -= 1
            julian += 366 if _month_length(year, 2) == 29 else 365
    if julian is None:
        if day > _month_length(year, month):
            raise ValueError("day is out of range for month")
        julian = _days_from_civil(year, month, day) - _days_from_civil(year, 1, 1) + 1
    else:
        year, month, day = _civil_from_days(_days_from_civil(year, 1, 1) + julian - 1)
    if weekday is None:
        weekday = _weekday(year, month, day)
    return (year, month, day, hour, minute, second, weekday, julian, tz, tzname, gmtoff)


def _strptime_time(data_string, format="%a %b %d %H:%M:%S %Y"):
    t = _strptime(data_string, format)
    return _time.struct_time(t[:9], {"tm_zone": t[9], "tm_gmtoff": t[10]})
