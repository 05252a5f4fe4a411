# Uncaught IndexError from a list index out of range in a loop.
nums = [10, 20, 30]
print(nums[0], nums[len(nums) - 1], nums[-len(nums)])
print(nums[5:], nums[-5:1])
print(list(enumerate(nums)))
print(len(['a', 'b', 'c']), ['a', 'b', 'c'][-1], ['a', 'b', 'c'][1:10])
print(['a', 'b', 'c'][-3], list(range(3))[2])
items = ['a', 'b', 'c']
for i in range(5):
    print(i, items[i])
