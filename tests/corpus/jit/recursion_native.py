# Recursive functions run by function-entry traces: non-tail recursion, fib, mutual
# recursion, recursion with a global counter, methods, and big ints appearing mid-way.
import sys

def depth(n):
    if n < 2:
        return n
    return depth(n - 1) + 1

def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)

def is_even(n):
    if n == 0:
        return True
    return is_odd(n - 1)

def is_odd(n):
    if n == 0:
        return False
    return is_even(n - 1)

calls = 0

def counted(n):
    global calls
    calls += 1
    if n == 0:
        return 0
    return counted(n - 1) + n

def grow(n):
    # Doubles past the small-int range deep in the recursion.
    if n == 0:
        return 1
    return grow(n - 1) * 3

def mixed(n):
    # Returns a float at the bottom, ints elsewhere: the result type changes per level.
    if n == 0:
        return 0.5
    if n == 1:
        return 1
    return mixed(n - 1) + mixed(n - 2)

class Tree:
    def __init__(self, n):
        self.n = n
    def size(self, k):
        if k <= 0:
            return 1
        return self.size(k - 1) + self.size(k - 2) + 1

total = 0
for i in range(3000):
    total += depth(i % 40)
print("depth", total)
print("fib", fib(20), [fib(k) for k in range(15)])
print("even", sum(1 for k in range(300) if is_even(k % 50)))
for i in range(200):
    counted(i % 30)
print("counted", calls, counted(25))
print("grow", [grow(k) for k in range(0, 60, 7)])
print("mixed", mixed(15), [mixed(k) for k in range(6)])
t = Tree(3)
print("tree", sum(t.size(k % 12) for k in range(400)))
print("limit", sys.getrecursionlimit())
