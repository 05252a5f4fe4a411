# center/ljust/rjust/zfill/expandtabs with fill characters and widths smaller than length.
s = 'abc'
for w in [0, 2, 3, 4, 7, 8]:
    print(repr(s.center(w)), repr(s.ljust(w, '.')), repr(s.rjust(w, '*')), repr(s.center(w, '-')))
print('42'.zfill(5), '-42'.zfill(5), '+42'.zfill(5), '42'.zfill(1), 'abc'.zfill(6), ''.zfill(3), '-'.zfill(3))
print(repr('a\tbc\td'.expandtabs()), repr('a\tbc\td'.expandtabs(4)), repr('\t'.expandtabs(0)), repr('ab\n\tc'.expandtabs(3)))
try:
    s.center(10, '--')
except TypeError as e:
    print(type(e).__name__, e)
try:
    s.ljust('5')
except TypeError as e:
    print(type(e).__name__, e)
print('|' + 'x'.center(4) + '|', '|' + 'xy'.center(5) + '|', '|' + 'xyz'.center(6) + '|')
