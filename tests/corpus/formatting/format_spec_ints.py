# Format specs for integers: fill/align/sign/#/0/width/,/_ and types d b o x X c n.
n = 1234567
for spec in ['', 'd', '10d', '<10d', '^10d', '>10d', '=+10d', '+d', ' d', '-d', ',', '_', '_b', '_x', '015,d',
             'b', '#b', 'o', '#o', 'x', '#x', 'X', '#X', '#012x', '*^15,', 'n', '020_d']:
    print(repr(spec), repr(format(n, spec)), repr(format(-n, spec)))
print(format(65, 'c'), format(0x263A, 'c'), format(0, '#b'), format(0, '+'), format(-0, ' '))
print(format(2 ** 100, ','), format(-2 ** 70, '_x'), format(True, '>5'), format(False, '05d'))
print('{:=^12}'.format(-42), '{:0=8}'.format(-42), '{:08}'.format(-42), '{:x<8}'.format(-42))
for spec in ['.2d', ',b', 'c,', '=s', 'ç']:
    try:
        print(format(42, spec))
    except ValueError as e:
        print(repr(spec), type(e).__name__, e)
try:
    format(-1, 'c')
except (ValueError, OverflowError) as e:
    print(type(e).__name__, e)
