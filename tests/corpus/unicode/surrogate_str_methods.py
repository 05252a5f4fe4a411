# str methods, %-formatting, str.format and format() on strings holding lone surrogates.
s = 'Ab\ud800 c\udcff'
print(ascii(s.upper()), ascii(s.lower()), ascii(s.strip()), ascii(s.split()), ascii(s.replace('b', 'B')), s.find('\udcff'), s.count('\ud800'))
print(ascii(s.center(12, '*')), ascii(s.partition(' ')), ascii(s.title()), ascii(s.swapcase()), s.index('c'), ascii(s.zfill(9)), s.startswith('Ab\ud800'))
print(ascii(s.casefold()), ascii(s.expandtabs()), ascii(s.ljust(9)), ascii(s[::1].rstrip('\udcff')), ascii(s.rsplit('\ud800')), ascii(s.removeprefix('Ab\ud800')))
print(ascii('%s|%r|%a' % (s, s, s)), ascii('{}'.format(s)), ascii(format(s, '>10')), ascii(str.join(s, 'xy')), ascii(s.splitlines()), ascii(s.translate({0xd800: 'X'})))
print(ascii('{0!r:>20}'.format(s)), ascii(f'{s:*^12}'), ascii('%(k)s' % {'k': s}), ascii('\ud800{}'.format(1)), ascii('\ud800%d' % 5), ascii(str.upper('\udc80x')))
print(s.isidentifier(), s.isprintable(), s.isupper(), '\ud800'.islower(), ascii(s.rfind('\udcff')), ascii(s.rjust(10, '\udc00')), ascii('a\ud800'.capitalize()))
for bad in [lambda: s.index('\udc00'), lambda: s.encode(), lambda: '{:d}'.format(s)]:
    try:
        print(bad())
    except Exception as e:
        print(type(e).__name__, e)
