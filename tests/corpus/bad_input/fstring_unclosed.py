# Syntax error in an f-string: unclosed replacement field.
name = 'x'
print(f'hello {name')
