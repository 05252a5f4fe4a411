# Integer floor division and modulo in traces: every sign combination, Collatz-style
# branchy loops (side traces), and a divisor that becomes zero mid-loop.


def signs(n):
    out = 0
    for i in range(-n, n):
        out += i // 7 + (i // -3) * 2 + (-i) // 5 + i % -4
    return out


def collatz(limit):
    total = 0
    for start in range(1, limit):
        x = start
        while x != 1:
            if x % 2 == 0:
                x //= 2
            else:
                x = 3 * x + 1
            total += 1
    return total


def zero_divisor(n):
    acc = 0
    d = 5
    try:
        for i in range(n):
            acc += 1000 // d
            d -= 1
    except ZeroDivisionError as e:
        print(type(e).__name__, e, acc, d)


def big(n):
    x = 2 ** 40
    for i in range(n):
        x = x * 3 // 2
    return x


print(signs(500))
print(collatz(2000))
zero_divisor(20)
print(big(40))
