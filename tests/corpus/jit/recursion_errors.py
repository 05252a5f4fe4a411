# Exceptions inside recursion run by function-entry traces: raised 30 frames deep and
# caught 5 frames deep (the traceback lists every frame), RecursionError at the limit
# (caught, then the recursion works again), and an uncaught error with its traceback.
import sys

def dive(n, fail_at):
    if n == fail_at:
        raise ValueError("bottom reached at %d" % n)
    if n == 40:
        return 0
    if n == 5:
        try:
            return dive(n + 1, fail_at) + 1
        except ValueError as e:
            tb = e.__traceback__
            names = []
            while tb is not None:
                names.append((tb.tb_frame.f_code.co_name, tb.tb_lineno))
                tb = tb.tb_next
            print("caught at 5:", e, len(names), names[0], names[-1])
            return -1000
    return dive(n + 1, fail_at) + 1

for i in range(2500):
    r = dive(0, -1)
print("no failure", r)
print("failure", dive(0, 30))
print("again", dive(0, -1))

def forever(n):
    return forever(n + 1) + 1

for attempt in range(3):
    try:
        forever(0)
    except RecursionError as e:
        print("RecursionError", e)

def down(n):
    if n == 0:
        return 0
    return down(n - 1) + 1

print("after", sum(down(k % 50) for k in range(3000)))

def count_frames(n):
    if n == 0:
        f = sys._getframe()
        k = 0
        while f is not None and f.f_code.co_name == "count_frames":
            k += 1
            f = f.f_back
        return k
    return count_frames(n - 1)

print("frames", [count_frames(k) for k in range(0, 40, 9)])

def explode(n, boom):
    if n == 0:
        return 1 // (0 if boom else 1)
    return explode(n - 1, boom) + 1

for i in range(2000):
    explode(3 + i % 4, i == 1999)
