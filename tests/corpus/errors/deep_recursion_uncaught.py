# Uncaught RecursionError: traceback shows "[Previous line repeated N more times]".
import sys
def ok(n):
    return 0 if n == 0 else 1 + ok(n - 1)
print('depth 100 ok:', ok(100))
sys.setrecursionlimit(200)
def down(n):
    return down(n + 1) + 1
print('limit', sys.getrecursionlimit())
down(0)
