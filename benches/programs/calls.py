# Python-to-Python calls with positional and default arguments.
def add(a, b, c=1):
    return a + b + c

def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)

acc = 0
for i in range(100000):
    acc = add(acc, i)
print(acc, fib(20))
