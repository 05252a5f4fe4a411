# bytes.maketrans/translate, bytearray translate, delete argument, and errors.
t = bytes.maketrans(b'abc', b'ABC')
print(len(t), t[97:100], b'aabbcc'.translate(t), bytearray(b'cab').translate(t), b'abc'.translate(t, b'b'), b'abc'.translate(None, b'ac'), bytearray.maketrans(b'x', b'y')[120])
print(b'hello'.translate(None), b''.translate(t), b'\xff\x00'.translate(bytes(range(255, -1, -1))), bytearray(b'abc').translate(None, bytearray(b'b')))
for bad in [lambda: bytes.maketrans(b'ab', b'a'), lambda: b'a'.translate(b'short'), lambda: b'a'.translate('x' * 256), lambda: bytes.maketrans('a', 'b'), lambda: b'a'.translate(None, 'a')]:
    try:
        print(bad())
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
