# Syntax error: invalid decimal literal.
x = 12abc
