# Three-level nests whose inner loops have variable trip counts, each level's tree run
# natively from the one around it; an exception deep inside; a middle loop that breaks.


def cube(n):
    total = 0
    for i in range(n):
        for j in range(i % 5):
            for k in range(j + 1):
                total += i * j + k
    return total


print(cube(800))


def grid(rows):
    total = 0
    for row in rows:
        for cell in row:
            for x in cell:
                total += x
    return total


data = [[[i, j] * (j % 3) for j in range(i % 4)] for i in range(600)]
print(grid(data))


def broken(n):
    out = 0
    for i in range(n):
        for j in range(6):
            if j == i % 7:
                break
            for k in range(j):
                out += k
    return out


print(broken(1500))


def deep_error(n):
    total = 0
    for i in range(n):
        for j in range(3):
            for k in range(4):
                total += 10 // (n - 400 - i + k)
    return total


try:
    deep_error(1000)
except ZeroDivisionError as e:
    tb = e.__traceback__
    while tb.tb_next is not None:
        tb = tb.tb_next
    print("ZeroDivisionError at line", tb.tb_lineno, e)
