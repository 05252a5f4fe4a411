# Syntax error: cannot assign to literal.
print('never runs')
5 = x
