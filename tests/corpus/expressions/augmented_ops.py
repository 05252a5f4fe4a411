# Every augmented assignment operator on ints, floats, strings, lists and big ints.
x = 10
x += 5; print(x)
x -= 3; print(x)
x *= 4; print(x)
x //= 5; print(x)
x %= 6; print(x)
x **= 3; print(x)
x <<= 2; print(x)
x >>= 1; print(x)
x &= 0b1110; print(x)
x |= 0b10001; print(x)
x ^= 0xFF; print(x)
x /= 4; print(x)
f = 1.5
f += 1; f *= 3; f -= 0.25; f /= 2; f //= 1; f %= 3; f **= 2
print(f)
s = 'ab'
s += 'c'; s *= 3
print(s)
lst = [1]
alias = lst
lst += [2, 3]
lst *= 2
print(lst, alias, lst is alias)
tup = (1,)
alias_t = tup
tup += (2,)
print(tup, alias_t, tup is alias_t)
b = 2 ** 70
b -= 2 ** 71
b *= -3
b //= 7
print(b)
