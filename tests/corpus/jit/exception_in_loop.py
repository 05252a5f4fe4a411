# Exceptions raised inside hot loops must carry the interpreter's exact traceback.
def divide_all(values):
    total = 0.0
    for v in values:
        total += 1.0 / v
    return total

print(divide_all([1.0, 2.0, 4.0] * 100))
try:
    divide_all([1.0] * 500 + [0.0])
except ZeroDivisionError as e:
    print("caught:", e)

def index_past_end(items):
    i = 0
    s = 0
    while True:
        s += items[i]
        i += 1

try:
    index_past_end(list(range(300)))
except IndexError as e:
    print("IndexError:", e)

def modulo(n):
    k = n
    r = 0
    while k > -3:
        r += 100 % k
        k -= 1
    return r

try:
    modulo(400)
except ZeroDivisionError as e:
    print("mod:", e)

def shift(n):
    t = 0
    for i in range(n, -5, -1):
        t += 1 << 3 >> i
    return t

try:
    shift(300)
except ValueError as e:
    print("shift:", e)

def crash(n):
    i = 0
    while i < n:
        i += 1
        if i == n - 1:
            return [1, 2][i]
    return i

try:
    crash(2000)
except IndexError as e:
    tb = e.__traceback__
    while tb.tb_next is not None:
        tb = tb.tb_next
    print("IndexError at line", tb.tb_lineno, e)
