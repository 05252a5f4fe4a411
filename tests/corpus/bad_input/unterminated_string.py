# Syntax error: unterminated string literal.
s = 'abc
print(s)
