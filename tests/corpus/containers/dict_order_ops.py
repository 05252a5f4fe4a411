# dict insertion order, re-insertion, | and |= merge operators, `in`, del, equality.
d = {}
for key in ['zeta', 'alpha', 'mid', 'beta']:
    d[key] = len(key)
print(d, list(d))
d['alpha'] = 0
print(list(d))
del d['alpha']
d['alpha'] = 1
print(list(d))
a = {'x': 1, 'y': 2}
b = {'y': 20, 'z': 30}
print(a | b, b | a, a)
a |= b
print(a)
a |= [('w', 0)]
print(a)
print('x' in a, 1 in a, 'w' not in a, {1: 'a', 2: 'b'} == {2: 'b', 1: 'a'}, {1: 'a'} == {1: 'b'})
try:
    a | [('q', 1)]
except TypeError as e:
    print(type(e).__name__, e)
nums = {1: 'int', 1.0: 'float', True: 'bool'}
print(nums)
print({(1, 2): 'tuple', 'k': None, None: 'none-key', 2.5: 'float-key'})
