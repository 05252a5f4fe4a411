# Syntax error: no binding for nonlocal found.
def outer():
    def inner():
        nonlocal missing
        missing = 1
    return inner
