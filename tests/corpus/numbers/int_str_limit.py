# The 4300-digit limit on int<->str conversion and sys.set_int_max_str_digits.
import sys
print(sys.get_int_max_str_digits())
big = 10 ** 4300
try:
    str(big)
except ValueError as e:
    print('ValueError:', e)
print(len(str(10 ** 4299)), len(hex(big)), len(bin(big)) > 14000)
try:
    int('1' * 4301)
except ValueError as e:
    print('ValueError:', e)
print(int('1' * 4300) % 97, int('f' * 5000, 16) % 1000)
sys.set_int_max_str_digits(5000)
print(sys.get_int_max_str_digits(), len(str(big)))
for bad in [1, 639, -5]:
    try:
        sys.set_int_max_str_digits(bad)
    except ValueError as e:
        print('ValueError:', e)
sys.set_int_max_str_digits(0)
print(len(str(10 ** 20000)), sys.get_int_max_str_digits())
sys.set_int_max_str_digits(640)
try:
    print(repr(10 ** 700))
except ValueError as e:
    print('ValueError:', e)
try:
    f'{10 ** 700}'
except ValueError as e:
    print('ValueError:', e)
try:
    int('9' * 641)
except ValueError as e:
    print('ValueError:', e)
print(int('9' * 640) > 0)
for bad in ['a', 2**70, -1]:
    try:
        sys.set_int_max_str_digits(bad)
    except (TypeError, OverflowError, ValueError) as e:
        print(type(e).__name__, e)
sys.set_int_max_str_digits(maxdigits=700)
print(sys.get_int_max_str_digits(), len(str(10 ** 699)))
