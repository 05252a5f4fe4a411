# Uncaught TypeError: unhashable type 'list' used as a dict key.
seen = {}
for key in [(1, 2), 'x', [3, 4]]:
    seen[key] = True
    print('stored', key)
