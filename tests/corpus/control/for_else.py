# for loops with else, break, continue over various iterables.
for i in range(3):
    print('i', i)
else:
    print('done range')
for c in 'abc':
    if c == 'b':
        break
    print('c', c)
else:
    print('not reached')
def is_prime(n):
    if n < 2:
        return False
    for d in range(2, n):
        if n % d == 0:
            break
    else:
        return True
    return False
print([n for n in range(30) if is_prime(n)])
for x in []:
    print('never')
else:
    print('empty loop else')
for k in {'a': 1, 'b': 2}:
    print('key', k)
for i, (a, b) in enumerate(zip('xyz', [1, 2, 3])):
    if b == 2:
        continue
    print(i, a, b)
for i in range(3):
    for j in range(3):
        if j > i:
            break
        print(i, j, end='; ')
    print()
for x in range(3):
    pass
print('loop var after loop', x)
