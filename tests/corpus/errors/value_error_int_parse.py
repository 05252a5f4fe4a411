# Uncaught ValueError from int() on a malformed literal.
for s in ['10', '0x1f', '3.5']:
    print(int(s, 0))
