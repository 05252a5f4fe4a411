# Syntax error: unmatched closing bracket.
x = [1, 2, 3]]
print(x)
