# int methods: bit_length, bit_count, to_bytes/from_bytes, conjugate, numerator/denominator, real/imag.
for n in [0, 1, -1, 7, 8, -8, 255, 256, 2 ** 64, -2 ** 64 + 1]:
    print(n, n.bit_length(), n.bit_count(), n.conjugate(), n.numerator, n.denominator, n.real, n.imag)
print((1024).to_bytes(2, 'big'), (1024).to_bytes(2, 'little'), (0).to_bytes(0, 'big'), (255).to_bytes(1, byteorder='big'))
print((-1).to_bytes(2, 'big', signed=True), (-129).to_bytes(2, 'little', signed=True), (2 ** 70).to_bytes(9, 'big'))
print((5).to_bytes(), (65535).to_bytes(2))
print(int.from_bytes(b'\x04\x00', 'big'), int.from_bytes(b'\x04\x00', 'little'), int.from_bytes(b'\xff\xff', 'big', signed=True))
print(int.from_bytes(b'', 'big'), int.from_bytes([1, 0, 0], 'big'), int.from_bytes(b'\x80', signed=True), int.from_bytes(b'\x01' * 10, 'little'))
print((10).as_integer_ratio(), (-3).as_integer_ratio(), (5).is_integer(), True.bit_length(), int.__name__)
for bad in [lambda: (256).to_bytes(1, 'big'), lambda: (-1).to_bytes(1, 'big'), lambda: (1).to_bytes(1, 'middle'),
            lambda: (128).to_bytes(1, 'big', signed=True), lambda: int.from_bytes('ab', 'big'), lambda: (1).to_bytes(-1, 'big')]:
    try:
        print(bad())
    except (OverflowError, ValueError, TypeError) as e:
        print(type(e).__name__, e)
