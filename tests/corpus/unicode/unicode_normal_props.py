# Per-character properties across scripts: len, ord, upper/lower lengths, isprintable, repr and ascii.
text = 'Aé中😀\u0301\u200d\u00a0\u2003\u0378\ue000\U000e0020ǅﬀİı'
for c in text:
    print(hex(ord(c)), repr(c), ascii(c), c.upper() == c, len(c.upper()), len(c.lower()), c.isprintable(), c.isspace(), c.isalpha(), c.isidentifier(), c.encode('utf-8'), c.encode('utf-16-le'))
print(len(text), len(text.encode()), len(text.encode('utf-16-le')) // 2, len(text.encode('utf-32-le')) // 4, text.isprintable(), ascii(text))
print(sorted(text)[:5] == sorted(text, key=ord)[:5], max(text), min(text), text[::-1] == ''.join(reversed(text)), text.index('😀'), text.find('\ue000'))
print(hash('é') == hash('\xe9'), 'é' == 'e\u0301', len('e\u0301'), 'ﬀ'.upper(), 'ﬀ'.casefold(), 'İ'.lower(), len('İ'.lower()), 'ı'.upper())
