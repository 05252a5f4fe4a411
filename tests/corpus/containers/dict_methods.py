# dict methods: get/setdefault/pop/popitem/update/keys/values/items/fromkeys/copy/clear.
d = {'a': 1, 'b': 2}
print(d.get('a'), d.get('z'), d.get('z', 0), d.setdefault('c', 3), d.setdefault('a', 100), d)
print(d.pop('b'), d.pop('zz', 'dflt'), d)
d.update({'x': 10}, y=20)
d.update([('z', 30)])
d.update(a=-1)
print(d)
print(d.popitem(), d.popitem(), d)
print(list(d.keys()), list(d.values()), list(d.items()))
print(dict.fromkeys('abc'), dict.fromkeys(['x', 'y'], 0), dict.fromkeys([]))
shared = dict.fromkeys('ab', [])
shared['a'].append(1)
print(shared)
c = d.copy()
c['new'] = True
print(d, c)
c.clear()
print(c, len(c))
for bad in [lambda: {}.pop('k'), lambda: {}.popitem(), lambda: d['nope'], lambda: d.update(5),
            lambda: d.update([1]), lambda: {}.setdefault([], 1), lambda: d.get()]:
    try:
        bad()
    except (KeyError, TypeError, ValueError) as e:
        print(type(e).__name__, e)
