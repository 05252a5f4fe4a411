# String operators: concatenation, repetition, membership, indexing, slicing, comparison.
s = 'hello'
t = 'world'
print(s + ' ' + t, s * 3, 3 * s, s * 0, s * -2, repr(s * 0))
print(s[0], s[-1], s[1:3], s[::-1], s[::2], s[-3:], s[:-3], s[10:], s[-100:2])
print('ell' in s, 'xyz' in s, '' in s, 'h' not in t)
print(s < t, s == 'hel' + 'lo', s != t, max(s), min(t))
print(len(s + t), (s + t).count('o'), s[1:4][::-1])
x = 'ab'
x += 'cd'
x *= 2
print(x)
for i in range(-6, 6):
    try:
        print(i, s[i])
    except IndexError as e:
        print(i, type(e).__name__, e)
try:
    print(s + 1)
except TypeError as e:
    print(type(e).__name__, e)
try:
    print(s * 2.0)
except TypeError as e:
    print(type(e).__name__, e)
try:
    s[0] = 'j'
except TypeError as e:
    print(type(e).__name__, e)
print('abc' 'def', 'x' * 3 + 'y' * 2)
