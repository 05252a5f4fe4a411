# Uncaught TypeError: unhashable type 'list' used as a dict key.
print(hash(frozenset({1, 2})) == hash(frozenset({2, 1})))
print({1, 'a', (2, 3)} == {(2, 3), 'a', 1})
print(hash((1, 2)) == hash((1, 2)), hash('x') == hash('x'))
print({(1, 2): 'ok', frozenset([3]): 'also ok'})
seen = {}
print('filling dict')
for key in [(1, 2), 'x', [3, 4]]:
    seen[key] = True
    print('stored', key)
