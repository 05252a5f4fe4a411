# while loops with else, break, continue and nested loops.
n = 0
while n < 5:
    n += 1
    if n == 2:
        continue
    print('n =', n)
else:
    print('while finished normally, n =', n)
n = 0
while True:
    n += 1
    if n > 3:
        break
    print('loop', n)
else:
    print('not printed')
print('after break', n)
i = 10
while i > 0:
    i -= 3
else:
    print('else with i =', i)
found = None
outer = 0
while outer < 4:
    inner = 0
    while inner < 4:
        if outer * inner == 6:
            found = (outer, inner)
            break
        inner += 1
    else:
        outer += 1
        continue
    break
print('found', found)
count = 0
while count < 0:
    print('never')
else:
    print('zero iterations still run else')
