# int methods: bit_length, bit_count, to_bytes/from_bytes, as_integer_ratio, is_integer, conjugate.
for n in [0, 1, -1, 255, -256, 2**63, -(2**63), 10**40, -(10**40) + 1]:
    print(n, n.bit_length(), n.bit_count(), n.as_integer_ratio(), n.is_integer(), n.conjugate(), n.numerator, n.denominator, n.real, n.imag)
for n, length, order, signed in [(1024, 2, 'big', False), (1024, 4, 'little', False), (-1, 1, 'big', True),
                                 (-129, 2, 'big', True), (127, 1, 'little', True), (2**64 - 1, 8, 'big', False), (0, 0, 'big', False)]:
    b = n.to_bytes(length, order, signed=signed)
    print(n, b, int.from_bytes(b, order, signed=signed))
print((258).to_bytes(2), (1).to_bytes(), int.from_bytes(b'\xff\xfe'), int.from_bytes([1, 2, 3], 'little'), int.from_bytes(b'', 'big'))
print(int.from_bytes(b'\x80', 'big', signed=True), int.from_bytes(bytearray(b'\x01\x00'), byteorder='little'))
for args in [(256, 1, 'big'), (-1, 1, 'big'), (128, 1, 'big', True), (1, -1, 'big'), (1, 2, 'middle')]:
    try:
        n, *rest = args
        signed = len(rest) == 3 and rest.pop()
        print(n.to_bytes(*rest, signed=signed))
    except Exception as e:
        print(type(e).__name__, e)
try:
    int.from_bytes('abc', 'big')
except Exception as e:
    print(type(e).__name__, e)
print(int.__index__(7), (7).__index__(), int(True), (-7).__abs__(), (5).__neg__(), (3).__invert__())
print(divmod(7, -2), divmod(-7, 2), divmod(-7, -2), 7 // -2, -7 % 3, 7 % -3, -(10**30) // 7, -(10**30) % 7)
