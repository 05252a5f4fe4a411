# Creating many small objects, dict of 100000 entries, sets, and deletion.
d = {i: str(i) for i in range(100000)}
print(len(d), d[99999], sum(len(v) for v in d.values()))
for i in range(0, 100000, 2):
    del d[i]
print(len(d), min(d), max(d))
s = set(range(0, 300000, 3)) & set(range(0, 300000, 5))
print(len(s), min(s), max(s))
class P:
    def __init__(self, v):
        self.v = v
objs = [P(i) for i in range(50000)]
print(sum(o.v for o in objs))
lists = [[i] * 3 for i in range(50000)]
print(sum(map(sum, lists)))
strings = ['s%d' % i for i in range(100000)]
print(len(set(strings)), strings[12345])
