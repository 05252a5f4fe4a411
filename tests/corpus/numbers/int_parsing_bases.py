# Integer literals in all bases with underscores, and conversion back with format/bin/oct/hex.
lits = [0b1011, 0o777, 0xDEAD_BEEF, 1_000_000, 0B11, 0O17, 0XfF, 0, 00, 0x0, 123456789012345678901234567890]
print(lits)
for base in [2, 3, 8, 10, 16, 36]:
    digits = '0123456789abcdefghijklmnopqrstuvwxyz'[:base]
    n = 0
    for i in range(20):
        n = n * base + (i * 7) % base
    s = ''
    m = n
    while m:
        s = digits[m % base] + s
        m //= base
    print(base, n, s, int(s, base) == n)
print(bin(1000), oct(1000), hex(1000), int(bin(1000), 2), int(oct(1000), 8), int(hex(1000), 16), int('0b1111101000', 0))
print(f'{1000:b} {1000:o} {1000:x} {1000:X}')
