# time's calendar functions in UTC (the .env sets TZ=UTC): gmtime, localtime, mktime,
# asctime, ctime, timezone attributes, and their errors.
import time

def attempt(f, *args):
    try:
        print(repr(f(*args)))
    except Exception as e:
        print(type(e).__name__, e)

print(time.timezone, time.altzone, time.daylight, time.tzname)
for secs in [0, 1.9, -1.5, 86399, 951782400, 1720000000, 253402300800, -62135596801, 2**31, -2**31]:
    g = time.gmtime(secs)
    print(secs, g, g.tm_zone, g.tm_gmtoff)
print(time.localtime(1720000000), time.localtime(1720000000).tm_zone)
print(time.mktime(time.localtime(1720000000)), time.mktime((2024, 1, 1, 0, 0, 0, 0, 1, 0)))
print(time.mktime((2024, 14, 40, 25, 61, 70, 0, 1, -1)), time.mktime((1969, 12, 31, 23, 59, 59, 0, 0, 0)))
print(time.mktime(time.gmtime(0)), time.mktime((2024, 2, 29, 12, 0, 0, 0, 0, -1)))
print(time.asctime(time.gmtime(0)), time.ctime(0), time.ctime(1720000000.7))
print(time.asctime((2024, 1, 1, 0, 0, 0, 0, 1, 0)), time.asctime((10000, 1, 1, 0, 0, 0, 0, 1, 0)))
print(time.asctime((-5, 1, 1, 0, 0, 0, 0, 1, 0)), time.asctime((2024, 0, 0, 0, 0, 0, 0, 0, 0)))
print(time.asctime((2024, 1, 1, 0, 0, 61, 7, 1, 0)), time.asctime((2024, 1, 1, 0, 0, 0, -1, 1, 0)))
print(type(time.gmtime()).__name__, len(time.localtime()), time.gmtime(None).tm_year > 2000)
print(time.gmtime(time.mktime(time.localtime(12345)))[:6])

attempt(time.gmtime, "x")
attempt(time.gmtime, float("nan"))
attempt(time.gmtime, 1e20)
attempt(time.gmtime, 1e17)
attempt(time.gmtime, 2**70)
attempt(time.gmtime, 1, 2)
attempt(time.localtime, [])
attempt(time.ctime, "x")
for bad in [(2024, 13, 1, 0, 0, 0, 0, 1, 0), (2024, 1, 32, 0, 0, 0, 0, 1, 0),
            (2024, 1, 1, 24, 0, 0, 0, 1, 0), (2024, 1, 1, 0, 60, 0, 0, 1, 0),
            (2024, 1, 1, 0, 0, 62, 0, 1, 0), (2024, 1, 1, 0, 0, 0, -2, 1, 0),
            (2024, 1, 1, 0, 0, 0, 0, 367, 0), (2024, 1, 1, 0, 0, 0, 0, 1),
            [2024, 1, 1, 0, 0, 0, 0, 1, 0], 5, (2024, 1, 1, 0, 0, 0, 0, 1, "x"),
            (2**40, 1, 1, 0, 0, 0, 0, 1, 0), (-2**40, 1, 1, 0, 0, 0, 0, 1, 0),
            (2024.0, 1, 1, 0, 0, 0, 0, 1, 0)]:
    attempt(time.asctime, bad)
attempt(time.asctime, (2024, 1, 1, 0, 0, 0, 0, 1, 0), 1)
attempt(time.mktime, (2024, 1, 1, 0, 0, 0, 0, 1))
attempt(time.mktime)
attempt(time.mktime, (2**40, 1, 1, 0, 0, 0, 0, 1, 0))
attempt(time.tzset, 1)
