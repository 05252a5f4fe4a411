# Syntax error: closing parenthesis does not match opening bracket.
data = {'a': [1, 2, 3)}
print(data)
