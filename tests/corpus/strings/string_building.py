# Building strings in loops with +=, join, repetition and slicing; verifying lengths and content.
s = ''
for i in range(50):
    s += str(i % 10)
print(s, len(s))
parts = []
for i in range(1, 30):
    parts.append('x' * (i % 4) + str(i))
joined = '-'.join(parts)
print(joined)
print(len(joined), joined.count('x'), joined[::7])
rev = ''
for ch in 'the quick brown fox':
    rev = ch + rev
print(rev)
acc = ''
for word in 'alpha beta gamma delta'.split():
    acc += word[0].upper() + word[1:] + ' '
print(repr(acc.rstrip()))
big = ''.join(chr(97 + i % 26) for i in range(10000))
print(len(big), big[:30], big[-5:], big.count('z'))
line = ''
for i in range(5):
    line = line + '*' * i + '\n'
print(line, end='')
