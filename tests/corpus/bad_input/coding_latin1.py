# -*- coding: latin-1 -*-
# Source encoding declaration: a latin-1 byte in a string literal.
s = 'café'
print(s, len(s), s.encode('utf-8'))
