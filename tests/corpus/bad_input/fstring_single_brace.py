# Syntax error in an f-string: single closing brace.
print(f'a } b')
