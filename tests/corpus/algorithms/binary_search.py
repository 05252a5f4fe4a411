# Binary search (lower/upper bound), bisection root finding on floats, and integer sqrt.
def lower_bound(a, x):
    lo, hi = 0, len(a)
    while lo < hi:
        mid = (lo + hi) // 2
        if a[mid] < x:
            lo = mid + 1
        else:
            hi = mid
    return lo
def upper_bound(a, x):
    lo, hi = 0, len(a)
    while lo < hi:
        mid = (lo + hi) // 2
        if a[mid] <= x:
            lo = mid + 1
        else:
            hi = mid
    return lo
a = [1, 2, 2, 2, 5, 7, 7, 10]
print([(x, lower_bound(a, x), upper_bound(a, x)) for x in [0, 1, 2, 3, 7, 10, 11]])
def bisect_root(f, lo, hi, steps=60):
    for _ in range(steps):
        mid = (lo + hi) / 2
        if f(lo) * f(mid) <= 0:
            hi = mid
        else:
            lo = mid
    return (lo + hi) / 2
print(bisect_root(lambda x: x * x - 2, 0, 2), bisect_root(lambda x: x ** 3 - x - 1, 1, 2))
def isqrt(n):
    x = n
    y = (x + 1) // 2
    while y < x:
        x = y
        y = (x + n // x) // 2
    return x
print([isqrt(n) for n in [0, 1, 2, 3, 4, 15, 16, 17, 10 ** 20, 2 ** 101]])
