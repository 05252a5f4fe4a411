# sorted() and list.sort(): key, reverse, stability, and errors on incomparable items.
data = [5, 2, 8, 1, 9, 3]
print(sorted(data), sorted(data, reverse=True), data)
data.sort()
print(data)
data.sort(reverse=True)
print(data)
words = ['banana', 'Apple', 'cherry', 'apple', 'Banana', 'date']
print(sorted(words), sorted(words, key=str.lower), sorted(words, key=len))
print(sorted(words, key=len, reverse=True))
recs = [('bob', 3), ('amy', 1), ('cat', 3), ('dan', 1), ('eve', 2)]
print(sorted(recs, key=lambda r: r[1]))
print(sorted(recs, key=lambda r: r[1], reverse=True))
by_name = sorted(recs)
by_name.sort(key=lambda r: r[1])
print(by_name)
print(sorted('hello'), sorted({3: 'a', 1: 'b'}), sorted((2, 1)), sorted([]))
print(sorted([3.5, 1, 2.25, -1, 0]), sorted([[2, 1], [1, 2], [1]]))
try:
    sorted([1, 'a', 2])
except TypeError as e:
    print(type(e).__name__, e)
try:
    [3, None].sort()
except TypeError as e:
    print(type(e).__name__, e)
try:
    sorted([1, 2], lambda x: x)
except TypeError as e:
    print(type(e).__name__, e)
print([3, 1, 2].sort())
