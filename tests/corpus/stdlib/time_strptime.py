# time.strptime in the C locale: common directives, defaults, week-based dates,
# time zones and offsets, and its errors.
import time

def attempt(*args):
    try:
        r = time.strptime(*args)
        print(r, r.tm_zone, r.tm_gmtoff)
    except Exception as e:
        print(type(e).__name__, e)

attempt("2024-02-29 13:05:09", "%Y-%m-%d %H:%M:%S")
attempt("Thu Feb 29 13:05:09 2024", "%a %b %d %H:%M:%S %Y")
attempt("Thu Feb 29 13:05:09 2024")
attempt("thursday FEBRUARY 29 2024", "%A %B %d %Y")
attempt("24 1 pm", "%y %I %p")
attempt("69 12 am", "%y %I %p")
attempt("060 2024", "%j %Y")
attempt("1 12 2024", "%I %H %Y")
attempt("  2024  ", " %Y ")
attempt("2024\t03", "%Y %m")
attempt("Monday 2024 10", "%A %Y %W")
attempt("Sunday 2024 0", "%A %Y %U")
attempt("Tuesday 2023 0", "%A %Y %W")
attempt("2024 1 3", "%G %V %u")
attempt("1.5 2024", "%S.%f %Y")
attempt("02/29/24 23:59:60", "%x %X")
attempt("Thu Feb 29 13:05:09 2024", "%c")
attempt("+0130 2024", "%z %Y")
attempt("-07:30 2024", "%z %Y")
attempt("Z 2024", "%z %Y")
attempt("UTC 2024", "%Z %Y")
attempt("gmt 2024", "%Z %Y")
attempt("100% 2024", "100%% %Y")
attempt("x", "%Q")
attempt("2024", "%Y%")
attempt("2024x", "%Y")
attempt("abc", "%Y")
attempt("2023 02 29", "%Y %m %d")
attempt("2024 99", "%Y %d")
attempt("2024 13", "%Y %m")
attempt(5)
attempt("5", 5)
attempt()
