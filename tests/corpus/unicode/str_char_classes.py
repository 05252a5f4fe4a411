# Character classes over ranges of code points: isdigit/isdecimal/isnumeric/isalpha/isspace/isprintable/isidentifier.
import sys
ranges = [(0, 0x300), (0x600, 0x700), (0x900, 0x980), (0x2000, 0x2100), (0x2150, 0x2190), (0x2460, 0x24ff), (0x3000, 0x3010), (0xff00, 0xff20), (0x1d7ce, 0x1d800), (0x10100, 0x10140)]
for lo, hi in ranges:
    counts = [0] * 8
    sig = 0
    for cp in range(lo, hi):
        c = chr(cp)
        flags = [c.isdigit(), c.isdecimal(), c.isnumeric(), c.isalpha(), c.isspace(), c.isprintable(), c.isidentifier(), c.isalnum()]
        for i, f in enumerate(flags):
            counts[i] += f
            sig = (sig * 31 + f * (i + 1)) % 1000000007
    print(hex(lo), hex(hi), counts, sig)
print('_a1'.isidentifier(), '1a'.isidentifier(), '℘x'.isidentifier(), '℮'.isidentifier(), 'a·b'.isidentifier(), '·'.isidentifier(), ''.isidentifier())
print(int('١٢٣'), int('１２'), float('٣.٥'), '²'.isdigit(), '²'.isdecimal(), '⅕'.isnumeric(), '〇'.isnumeric())
try:
    int('²')
except ValueError as e:
    print('ValueError:', e)
