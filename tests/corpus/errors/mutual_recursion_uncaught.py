# Uncaught RecursionError from two mutually recursive functions (repeated pair of frames).
import sys
def even(n):
    return True if n == 0 else odd(n - 1)
def odd(n):
    return False if n == 0 else even(n - 1)
print(even(20), odd(21))
sys.setrecursionlimit(150)
def ping(n):
    return pong(n + 1)
def pong(n):
    return ping(n + 1)
ping(0)
