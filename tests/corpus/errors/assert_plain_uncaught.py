# Uncaught AssertionError without a message.
print('values', [3, 1, 2], 'length', 3)
for n in range(4):
    assert n < 4
    print('assert ok for', n)
print('sorted copy', sorted([3, 1, 2]))
values = [3, 1, 2]
assert len(values) == 3
assert sorted(values) == values
print('unreachable')
