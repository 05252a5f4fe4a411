# repr of bytes for every byte value 0..255 in rows of 16.
print(bytes(range(32, 48)).decode('ascii'), b'AZaz'.lower(), b'\x41\x42')
print(repr(b'tab\there'), repr(b'\\n is not a newline'))
for row in range(16):
    print(repr(bytes(range(row * 16, row * 16 + 16))))
print(repr(b"'"), repr(b'"'), repr(b'\'"'), repr(bytearray(b"it's")))
print(repr(b'\\'), repr(b'\t\n\r'), repr(b'\x00abc\xff'))
print(repr(bytes([92, 39, 34])), repr(bytearray(range(250, 256))))
for b in [b'', b' ', b'~', b'\x7f', b'\x80']:
    print(len(b), repr(b), list(b))
