# int formatting in every radix with grouping, alternate forms, signs and fill, plus bin/oct/hex builtins.
for n in [0, 1, -1, 10, -255, 65535, 2**40, -(2**64) + 1]:
    print(n, bin(n), oct(n), hex(n), format(n, '_b'), format(n, '#_o'), format(n, '_x'), format(n, '#,d'), format(n, '+#x'), format(n, '0=12,'), format(n, '*>+#14_b')[-14:], format(n, 'X'), '%#x %o' % (n, n))
class Idx:
    def __index__(self):
        return 42
print(bin(Idx()), hex(Idx()), oct(Idx()), format(Idx() .__index__(), 'c'), format(65, 'c'), format(0x1F600, 'c'))
for bad in [lambda: hex(1.5), lambda: format(1, '#c'), lambda: format(-1, 'c'), lambda: format(0x110000, 'c'), lambda: format(1, ',b'), lambda: format(1, '+c'), lambda: bin('1')]:
    try:
        print(bad())
    except (TypeError, ValueError, OverflowError) as e:
        print(type(e).__name__, e)
