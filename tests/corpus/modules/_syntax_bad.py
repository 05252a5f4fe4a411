# Helper for import_syntax_error.py: a syntax error in an imported module.
x = (1,
def
