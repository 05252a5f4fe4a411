# Uncaught exception raised inside a lambda used as sort key.
key = lambda r: (r[1] is None, r[0])
print(key(('a', None)), key(('b', 3)))
print(sorted([('b', 2), ('a', 2)], key=lambda r: r))
print(sorted([3, 1, 2], key=lambda v: -v))
print(list(map(lambda v: v * 10, [1, 2])))
print((lambda *a: len(a))(1, 2, 3))
records = [('a', 3), ('b', None), ('c', 1)]
print(sorted(records[::2], key=lambda r: r[1]))
print(sorted(records, key=lambda r: -r[1]))
