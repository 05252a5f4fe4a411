# time.strftime in the C locale: every common directive, flags and widths, padding of
# odd years, unknown directives, and errors.
import time

def attempt(f, *args):
    try:
        print(repr(f(*args)))
    except Exception as e:
        print(type(e).__name__, e)

t = (2024, 2, 29, 13, 5, 9, 3, 60, 0)
attempt(time.strftime, "%Y-%m-%d %H:%M:%S %a %A %b %B %j %U %W %w %y %p %I %c %x %X %% %e %D", t)
attempt(time.strftime, "%T %F %G %g %V %u %C %h %n %t %R %k %l %P %r", t)
for y in [5, 999, -5, 0, 12345, 2021]:
    t = (y, 1, 1, 0, 0, 0, 4, 1, 0)
    attempt(time.strftime, "%Y|%y|%C|%G|%g|%F|%c|%x|%10Y|%-Y|%_5Y|%010d|%3a|%10A|%-10A|%010A|%#p|%U|%W|%V", t)
for day in range(1, 8):
    t = time.gmtime(1704067200 + 86400 * 358 + 86400 * day)
    attempt(time.strftime, "%Y-%m-%d %a %U %W %V %G %j %u %w", t)
g = time.gmtime(1000000000)
attempt(time.strftime, "%Ey %Od %-d %_d %05Y %^a %#b %#Z %5%|%E|%O|%Ez|%Q|%5Q %", g)
attempt(time.strftime, "%-H:%-M %_H %^B %^p %-j", g)
attempt(time.strftime, "", g)
attempt(time.strftime, "%%%", g)
attempt(time.strftime, "é%Y€", g)
attempt(time.strftime, "%Y", (2024, 0, 0, 0, 0, 0, 0, 0, 0))
attempt(time.strftime, "%Y %m %d %j", (10000, 1, 1, 0, 0, 0, 0, 1, 0))
attempt(time.strftime, "%s", time.gmtime(0))
attempt(time.strftime, "%s", time.gmtime(1720000000))
attempt(time.strftime, "%Y", (2024, 1, 1, 0, 0, 0, 0, 1, 5))
attempt(time.strftime, "a\0b", g)
attempt(time.strftime, 5, g)
attempt(time.strftime, "%Y", (2024, 13, 1, 0, 0, 0, 0, 1, 0))
attempt(time.strftime, "%Y", (2024, 1, 1))
attempt(time.strftime)
attempt(time.strftime, "%Y", g, 3)
print(type(time.strftime("%Y")).__name__)
