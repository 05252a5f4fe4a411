# time's local-time functions under a POSIX TZ rule with daylight saving time (.env:
# US Eastern as a rule string): tzname/timezone/altzone/daylight, localtime's DST flag,
# zone name and offset, mktime round trips across the transitions, and tzset.
import os
import time

print(time.timezone, time.altzone, time.daylight, time.tzname)
for secs in [0, 1700000000, 1720000000, 1710054000, 1710053999, 1730613600, 1730613599]:
    lt = time.localtime(secs)
    print(secs, lt, lt.tm_zone, lt.tm_gmtoff, time.mktime(lt) == secs)
print(time.ctime(1720000000), time.asctime(time.localtime(0)))
print(time.mktime((2024, 7, 1, 12, 0, 0, 0, 0, -1)), time.mktime((2024, 1, 1, 12, 0, 0, 0, 0, -1)))
print(time.mktime((2024, 7, 1, 12, 0, 0, 0, 0, 1)), time.mktime((2024, 1, 1, 12, 0, 0, 0, 0, 0)))
print(time.strftime("%Y-%m-%d %H:%M:%S %Z %z", time.localtime(1720000000)))
print(time.strftime("%Z %z", time.gmtime(0)), time.strftime("%Z %z", tuple(time.localtime(0))))
print(time.strftime("%Z|%z", (2024, 7, 1, 0, 0, 0, 0, 183, 1)), time.strftime("%Z|", (2024, 1, 1, 0, 0, 0, 0, 1, -1)))
l = time.localtime(1720000000)
print(time.strftime("%Z %z", time.struct_time(tuple(l), {"tm_zone": "ABC", "tm_gmtoff": -34200})))
os.environ["TZ"] = "UTC"
print(time.tzname)

# time.tzset() reads TZ as os.environ holds it.
for tz in ("JST-9", "CET-1CEST,M3.5.0,M10.5.0/3", "UTC0"):
    os.environ["TZ"] = tz
    time.tzset()
    print(tz, time.tzname, time.timezone, time.altzone, time.daylight)
    print(time.strftime("%Y-%m-%d %H:%M %Z %z", time.localtime(1700000000)),
          time.strftime("%H:%M %Z", time.localtime(1720000000)))
