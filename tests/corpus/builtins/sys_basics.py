# sys.argv, sys.maxsize, recursion limit getters/setters.
import sys
print(len(sys.argv), sys.argv[0].endswith('sys_basics.py'))
print(sys.maxsize, sys.maxsize == 2 ** 63 - 1, -sys.maxsize - 1)
old = sys.getrecursionlimit()
print(old)
sys.setrecursionlimit(5000)
print(sys.getrecursionlimit())
sys.setrecursionlimit(old)
print(sys.getrecursionlimit() == old)
try:
    sys.setrecursionlimit(0)
except ValueError as e:
    print(type(e).__name__, e)
try:
    sys.setrecursionlimit(-5)
except ValueError as e:
    print(type(e).__name__, e)
print(type(sys.argv).__name__, sys.argv[1:])
