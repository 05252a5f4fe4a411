# Uncaught RecursionError from two mutually recursive functions (repeated pair of frames).
import sys
sys.setrecursionlimit(150)
def ping(n):
    return pong(n + 1)
def pong(n):
    return ping(n + 1)
ping(0)
