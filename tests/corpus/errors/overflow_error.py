# Uncaught OverflowError converting a huge int to float.
big = 10 ** 400
print(big > 0)
print(float(big))
