# bytearray mutation: item/slice assignment, append/extend/insert/pop/remove/clear/reverse/copy, +=, *=, del.
ba = bytearray(b'hello')
ba[0] = 72
ba[1:3] = b'EL'
ba[-1:] = [33, 33]
print(ba, len(ba))
ba.append(46); ba.extend(b'xy'); ba.extend([1, 2]); ba.insert(0, 62); ba.insert(-1, 63); ba.insert(100, 64)
print(ba)
print(ba.pop(), ba.pop(0), ba.pop(-2), ba)
ba.remove(ord('x')); ba.reverse()
print(ba, ba.copy() == ba, ba.copy() is ba)
ba += b'++'; ba *= 2
print(ba)
del ba[0]; del ba[::2]; del ba[-3:]
print(ba)
ba[::2] = b'ab' * (len(ba[::2]) // 2) + b'c' * (len(ba[::2]) % 2)
print(ba)
ba.clear()
print(ba, bytearray(b'abc') == b'abc', b'abc' == bytearray(b'abc'), bytearray(b'a') < b'b', hash(b'abc') == hash(bytes(bytearray(b'abc'))))
for bad in [lambda: ba.__setitem__(0, 1), lambda: bytearray(b'a').__setitem__(0, 256), lambda: bytearray(b'abc').__setitem__(slice(0, 3, 2), b'xyz'),
            lambda: bytearray(b'a').__setitem__(0, b'x'), lambda: bytearray(b'a').append(-1), lambda: bytearray(b'a').extend([1, 'a']), lambda: bytearray(b'a').insert(0, 300)]:
    try:
        print(bad())
    except Exception as e:
        print(type(e).__name__, e)
