# Conditional expressions, nesting and lazy evaluation of branches.
def classify(n):
    return 'neg' if n < 0 else 'zero' if n == 0 else 'small' if n < 10 else 'big'
print([classify(n) for n in (-5, 0, 3, 10, 100)])
def boom():
    raise RuntimeError('should not run')
print(1 if True else boom(), boom() if False else 2)
x = 7
y = (x * 2 if x % 2 else x // 2) + 1
print(y)
print([(i if i % 3 else -i) for i in range(10)])
s = 'even' if len('abcd') % 2 == 0 else 'odd'
print(s)
f = (lambda a: a + 1) if x > 5 else (lambda a: a - 1)
print(f(10))
print((1, 2) if [] else (3, 4), 'yes' if [0] else 'no')
val = None
print(val if val is not None else 'default', (val or 'fallback'))
print(abs(-3) if isinstance(-3, int) else None)
