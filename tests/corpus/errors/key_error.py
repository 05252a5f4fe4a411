# Uncaught KeyError for a missing string key.
ages = {'alice': 30, 'bob': 25}
for name in ['alice', 'bob', 'carol']:
    print(name, ages[name])
