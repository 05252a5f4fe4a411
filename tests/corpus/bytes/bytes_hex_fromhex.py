# bytes.hex/fromhex with separators, bytes(int) and bytes(iterable) errors, bytes comparisons and repr escapes.
b = bytes(range(0, 256, 17))
print(b.hex(), b.hex('-'), b.hex(':', 3), b.hex(':', -3), b.hex(b'|', 1), bytearray(b).hex(' ', 4), b''.hex(':'))
print(bytes.fromhex(''), bytes.fromhex('  00ff\t10\n'), bytearray.fromhex('aB cD'), bytes.fromhex('0102').hex())
for bad in [lambda: b.hex('::'), lambda: b.hex('é'), lambda: b.hex(1), lambda: bytes.fromhex('1'), lambda: bytes.fromhex('zz'), lambda: bytes.fromhex(b'00'),
            lambda: bytes([1, -1]), lambda: bytes([1.5]), lambda: bytes('abc'), lambda: bytes(1.5), lambda: bytes(None), lambda: bytearray('x', 'nope')]:
    try:
        print(bad())
    except Exception as e:
        print(type(e).__name__, e)
print(repr(bytes(range(0, 256, 7))), repr(bytearray(b"it's")), repr(b'"'), repr(b'\'"'), b'a' < b'b', b'ab' < b'abc', b'' == bytearray())
print(b'abc'[1], b'abc'[-1:], b'abc' + bytearray(b'd'), bytearray(b'x') + b'y', b'ab' * 0, list(b'\x00\xff'), b'%b' % b'z', 98 in b'abc', b'bc' in b'abc')
for bad in [lambda: 'a' in b'abc', lambda: 256 in b'abc', lambda: b'a' + 1, lambda: b'abc'[10], lambda: b'a'.join(['a'])]:
    try:
        print(bad())
    except Exception as e:
        print(type(e).__name__, e)
