# Syntax error in an f-string: invalid conversion character.
x = 1
print(f'{x!z}')
