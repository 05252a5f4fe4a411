# Syntax error in an f-string: empty expression not allowed.
print(f'value: {}')
