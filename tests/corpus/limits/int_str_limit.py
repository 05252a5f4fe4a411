# Integer/string conversion length limit (4300 digits): str() and int() errors, and values under the limit.
ok = 10 ** 4299
print(len(str(ok)))
try:
    s = str(10 ** 4300)
    print('no error', len(s))
except ValueError as e:
    print(type(e).__name__, e)
try:
    int('1' * 5000)
except ValueError as e:
    print(type(e).__name__, e)
print(int('9' * 4300) % 1000, len(repr(10 ** 4299)))
try:
    print(10 ** 5000)
except ValueError as e:
    print(type(e).__name__, e)
print(hex(10 ** 5000)[:12], len(bin(2 ** 20000)))
try:
    f'{10 ** 4400}'
except ValueError as e:
    print(type(e).__name__, e)
