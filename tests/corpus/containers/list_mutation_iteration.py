# Mutating a list while iterating over it (skipping behaviour, appending inside loop with bound).
nums = [1, 2, 3, 4, 5, 6]
for n in nums:
    if n % 2 == 0:
        nums.remove(n)
print(nums)
nums = [1, 2, 2, 3, 3, 3]
for n in nums:
    if n == 2:
        nums.remove(n)
print(nums)
grow = [1, 2, 3]
for x in grow:
    if len(grow) < 8:
        grow.append(x * 10)
print(grow)
lst = list(range(6))
for i, v in enumerate(lst):
    lst[i] = v * v
print(lst)
safe = [1, 2, 3, 4]
for n in safe[:]:
    if n % 2:
        safe.remove(n)
print(safe)
q = [0]
seen = []
for v in q:
    seen.append(v)
    if v < 5:
        q.append(v + 1)
print(seen)
l = [1, 2, 3]
it = iter(l)
next(it)
l.clear()
print(list(it))
