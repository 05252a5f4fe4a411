# bytes and bytearray methods over sample values.
samples = [b'', b'abc', b'Hello World', b'  pad  ', b'a,b,,c', b'\x00\xff\x80', b'line1\nline2\r\nx', b'tab\tx', b'123']
for s in samples:
    for t in (bytes, bytearray):
        v = t(s)
        print(repr(v))
        print(' ', v.upper(), v.lower(), v.title(), v.capitalize(), v.swapcase(), v.isalpha(), v.isalnum(), v.isdigit(), v.isspace(), v.isupper(), v.islower(), v.istitle(), v.isascii())
        print(' ', v.split(), v.split(b','), v.rsplit(None, 1), v.splitlines(), v.splitlines(True), v.partition(b' '), v.rpartition(b'a'))
        print(' ', v.strip(), v.lstrip(b' a'), v.rstrip(b'x '), v.center(13, b'*'), v.ljust(12, b'-'), v.rjust(12), v.zfill(8), v.expandtabs(4))
        print(' ', v.find(b'a'), v.rfind(97), v.count(b'a'), v.startswith((b'a', b'H')), v.endswith(b'c'), v.replace(b'a', b'A', 1), v.hex(), v.hex(':', 2))
        print(' ', v.removeprefix(b'ab'), v.removesuffix(b'ld'), v.decode('latin-1'), len(v), v[::-1], v[1:3], list(v[:3]), v.join([b'x', b'y']))
print(bytes.fromhex('de ad BE EF'), bytearray.fromhex('0102'), bytes.maketrans(b'ab', b'xy'), b'abc'.translate(bytes.maketrans(b'abc', b'xyz'), b'b'))
print(b'abc'.translate(None, b'a'), bytes(3), bytes([1, 2]), bytes(b'x'), bytes('é', 'utf-8'), bytes(range(3)), bytearray(2), b'a' * 3, 3 * b'ab')
for bad in [lambda: b'abc'.index(b'z'), lambda: bytes.fromhex('0g'), lambda: b'a' + 'b', lambda: bytes([256]), lambda: bytes(-1),
            lambda: b'a'.center(5, b'ab'), lambda: b'x'.split(b''), lambda: b'%d' % b'1', lambda: bytes('a'), lambda: b'a'.decode('ascii', 'bogus') + b'\xff'.decode('ascii', 'bogus'),
            lambda: bytes.fromhex('abc'), lambda: b'abc'[5], lambda: bytearray(b'a').pop(5), lambda: bytearray().pop(), lambda: bytearray(b'a').remove(9)]:
    try:
        print(bad())
    except Exception as e:
        print(type(e).__name__, e)
print(sorted(n for n in dir(bytes) if not n.startswith('_')))
print(sorted(n for n in dir(bytearray) if not n.startswith('_')))
