# Uncaught KeyError for a missing string key.
d = {'alice': 30}
print(d.get('carol'), d.get('carol', 0), 'carol' in d)
print(sorted(d.items()))
ages = {'alice': 30, 'bob': 25}
d['bob'] = 25
print(len(d), list(d), d.setdefault('dan', 40), d)
print(d.pop('dan'), d.pop('dan', 'gone'))
for name in ['alice', 'bob', 'carol']:
    print(name, ages[name])
