# Uncaught RecursionError from a recursive function with a higher recursion limit.
import sys
print('limit', sys.getrecursionlimit())
sys.setrecursionlimit(2000)
def count(n):
    if n == 0:
        return 0
    return 1 + count(n - 1)
print(count(1500))
print(count(5000))
