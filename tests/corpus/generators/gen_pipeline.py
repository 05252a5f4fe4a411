# Generators: a lazy processing pipeline with state machines
def read_lines(text):
    for line in text.splitlines():
        yield line

def strip_comments(lines):
    for line in lines:
        code = line.split("#", 1)[0].rstrip()
        if code:
            yield code

def tokens(lines):
    for line in lines:
        yield from line.split()

def running_total():
    total = 0
    count = 0
    while True:
        v = yield (total, count)
        total += v
        count += 1

text = """1 2 3  # first
# only a comment
4 5
6"""
acc = running_total()
next(acc)
for tok in tokens(strip_comments(read_lines(text))):
    print(tok, acc.send(int(tok)))

def fib():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b

def take(n, it):
    for _, v in zip(range(n), it):
        yield v
print(list(take(15, fib())))

def window(it, size):
    buf = []
    for v in it:
        buf.append(v)
        if len(buf) > size:
            buf.pop(0)
        if len(buf) == size:
            yield tuple(buf)
print(list(window(range(6), 3)))
def primes():
    found = []
    n = 2
    while True:
        if all(n % p for p in found):
            found.append(n)
            yield n
        n += 1
print(list(take(12, primes())))
