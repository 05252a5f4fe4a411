# map and filter: multiple iterables, None as filter function, laziness.
print(list(map(str, [1, 2, 3])), list(map(len, ['a', 'bb', ''])))
print(list(map(pow, [2, 3, 4], [3, 2, 1])), list(map(lambda a, b, c: a + b + c, 'ab', 'cd', 'ef')))
print(list(map(abs, range(-3, 2))), list(map(int, '1 2 3'.split())))
print(list(filter(None, [0, 1, '', 'a', None, [], [0], False])))
print(list(filter(str.isdigit, 'a1b2c3')), list(filter(lambda x: x % 3 == 0, range(20))))
m = map(lambda x: x * 10, [1, 2, 3])
print(next(m), list(m), list(m))
calls = []
def tracked(x):
    calls.append(x)
    return x * 2
lazy = map(tracked, range(5))
print(calls)
print(next(lazy), calls)
print(list(map(tracked, [])), list(zip(map(str, range(3)), filter(None, [0, 1, 2, 3]))))
try:
    list(map(None, [1]))
except TypeError as e:
    print(type(e).__name__, e)
print(list(map(lambda x: x, [1, 2], [3])) if False else list(map(max, [1, 5], [4, 2], [3, 3])))
