# bytearray: mutation via index/slice, append/extend/pop/remove/insert, conversions.
ba = bytearray(b'hello')
ba[0] = ord('J')
ba.append(33)
ba.extend(b' world')
print(ba, len(ba), bytes(ba))
ba[1:5] = b'ELLO'
print(ba)
del ba[-6:]
print(ba, ba.pop(), ba, ba.pop(0), ba)
ba.insert(0, 65)
ba.remove(ord('L'))
print(ba, ba.decode(), ba.upper(), ba.find(b'L'))
ba += b'++'
ba *= 2
print(ba, ba == b'ALO++ALO++' if False else ba.count(b'+'))
for bad in [lambda: ba.__setitem__(0, 256), lambda: ba.append(-1), lambda: ba.remove(200), lambda: bytearray().pop()]:
    try:
        bad()
    except (ValueError, IndexError) as e:
        print(type(e).__name__, e)
print(bytearray(b'abc') == b'abc', bytearray(3), repr(bytearray(b'\x00\xff')))
