# A CPU-heavy tour of the procedural core: integer, float, string, list and dict work.
# Its output is identical under CPython; `time` it against `python3 examples/showcase.py`.


def sieve(limit):
    is_prime = [True] * (limit + 1)
    is_prime[0] = is_prime[1] = False
    for n in range(2, int(limit ** 0.5) + 1):
        if is_prime[n]:
            for multiple in range(n * n, limit + 1, n):
                is_prime[multiple] = False
    return [n for n, prime in enumerate(is_prime) if prime]


def queens(n):
    count = 0
    cols, diag1, diag2 = set(), set(), set()

    def place(row):
        nonlocal count
        if row == n:
            count += 1
            return
        for col in range(n):
            if col in cols or row + col in diag1 or row - col in diag2:
                continue
            cols.add(col)
            diag1.add(row + col)
            diag2.add(row - col)
            place(row + 1)
            cols.remove(col)
            diag1.remove(row + col)
            diag2.remove(row - col)

    place(0)
    return count


def mandelbrot(width, height, max_iter):
    rows = []
    for y in range(height):
        ci = -1.2 + 2.4 * y / height
        row = []
        for x in range(width):
            cr = -2.0 + 3.0 * x / width
            zr = zi = 0.0
            i = 0
            while i < max_iter and zr * zr + zi * zi <= 4.0:
                zr, zi = zr * zr - zi * zi + cr, 2.0 * zr * zi + ci
                i += 1
            row.append(" .:-=+*#%@"[i % 10])
        rows.append("".join(row))
    return rows


def word_frequencies(text):
    counts = {}
    for word in text.lower().split():
        word = word.strip(".,;:!?")
        if word:
            counts[word] = counts.get(word, 0) + 1
    return sorted(counts.items(), key=lambda item: (-item[1], item[0]))


def collatz_longest(limit):
    best, best_len = 1, 1
    cache = {1: 1}
    for start in range(2, limit):
        n, steps = start, 0
        while n not in cache:
            n = n // 2 if n % 2 == 0 else 3 * n + 1
            steps += 1
        total = steps + cache[n]
        cache[start] = total
        if total > best_len:
            best, best_len = start, total
    return best, best_len


primes = sieve(200_000)
print(f"{len(primes)} primes below 200000; the last is {primes[-1]}")
print("9 queens:", queens(9), "solutions")
for line in mandelbrot(60, 20, 60):
    print(line)
text = "The quick brown fox jumps over the lazy dog. The dog sleeps; the fox runs! " * 200
for word, count in word_frequencies(text)[:5]:
    print(f"{word:>6}: {count}")
print("longest Collatz chain below 300000 starts at %d (%d steps)" % collatz_longest(300_000))
print("2**200 =", 2 ** 200)
print("sum of 1/n^2 for n < 100000:", sum(1.0 / (n * n) for n in range(1, 100_000)))
