# sys._getframe(k), f_back chains and f_locals inside recursive calls run by
# function-entry traces; a function rebound or its __code__ replaced while its tree is
# hot; a generator called from a traced function.
import sys

def walk(n, k):
    if n == 0:
        f = sys._getframe(k)
        return (f.f_code.co_name, f.f_locals.get("n"), f.f_back.f_code.co_name)
    return walk(n - 1, k)

def plain(n):
    if n < 2:
        return n
    return plain(n - 1) + 2

out = []
for i in range(2200):
    out.append(plain(i % 20))
print(sum(out))
print([walk(10, k) for k in (0, 1, 5, 10)])

def rec(n):
    if n == 0:
        return 0
    return rec(n - 1) + 1

print(sum(rec(i % 25) for i in range(2500)))
old = rec
def rec(n):
    return -n
print(sum(old(i % 25) for i in range(2500)))

def other(n):
    if n == 0:
        return 100
    return other(n - 1) * 1

print(sum(old(i % 5) for i in range(2500)))
old.__code__ = other.__code__
print(old(3), sum(old(i % 5) for i in range(200)))

def gen(n):
    for i in range(n):
        yield i * i

def use_gen(n):
    if n == 0:
        return sum(gen(5))
    return use_gen(n - 1) + 1

print(sum(use_gen(i % 10) for i in range(2500)))

def keep_locals(n, acc):
    if n == 0:
        return sys._getframe(3).f_locals["acc"]
    return keep_locals(n - 1, acc + [n])

print(keep_locals(6, []))
