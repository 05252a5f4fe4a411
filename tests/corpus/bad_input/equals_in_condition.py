# Syntax error: assignment where comparison intended in an if statement.
x = 1
if x = 1:
    print(x)
