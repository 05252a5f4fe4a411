# Uncaught NameError for an undefined name at module level, after some output.
values = [1, 2, 3]
print('sum is', sum(values))
print('now using an undefined name')
print(totl)
print('never printed')
