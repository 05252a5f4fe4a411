# A source file containing invalid UTF-8 bytes in a string literal.
print('before')
s = 'café ÿþ'
print(s)
