# memoryview: deletion errors, bytes()/bytearray() of views, views of views, released state.
m = memoryview(bytearray(b'abcdef'))
for bad in [lambda: m.__delitem__(0), lambda: memoryview(b'x').__delitem__(0)]:
    try:
        bad()
    except TypeError as e:
        print('TypeError:', e)
try:
    del m[1:2]
except TypeError as e:
    print('TypeError:', e)
print(bytes(m), bytearray(m[::2]), bytes(memoryview(m)[1:3]), memoryview(m).readonly, memoryview(m).obj is m.obj, len(memoryview(m[2:])))
v = memoryview(b'released')
v2 = v[1:]
v.release()
print(v2.tobytes(), repr(v).startswith('<released'))
for bad in [lambda: v[0], lambda: v.tolist(), lambda: v.format, lambda: bytes(v), lambda: v == v2, lambda: memoryview(v)]:
    try:
        print(bad())
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
print(v == v, v != v2)
