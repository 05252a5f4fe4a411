# Encoding and decoding lone surrogates with every error handler.
s = 'a\ud800b\udfff'
for enc in ['utf-8', 'utf-16-le', 'utf-16-be', 'utf-32-le', 'utf-32', 'ascii', 'latin-1']:
    for err in ['strict', 'ignore', 'replace', 'backslashreplace', 'xmlcharrefreplace', 'surrogatepass', 'surrogateescape']:
        try:
            print(enc, err, s.encode(enc, err))
        except UnicodeEncodeError as e:
            print(enc, err, 'UnicodeEncodeError:', e)
print('\udc80\udcff'.encode('utf-8', 'surrogateescape'), '\udc80\udcff'.encode('latin-1', 'surrogateescape'), '\udc7f'.encode('ascii', 'replace'))
raw = b'a\xff\xed\xa0\x80z\xc3'
for err in ['surrogateescape', 'surrogatepass', 'replace', 'backslashreplace', 'ignore', 'strict']:
    try:
        t = raw.decode('utf-8', err)
        print(err, ascii(t), len(t))
    except UnicodeDecodeError as e:
        print(err, 'UnicodeDecodeError:', e)
print(b'a\xff\x80'.decode('utf-8', 'surrogateescape').encode('utf-8', 'surrogateescape'), ascii(b'\x80abc'.decode('ascii', 'surrogateescape')))
for data, enc in [(b'\x00\xd8', 'utf-16-le'), (b'\x00\xd8\x00\x00', 'utf-32-le'), (b'\x00\xdc\x00\xd8', 'utf-16-le'), (b'\x00\xd8a\x00', 'utf-16-le'), (b'\xd8\x00\xdc\x00', 'utf-16-be')]:
    for err in ['strict', 'surrogatepass', 'replace', 'ignore']:
        try:
            print(data, enc, err, ascii(data.decode(enc, err)))
        except UnicodeDecodeError as e:
            print(data, enc, err, 'UnicodeDecodeError:', e)
print(ascii(str(b'\x80abc', 'ascii', 'surrogateescape')), ascii(bytes('\udcff', 'utf-8', 'surrogateescape')), ascii(bytearray('\ud800', 'utf-16-le', 'surrogatepass')))
