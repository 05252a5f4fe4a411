# bytes/bytearray split, strip, partition, count, find with ints and bytes-likes, and case methods on non-ASCII bytes.
b = b'  Hello,\tWorld\xe9\xff ,, x  '
for t in (bytes, bytearray):
    v = t(b)
    print(v.split(), v.split(b','), v.split(b',', 1), v.rsplit(None, 1), v.strip(), v.strip(b' x'), v.lstrip(), v.rstrip(b' x'), v.partition(b','), v.rpartition(b','))
    print(v.find(b'o'), v.find(111), v.rfind(b'o'), v.count(b','), v.count(44), v.index(b'W'), v.startswith(b'  H'), v.endswith((b'x  ', b'q')), v.upper(), v.lower(), v.swapcase(), v.title())
    print(v.find(memoryview(b'W')), v.split(bytearray(b',')), v.replace(b',', b';'), v.center(40, b'.'), v.expandtabs(2), v.isalpha(), v.islower(), v.isspace(), v.istitle())
for bad in [lambda: b'a'.split(b''), lambda: b'a'.find('a'), lambda: b'a'.find(256), lambda: b'a'.strip('a'), lambda: b'a'.count(None), lambda: b'a'.partition(97)]:
    try:
        print(bad())
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
