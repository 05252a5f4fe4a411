# list methods: append/extend/insert/pop/remove/index/count/copy/clear/reverse/sort.
l = [3, 1, 4]
l.append(1); l.extend([5, 9]); l.extend('ab'); l.extend(range(2))
print(l)
l.insert(0, 'first'); l.insert(-1, 'before last'); l.insert(100, 'end'); l.insert(-100, 'start')
print(l)
print(l.pop(), l.pop(0), l.pop(-2), l.pop(3), l)
l.remove(1)
print(l, l.index(1), l.index(5, 2), l.count(1), l.count('zz'))
c = l.copy()
c.reverse()
print(c, l, c is not l)
nums = [5, 3, 8, 1]
nums.sort()
print(nums)
nums.sort(key=lambda x: -x)
print(nums)
nums.clear()
print(nums, len(nums))
for bad in [lambda: [].pop(), lambda: [1].pop(5), lambda: [1].remove(9), lambda: [1, 2].index(3),
            lambda: [1, 2].index(1, 1), lambda: [].insert(0), lambda: [1].extend(5)]:
    try:
        bad()
    except (IndexError, ValueError, TypeError) as e:
        print(type(e).__name__, e)
print([1, 2].append(3), [].extend([]), [1].reverse())
