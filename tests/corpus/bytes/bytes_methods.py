# bytes methods: decode/hex/split/join/find/replace/startswith/strip/upper/count/partition.
b = b'  Hello, World! Hello!  '
print(b.strip(), b.lstrip(), b.rstrip(b' !'), b.upper(), b.lower(), b.swapcase(), b.title())
print(b.split(), b.split(b','), b.split(b'l', 2), b.rsplit(None, 1), b.strip().split(b'Hello'))
print(b'-'.join([b'a', b'b', bytearray(b'c')]), b''.join([]), b.find(b'Hello'), b.find(b'Hello', 5), b.rfind(b'o'), b.find(72))
print(b.replace(b'Hello', b'Bye'), b.replace(b'l', b'L', 2), b.count(b'l'), b.count(b'Hello', 0, 10), b.index(b'W'))
print(b.strip().startswith(b'Hello'), b.endswith((b'  ', b'x')), b.startswith(b'Hello', 2), b.partition(b','), b.rpartition(b'!'))
print(b'deadbeef'.hex(), b'\x00\x01\xfe'.hex(), b'abc'.hex('-'), bytes.fromhex('616263'), b'abc'.hex(':', 2))
print(b'caf\xc3\xa9'.decode(), b'caf\xc3\xa9'.decode('latin-1'), b'abc'.decode('ascii'), b'12'.isdigit(), b'ab'.isalpha())
print(b'a\nb\r\nc'.splitlines(), b'x'.center(5, b'*'), b'7'.zfill(3), b'abc'.ljust(5) + b'|')
try:
    b'abc'.join(['x'])
except TypeError as e:
    print(type(e).__name__, e)
try:
    b'abc'.index(b'z')
except ValueError as e:
    print(type(e).__name__, e)
