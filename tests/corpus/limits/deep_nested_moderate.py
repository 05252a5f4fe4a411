# Nested lists/dicts/tuples of moderate depth: repr, equality and iterative traversal.
d = 200
nested = 0
for i in range(d):
    nested = [i, nested]
print(repr(nested)[:60], len(repr(nested)))
t = ()
for i in range(50):
    t = (t,)
print(repr(t))
dd = {}
cur = dd
for i in range(30):
    cur['k%d' % i] = {}
    cur = cur['k%d' % i]
print(dd)
other = 0
for i in range(d):
    other = [i, other]
print(nested == other, nested is other)
