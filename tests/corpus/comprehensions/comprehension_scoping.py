# Comprehension scoping: iteration variables don't leak; first iterable evaluated in enclosing scope.
x = 10
result = [x for x in range(3)]
print(result, x)
y = [1, 2, 3]
print([y for y in y])
class C:
    vals = [1, 2, 3]
    doubled = [v * 2 for v in vals]
print(C.doubled)
def f():
    n = 3
    return [[n * i + j for j in range(n)] for i in range(n)]
print(f())
funcs = [lambda: i for i in range(3)]
print([fn() for fn in funcs])
print({k: [k * m for m in range(2)] for k in 'ab'})
total = sum([i for i in range(10) if i % 2])
print(total)
