# Integer arithmetic in a while loop.
total = 0
i = 0
while i < 300000:
    total += i * 3 % 7 - (i >> 2)
    i += 1
print(total)
