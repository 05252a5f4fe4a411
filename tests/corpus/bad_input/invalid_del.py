# Syntax error: cannot delete function call.
del len('abc')
