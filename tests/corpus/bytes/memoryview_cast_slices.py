# memoryview: formats after cast, negative-step slices, nested slicing, writes through slices, errors.
buf = bytearray(range(16))
m = memoryview(buf)
print(m[::-1].tolist()[:4], m[2:10:3].tolist(), m[::-2][1:3].tolist(), m[5:2].tolist(), len(m[::3]), m[-3:].tobytes())
s = m[4:12]
s[0] = 200
s[1:3] = b'\xaa\xbb'
print(buf[:8], s.tolist(), s.nbytes, s.strides, m[::2].strides, m[::2].c_contiguous, m[::-1].contiguous)
for fmt in ['b', 'h', 'H', 'i', 'I', 'q', 'Q', 'c', '?', 'f', 'd', 'l', 'L']:
    c = m.cast(fmt)
    print(fmt, c.format, c.itemsize, len(c), c.tolist()[:3], c.nbytes)
w = memoryview(bytearray(8)).cast('i')
w[0] = -5
w[1] = 2**31 - 1
print(w.tolist(), bytes(w.obj))
for bad in [lambda: w.__setitem__(0, 2**31), lambda: w.__setitem__(0, 'x'), lambda: m.cast('x'),
            lambda: m[::2].cast('B'), lambda: w.cast('h'), lambda: m[1.5], lambda: m['a'], lambda: memoryview(b'ab') < memoryview(b'b'),
            lambda: m[16], lambda: m[-17], lambda: memoryview(b'a').__setitem__(0, 1), lambda: memoryview(5)]:
    try:
        print(bad())
    except Exception as e:
        print(type(e).__name__, e)
ro = m.toreadonly()
print(ro.readonly, ro == m, ro.tolist()[:3], memoryview(ro).readonly, b'x' in bytes(memoryview(b'xyz')), list(memoryview(b'hi')), memoryview(b'ab').hex(':'))
print(bytearray(memoryview(b'copy')), bytes(memoryview(b'abc')[1:]), memoryview(b'abc') != b'abd', memoryview(b'') == b'', str(b'q', 'ascii'))
