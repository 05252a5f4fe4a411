# Uncaught AttributeError on an int object.
n = 42
print(n.bit_length())
print(n.append(1))
