# Syntax error: positional argument follows keyword argument.
print(sep='-', 'a')
