# partition/rpartition, splitlines with keepends, and line-boundary characters.
print('key=value=more'.partition('='), 'key=value=more'.rpartition('='), 'novalue'.partition('='), 'novalue'.rpartition('='))
print('a::b::c'.partition('::'), 'a::b::c'.rpartition('::'), ''.partition('x'))
try:
    'abc'.partition('')
except ValueError as e:
    print(type(e).__name__, e)
text = 'line1\nline2\r\nline3\rline4\n\nline6'
print(text.splitlines())
print(text.splitlines(True))
print(text.splitlines(keepends=True)[-2:])
print('no newline'.splitlines(), ''.splitlines(), '\n'.splitlines(), '\n\n'.splitlines(True))
print('a\x0bb\x0cc\x1cd\x1de\x1ef\x85g\u2028h\u2029i'.splitlines())
print('trailing\n'.splitlines(), 'trailing\n'.split('\n'))
