# Syntax error: invalid character in identifier / invalid syntax tokens.
x = 5 $ 3
