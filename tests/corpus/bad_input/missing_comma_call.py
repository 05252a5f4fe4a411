# Syntax error: missing comma between list elements ("Perhaps you forgot a comma?").
items = [1, 2 3, 4]
