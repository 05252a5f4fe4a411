# Syntax error: 'return' outside function.
print('never runs')
return 5
