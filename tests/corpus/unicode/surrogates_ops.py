# Lone surrogates through str operations: indexing, slicing, concatenation, comparison, hashing, containers.
s = 'a\ud800b\udfff'
print(len(s), ascii(s), [hex(ord(c)) for c in s], ascii(s[1]), ascii(s[::-1]), ascii(s[1:3]), ascii(s[-1]))
print(ascii(s + 'x'), ascii('x' + s), ascii(s * 2), ascii('-'.join([s, 'q'])), ascii('\ud800'.join('ab')), ascii(''.join(['\ud83d', '\ude00'])))
print(s == 'a\ud800b\udfff', s != 'a\ufffdb\ufffd', s < 'a\ue000', s > 'a\ud7ff', '\ud800' in s, '\udc00' in s, 'b\udfff' in s)
d = {'\ud800': 1, '\ufffd': 2}
print(len(d), d['\ud800'], d['\ufffd'], sorted(['\ue000', '\ud800', '\ud7ff']) == ['\ud7ff', '\ud800', '\ue000'])
print(len({'\ud800', '\ud800', '\udc00'}), hash('\ud800') == hash(chr(0xd800)), ascii(f'<{s}>'), ascii(f'{s!r}'))
print(s.isprintable(), '\ud800'.isalpha(), '\ud800'.isidentifier(), '\ud800'.isspace(), ascii(str(s)), ascii(repr(s)))
print(ascii(chr(0xdc80) + chr(0xd83d) + chr(0xde00)), len(chr(0xd83d) + chr(0xde00)), '\ud83d\ude00' == '\U0001F600')
print(ascii([c for c in '\ud83d\ude00x']), ascii(list(iter('\udc80'))), ascii(max('\ud800', '\ue000')), ascii(min(['\udfff', '\ud800'])))
print(ascii(s.encode('utf-8', 'surrogatepass').decode('utf-8', 'surrogatepass')), ascii(str(s)), s is str(s))
print(ascii('\U0000d800'), ascii('\ud800' '\udc00'), ascii('x\
\ud800'), ascii(u'\udbff'), ascii(r'\ud800'), ascii("""\udc00"""), ascii('\N{BULLET}\ud800'))
