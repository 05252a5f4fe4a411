# Lambda expressions: as arguments, immediately invoked, with defaults and closures.
sq = lambda x: x * x
print(sq(7), (lambda: 'no args')(), (lambda *a, **k: (a, k))(1, b=2))
pairs = [(3, 'c'), (1, 'a'), (2, 'b'), (1, 'z')]
print(sorted(pairs, key=lambda p: p[1]), sorted(pairs, key=lambda p: (-p[0], p[1])))
print(list(map(lambda x, y: x * y, [1, 2, 3], [4, 5, 6])))
print(list(filter(lambda s: len(s) > 2, ['a', 'abc', 'de', 'fghi'])))
compose = lambda f, g: lambda x: f(g(x))
inc_then_sq = compose(sq, lambda x: x + 1)
print(inc_then_sq(4))
print((lambda x, y=10: x + y)(1), (lambda x, y=10: x + y)(1, 2))
print(sq.__name__, (lambda: 0).__name__)
fns = {name: (lambda n: lambda x: x ** n)(p) for name, p in [('sq', 2), ('cube', 3)]}
print(fns['sq'](3), fns['cube'](3))
print((lambda x: (lambda y: x + y))(1)(2))
