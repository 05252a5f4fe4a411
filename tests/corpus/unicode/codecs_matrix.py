# encode/decode across codecs and error handlers for a mix of ASCII, Latin-1, BMP and astral characters.
s = 'aé€😀'
for enc in ['utf-8', 'utf-16', 'utf-16-le', 'utf-16-be', 'utf-32', 'utf-32-le', 'utf-32-be', 'latin-1', 'ascii', 'UTF8', 'u16', 'iso-8859-1', 'us-ascii']:
    for err in ['strict', 'ignore', 'replace', 'backslashreplace', 'xmlcharrefreplace']:
        try:
            b = s.encode(enc, err)
            print(enc, err, b, b.decode(enc, 'replace') if enc != 'ascii' and enc != 'us-ascii' else b.decode('ascii'))
        except UnicodeEncodeError as e:
            print(enc, err, 'UnicodeEncodeError:', e)
for data, enc in [(b'\xff\xfea\x00', 'utf-16'), (b'\xfe\xff\x00a', 'utf-16'), (b'a\x00b', 'utf-16-le'), (b'\xff\xfe\x00\x00a\x00\x00\x00', 'utf-32'), (b'\x00\x00\x11\x00', 'utf-32-le'), (b'\xe2\x82', 'utf-8'), (b'\xc0\x80', 'utf-8'), (b'\xf4\x90\x80\x80', 'utf-8')]:
    for err in ['strict', 'replace', 'ignore', 'backslashreplace']:
        try:
            print(data, enc, err, ascii(data.decode(enc, err)))
        except UnicodeDecodeError as e:
            print(data, enc, err, 'UnicodeDecodeError:', e)
