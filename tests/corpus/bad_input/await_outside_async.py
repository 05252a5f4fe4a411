# Syntax error: 'yield' outside function.
yield 5
