# Changing a dict's size during iteration raises RuntimeError; modifying values is fine.
d = {'a': 1, 'b': 2, 'c': 3}
for k in d:
    d[k] *= 10
print(d)
try:
    for k in d:
        d[k + k] = 0
except RuntimeError as e:
    print(type(e).__name__, e)
print(sorted(d))
d = {i: i for i in range(5)}
try:
    for k in d:
        del d[k]
except RuntimeError as e:
    print(type(e).__name__, e)
print(d)
d = {i: i for i in range(5)}
for k in list(d):
    if k % 2:
        del d[k]
print(d)
s = {1, 2, 3}
try:
    for x in s:
        s.add(x + 10)
except RuntimeError as e:
    print(type(e).__name__, e)
d = {'x': 1}
try:
    for k, v in d.items():
        d.pop(k)
        d['y'] = 2
except RuntimeError as e:
    print(type(e).__name__, e)
print(d)
