# Syntax error: unexpected end of file in a block header (for loop with no body).
for i in range(3):
