# Non-ASCII strings: len, indexing, slicing, iteration, upper/lower, comparisons, encode to UTF-8.
s = 'Grüße aus Köln — 東京 🚀!'
print(s, len(s), len(s.encode('utf-8')), s[2], s[-2], s[17:19], s[::-1])
print(s.upper(), s.lower(), s.title(), s.swapcase())
print([c for c in s if ord(c) > 127], [hex(ord(c)) for c in '東🚀'])
print(s.encode('utf-8'))
print(s.find('東京'), s.index('🚀'), s.count('ö'), s.replace('ü', 'ue'), s.split(' — '))
print('é' == 'e\u0301', len('e\u0301'), 'é' < 'f', 'ä' > 'z', sorted(['ö', 'o', 'z', 'ä', 'a']))
print('ΑΒΓ'.lower(), 'ωψ'.upper(), 'ﬀ'.upper(), 'ŉ'.upper(), 'ß'.upper(), 'ǅ'.lower(), 'ǅ'.upper())
print('🚀' * 3, '東' + '京', '|'.join('日本語'), 'नमस्ते', len('नमस्ते'))
print(f'{"東京":^8}|', '{:<6}|'.format('ü'), '%-4s|' % 'é')
