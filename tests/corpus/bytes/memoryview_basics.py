# memoryview basics: tolist, slicing, len, release, context manager, bytes(), format/itemsize, readonly, nbytes, cast.
m = memoryview(b'abcdef')
print(m.tolist(), len(m), m[0], m[-1], bytes(m[1:3]), m[::2].tolist(), m.format, m.itemsize, m.readonly, m.nbytes, m.ndim, m.shape, m.strides)
print(m.tobytes(), m.hex(), m == b'abcdef', m[1:4] == b'bcd', bytes(m) == b'abcdef', m.obj, m.c_contiguous, m.contiguous)
ba = bytearray(b'xyz')
mv = memoryview(ba)
mv[0] = 65
mv[1:] = b'BC'
print(ba, mv.readonly, mv.tolist(), list(mv), mv.tobytes())
with memoryview(b'ctx') as c:
    print(c.tolist())
try:
    c.tolist()
except ValueError as e:
    print('ValueError:', e)
r = memoryview(b'q')
r.release(); r.release()
try:
    len(r)
except ValueError as e:
    print('ValueError:', e)
print(repr(r).startswith('<released memory at 0x'), repr(m).startswith('<memory at 0x'))
c2 = memoryview(bytearray(b'\x01\x00\x02\x00')).cast('H')
print(c2.tolist(), c2.format, c2.itemsize, len(c2), c2.nbytes, c2.cast('B').tolist())
for bad in [lambda: m.__setitem__(0, 1), lambda: m[10], lambda: memoryview('abc'), lambda: mv.__setitem__(0, 256), lambda: mv.__setitem__(slice(0, 2), b'a'), lambda: hash(mv), lambda: memoryview(bytearray(b'abc')).cast('H')]:
    try:
        print(bad())
    except Exception as e:
        print(type(e).__name__, e)
print(hash(memoryview(b'ab')) == hash(b'ab'), memoryview(b'ab') == memoryview(b'ab'), b''.join([memoryview(b'a'), b'b']))
