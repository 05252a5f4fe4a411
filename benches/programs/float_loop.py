# Float arithmetic in a for loop over range.
x = 0.0
for i in range(300000):
    x = x * 0.999 + i * 0.5 - 1.25
print(x)
