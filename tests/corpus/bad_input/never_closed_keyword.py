# A bracket left open when a keyword starts the next line: CPython reports the bracket
# (its tokenizer skips the newline inside brackets; the error token is on a later line).
items = [1, 2,
class C:
    pass
