# Uncaught NameError for an undefined name at module level, after some output.
print('names defined:', sorted(n for n in ('values', 'acc') if n in globals()))
acc = sum([4, 5])
print('acc is', acc)
values = [1, 2, 3]
print('sum is', sum(values))
print('globals include values:', 'values' in globals())
print('now using an undefined name')
print(totl)
print('never printed')
