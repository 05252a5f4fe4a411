# all(), any() with short-circuiting, empty iterables, and callable() on many objects.
print(all([]), any([]), all([1, 2]), all([1, 0]), any([0, '', None]), any([0, 'x']))
print(all('abc'), any(x > 3 for x in range(5)), all(x < 3 for x in range(5)))
seen = []
def check(x):
    seen.append(x)
    return x > 2
print(any(check(x) for x in range(10)), seen)
seen.clear()
print(all(check(x) for x in [5, 4, 1, 9]), seen)
class WithCall:
    def __call__(self):
        return 'called'
class NoCall:
    pass
print(callable(len), callable(print), callable(int), callable(lambda: 0), callable(WithCall()),
      callable(NoCall()), callable(NoCall), callable(5), callable('f'), callable(None), callable(str.upper))
print(WithCall()())
try:
    all(5)
except TypeError as e:
    print(type(e).__name__, e)
