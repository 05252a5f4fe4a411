# slice() objects: attributes, indices(), use in subscripts, and repr.
s = slice(1, 10, 2)
print(s, s.start, s.stop, s.step, repr(slice(5)), slice(None, None, -1))
data = list(range(20))
print(data[s], data[slice(5)], data[slice(None, None, -3)], 'abcdef'[slice(1, -1)])
print(s.indices(6), slice(None).indices(4), slice(-3, None).indices(10), slice(None, None, -1).indices(5))
print(slice(1, 2) == slice(1, 2), slice(1, 2) == slice(1, 3))
print(data[100:], data[-100:-95], data[15:5:-4], data[5:15:-1], (1, 2, 3)[::-1])
try:
    data[::0]
except ValueError as e:
    print(type(e).__name__, e)
try:
    data['a':]
except TypeError as e:
    print(type(e).__name__, e)
try:
    data[1.5]
except TypeError as e:
    print(type(e).__name__, e)
