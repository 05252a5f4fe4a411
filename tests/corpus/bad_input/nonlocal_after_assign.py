# Syntax error: nonlocal at module level after the name was assigned (symtable reports the assignment first).
x = 1
nonlocal x
print(x)
