# Uncaught AssertionError without a message.
values = [3, 1, 2]
assert len(values) == 3
assert sorted(values) == values
print('unreachable')
