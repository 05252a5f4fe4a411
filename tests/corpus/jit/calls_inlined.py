# Calls to Python functions inside hot loops: inlined by the JIT as virtual frames.

def double_plus_one(x):
    return x * 2 + 1


def with_default(a, b=3, c=0.5):
    return a * b + c


def outer(x):
    return middle(x) + 1


def middle(x):
    return inner(x) * 2


def inner(x):
    return x - 7


def no_return(x):
    x + 1


total = 0
for i in range(3000):
    total += double_plus_one(i)
print("simple", total)

acc = 0.0
for i in range(3000):
    acc += with_default(i) + with_default(i, 2) + with_default(i, 1, 0.25)
print("defaults", acc)

nested = 0
for i in range(3000):
    nested += outer(i)
print("nested", nested)

calls = 0
for i in range(3000):
    no_return(i)
    calls += 1
print("result dropped", calls)


def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)


rec = 0
for i in range(1500):
    rec += fib(i % 8)
print("recursion", rec)


def add(a, b):
    return a + b


def sub(a, b):
    return a - b


def mul(a, b):
    return a * b


ops = [add, sub, mul]
poly = 0
for i in range(3000):
    poly += ops[i % 3](i, 3)
print("polymorphic", poly)


def make_adder(n):
    def adder(x):
        return x + n
    return adder


add5 = make_adder(5)
closure_total = 0
for i in range(2000):
    closure_total += add5(i)
print("closure", closure_total)


def kwargs_call(a, b=1):
    return a - b


kw = 0
for i in range(2000):
    kw += kwargs_call(i, b=2)
print("keywords", kw)


def star(*args):
    return len(args)


stars = 0
for i in range(2000):
    stars += star(i, i)
print("star args", stars)


def grows(x):
    return x * 1000003


big = 0
for i in range(3000):
    big += grows(i) * grows(i) * grows(i)
print("big ints", big)


def local_work(n):
    a = n
    b = a * 2
    c = b - a
    if c > 100:
        c = c - 100
    return a + b + c


work = 0
for i in range(3000):
    work += local_work(i)
print("locals", work)


def main():
    # The same calls from a function's loop (fast locals in the root frame).
    s = 0
    for i in range(3000):
        s += outer(i) + double_plus_one(i)
    return s


print("in function", main())
