# Fibonacci numbers: iterative, memoized recursion with a dict, and big values.
def fib_iter(n):
    a, b = 0, 1
    for _ in range(n):
        a, b = b, a + b
    return a
memo = {}
def fib_memo(n):
    if n < 2:
        return n
    if n not in memo:
        memo[n] = fib_memo(n - 1) + fib_memo(n - 2)
    return memo[n]
print([fib_iter(i) for i in range(30)])
print(fib_iter(100), fib_memo(100), fib_iter(100) == fib_memo(100))
print(len(str(fib_iter(5000))), str(fib_iter(5000))[:30], fib_iter(5000) % 1000000007)
def fib_pair(n):
    if n == 0:
        return (0, 1)
    a, b = fib_pair(n // 2)
    c = a * (2 * b - a)
    d = a * a + b * b
    return (d, c + d) if n % 2 else (c, d)
print(fib_pair(1000)[0] == fib_iter(1000), fib_pair(10000)[0] % 10 ** 12)
