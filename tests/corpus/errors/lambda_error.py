# Uncaught exception raised inside a lambda used as sort key.
records = [('a', 3), ('b', None), ('c', 1)]
print(sorted(records[::2], key=lambda r: r[1]))
print(sorted(records, key=lambda r: -r[1]))
