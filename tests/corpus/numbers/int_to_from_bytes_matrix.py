# int.to_bytes / int.from_bytes round trips across lengths, byte orders and signedness, with overflow errors.
for n in [0, 1, -1, 127, 128, -128, -129, 255, 256, 32767, -32768, 65535, 2**63 - 1, -(2**63), 2**64 - 1]:
    row = []
    for length in (1, 2, 8, 9):
        for order in ('big', 'little'):
            for signed in (False, True):
                try:
                    b = n.to_bytes(length, order, signed=signed)
                    row.append(b.hex() if int.from_bytes(b, order, signed=signed) == n else 'BAD')
                except OverflowError as e:
                    row.append(str(e)[:22])
    print(n, row)
print(int.from_bytes(b'\xff' * 9, 'big', signed=True), int.from_bytes(b'\x00\x80', 'little', signed=True), int.from_bytes(iter([1, 2]), 'big'))
for bad in [lambda: (1).to_bytes(1, 'BIG'), lambda: (1).to_bytes(length=-1), lambda: int.from_bytes(b'a', 'mid'), lambda: int.from_bytes([256]), lambda: (1).to_bytes('1')]:
    try:
        print(bad())
    except (ValueError, TypeError, OverflowError) as e:
        print(type(e).__name__, e)
