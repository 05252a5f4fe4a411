# Nested loops: outer traces call the compiled inner loop and continue after it (for in
# for, while in for, for in while, three levels, inner trip counts of zero, break).
def triangle(n):
    total = 0
    for i in range(n):
        for j in range(i):
            total += (i ^ j) & 15
    return total


def while_in_for(n):
    acc = 0
    for i in range(n):
        j = i
        while j > 0:
            acc += j & 3
            j -= 7
    return acc


def for_in_while(n):
    acc = 0
    i = 0
    while i < n:
        for j in range(i % 5, 12, 3):
            acc += i * j
        i += 1
    return acc


def three_levels(n):
    acc = 0
    for i in range(n):
        for j in range(n):
            if -1 <= i - j <= 1:
                continue
            for k in range(3):
                acc += (i * j + k) % 7
    return acc


def empty_inner(n):
    acc = 0
    for i in range(n):
        for j in range(i % 3 - 1):
            acc += j
        acc += 1
    return acc


def inner_break(n):
    acc = 0
    for i in range(n):
        for j in range(50):
            if j * j > i:
                break
            acc += j
        acc -= 1
    return acc


def over_lists(rows):
    acc = 0
    for row in rows:
        for x in row:
            acc += x
        acc *= 3
        acc %= 1000003
    return acc


def negative_steps(n):
    acc = 0
    for i in range(n):
        for j in range(i, 0, -2):
            acc += j
    return acc


print(triangle(300))
print(while_in_for(500))
print(for_in_while(600))
print(three_levels(70))
print(empty_inner(2000))
print(inner_break(1500))
print(over_lists([[i, i + 1, i * 2] for i in range(1200)] + [[], [5]]))
print(negative_steps(200))
