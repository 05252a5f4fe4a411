# RecursionError caught: message text, recovery afterwards, and recursion limit adjustments.
import sys
def down(n):
    return down(n + 1)
try:
    down(0)
except RecursionError as e:
    print(type(e).__name__, e)
def depth_reached():
    count = 0
    def f():
        nonlocal count
        count += 1
        f()
    try:
        f()
    except RecursionError:
        return count
sys.setrecursionlimit(300)
d = depth_reached()
print(250 < d < 300)
sys.setrecursionlimit(3000)
def sum_to(n):
    return 0 if n == 0 else n + sum_to(n - 1)
print(sum_to(2500))
print(issubclass(RecursionError, RuntimeError))
