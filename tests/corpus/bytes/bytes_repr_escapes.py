# repr of bytes for every byte value 0..255 in rows of 16.
for row in range(16):
    print(repr(bytes(range(row * 16, row * 16 + 16))))
print(repr(b"'"), repr(b'"'), repr(b'\'"'), repr(bytearray(b"it's")))
