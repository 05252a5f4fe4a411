# Uncaught OverflowError converting a huge int to float.
print(1e308 * 10, -1e308 * 10, 2.0 ** 1023)
print(float('1e400'), int(1e20))
print(10 ** 20 / 10, (10 ** 400) % 7)
print((2 ** 2000).bit_length())
print(float(10 ** 300), float(2 ** 1023), int(1e300) == 10 ** 300)
print(len(str(10 ** 400)), (10 ** 400) // 10 ** 399)
big = 10 ** 400
print(big > 0)
print(float(big))
