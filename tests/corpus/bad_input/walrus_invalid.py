# Syntax error: cannot use assignment expression with a subscript target.
d = {}
(d['k'] := 1)
