# Subscript and slice assignment/deletion on lists, including extended slices.
lst = list(range(10))
lst[0] = 'a'
lst[-1] = 'z'
print(lst)
lst[2:5] = ['X']
print(lst)
lst[1:1] = [100, 101, 102]
print(lst)
lst[:] = lst[::-1]
print(lst)
lst[::2] = range(len(lst[::2]))
print(lst)
del lst[0]
print(lst)
del lst[::3]
print(lst)
del lst[1:3]
print(lst)
lst[len(lst):] = [7, 8]
print(lst)
nums = [1, 2, 3, 4, 5, 6]
nums[1::2] = [0, 0, 0]
print(nums)
try:
    nums[::2] = [1, 2]
except ValueError as e:
    print(type(e).__name__, e)
try:
    nums[10] = 1
except IndexError as e:
    print(type(e).__name__, e)
try:
    del nums[10]
except IndexError as e:
    print(type(e).__name__, e)
nums[-100:2] = 'ab'
print(nums)
grid = [[0] * 3 for _ in range(3)]
grid[1][2] = 5
grid[2][0] += 7
print(grid)
d = {}
d['k'] = 1
d['k'] += 10
d[(1, 2)] = 'tuple key'
print(d)
del d['k']
print(d)
