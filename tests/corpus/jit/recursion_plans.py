# Native (lean) recursion whose cached call plan must notice changes: a function that
# rebinds its own global name mid-recursion, a global it reads rebound between loops, a
# result type changing at depth k (a guard failing deep inside native recursion), a
# counter global stored at every level, a huge int appearing at depth k, and the
# recursion limit reached through self-recursion from a traced loop.
import sys


def down(n):
    if n < 2:
        return n
    return down(n - 1) + 1


def replacement(n, at):
    return 1000 + n


def rebinding(n, at):
    global rebinding
    if n == 0:
        return 0
    if n == at:
        saved = rebinding
        rebinding = replacement
        result = rebinding(n - 1, at) + 1
        rebinding = saved
        return result
    return rebinding(n - 1, at) + 1


total = 0
for i in range(3000):
    total += rebinding(i % 20, 7 if i % 500 == 499 else -1)
print(total)

step = 1


def stepped(n):
    if n == 0:
        return 0
    return stepped(n - 1) + step


for s in (1, 2, 3):
    step = s
    print(s, sum(stepped(i % 15) for i in range(2000)))


def typed(n, k):
    if n == k:
        return 0.5
    if n == 0:
        return 0
    return typed(n - 1, k) + 1


print(sum(typed(i % 30, 12 if i > 1500 else -1) for i in range(2000)))

count = 0


def counting(n):
    global count
    count += 1
    if n == 0:
        return 0
    return counting(n - 1) + n


print(sum(counting(i % 25) for i in range(2000)), count)


def widening(n, k):
    if n == 0:
        return 1
    if n == k:
        return widening(n - 1, k) * 2**70
    return widening(n - 1, k) + 1


print(sum(widening(i % 20, 9 if i == 1709 else -1) for i in range(2000)) % 1000003)


def bottomless(n):
    return bottomless(n + 1) + 1


for _ in range(200):
    down(30)
try:
    bottomless(0)
except RecursionError as e:
    print("RecursionError", e)
print(down(40), sys.getrecursionlimit())
