# enumerate with start, zip of unequal lengths, zip(strict=True) errors, and unzipping.
print(list(enumerate('abc')), list(enumerate('abc', start=10)), list(enumerate([], 5)))
print(list(enumerate(range(3), -1)))
print(list(zip([1, 2, 3], 'ab')), list(zip()), list(zip([1, 2])), list(zip('ab', 'cd', 'ef')))
pairs = [(1, 'a'), (2, 'b'), (3, 'c')]
nums, letters = zip(*pairs)
print(nums, letters)
print(dict(zip('xyz', range(3))))
print(list(zip([1, 2], [3, 4], strict=True)))
try:
    list(zip([1, 2, 3], [4, 5], strict=True))
except ValueError as e:
    print(type(e).__name__, e)
try:
    list(zip([1], [2, 3], strict=True))
except ValueError as e:
    print(type(e).__name__, e)
try:
    list(zip([1, 2], [3, 4], [5], strict=True))
except ValueError as e:
    print(type(e).__name__, e)
try:
    list(zip([1, 2], [3, 4], [5, 6, 7], strict=True))
except ValueError as e:
    print(type(e).__name__, e)
for i, (a, b) in enumerate(zip('pq', 'rs'), 1):
    print(i, a, b)
e = enumerate('xy')
print(next(e), next(e), next(e, 'end'))
