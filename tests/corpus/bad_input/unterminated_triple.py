# Syntax error: unterminated triple-quoted string literal.
print('before')
s = """never closed
more text
