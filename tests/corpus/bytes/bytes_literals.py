# bytes literals, escapes, indexing (ints), slicing (bytes), iteration and repr with escapes.
b = b'hello\x00\xff\n\t\'"\\'
print(b, len(b), b[0], b[-1], b[1:3], b[::-1], list(b[:3]))
print(b'', b'\x7f\x80', rb'raw\n', b'a' b'b', bytes([39]), bytes([34]), bytes([39, 34]))
print(b'abc' == b'abc', b'abc' < b'abd', b'a' in b'cat', 97 in b'cat', b'' in b'x', b'ab' + b'cd', b'ab' * 3)
for c in b'AZ':
    print(c, type(c).__name__, chr(c))
print(b'abc'[1:2], b'abc'[5:], bytes(2), b'\x01\x02'.hex(), repr(b'\r\x0b\x0c'))
try:
    b'abc'[3]
except IndexError as e:
    print(type(e).__name__, e)
try:
    b'abc' + 'def'
except TypeError as e:
    print(type(e).__name__, e)
try:
    'x' in b'xyz'
except TypeError as e:
    print(type(e).__name__, e)
try:
    b'abc'[0] = 1
except TypeError as e:
    print(type(e).__name__, e)
