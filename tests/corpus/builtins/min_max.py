# min() and max(): iterables, multiple args, key, default, ties and errors.
print(min(3, 1, 2), max(3, 1, 2), min([4, -1]), max('hello'), min('b', 'a', 'c'))
print(max([1, 5, 5, 2], key=lambda x: -x), min(['aa', 'b', 'cc'], key=len), max(['aa', 'b', 'cc'], key=len))
print(min([], default='empty'), max([], default=None), max([7], default=0))
print(max((1, 'b'), (1, 'a')), min([[2], [1, 9]]), max(range(10), key=lambda x: x % 4))
print(max(2.5, 2), min(-0.0, 0.0), max(0.0, -0.0), max(True, 1), min(1, True))
print(max({'a': 3, 'b': 1}), max({'a': 3, 'b': 1}.values()), min({'a': 3, 'b': 1}, key=lambda k: {'a': 3, 'b': 1}[k]))
tests = [lambda: min([]), lambda: max(()), lambda: max(1), lambda: min(1, 'a'),
         lambda: max([1, 2], 3, default=0), lambda: min(), lambda: max(iter([]))]
for t in tests:
    try:
        print(t())
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
