# Syntax error: missing colon after an if condition.
print('never runs')
x = 5
if x > 3
    print('big')
