# bytes() and bytearray() constructors: from int, iterable, str with encoding, and errors.
print(bytes(), bytes(3), bytes([65, 66, 67]), bytes(range(5)), bytes('héllo', 'utf-8'), bytes(b'copy'))
print(bytes('abc', encoding='ascii'), bytes('ü', 'latin-1'), bytearray(b'xyz'), bytearray(2), bytearray([1, 255]))
print(bytes([0, 10, 13, 9, 39, 34, 92, 127, 128, 255]))
print(bytes(b'a' * 3), list(b'AZ'), bytes.fromhex('de ad BE EF'), bytes.fromhex(''))
bad = [lambda: bytes([256]), lambda: bytes([-1]), lambda: bytes('abc'), lambda: bytes('é', 'ascii'),
       lambda: bytes(-1), lambda: bytes(['a']), lambda: bytes.fromhex('abc'), lambda: bytes(1.5)]
for b in bad:
    try:
        print(b())
    except (ValueError, TypeError, UnicodeEncodeError) as e:
        print(type(e).__name__, e)
