# repr of non-printable, combining, control, surrogate and non-BMP characters.
chars = ['\x00', '\x1f', '\x7f', '\x80', '\x9f', '\xa0', '\xad', '\u0300', '\u200b', '\u200e', '\u2028', '\u3000',
         '\ufeff', '\ufffd', '\uffff', '\ud800', '\udfff', '\U0001F600', '\U0001F3FB', '\U000E0001', '\U0010FFFF', '\U00020000']
for c in chars:
    print(hex(ord(c)), repr(c), ascii(c), c.isprintable())
print(repr('mixed\x00é\U0001F600\u2028end'))
print(repr(['\t', '\n', '\r', '\x0b', '\x0c']))
print(str('\x00'), len(repr('\x00')), len(ascii('\U0001F600')))
for s in ['a\u0301', '\u00e1', 'ǅ']:
    print(repr(s), len(s), [hex(ord(c)) for c in s])
