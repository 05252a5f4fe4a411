# str.encode with different codecs and error handlers, bytes.decode round trips.
s = 'héllo wörld €'
print(s.encode(), s.encode('utf-8'), len(s), len(s.encode()))
print(s.encode('latin-1', 'replace'), s.encode('ascii', 'ignore'), s.encode('ascii', 'replace'))
print(s.encode('ascii', 'backslashreplace'), s.encode('ascii', 'xmlcharrefreplace'))
print('\U0001F600'.encode('utf-8'), '\U0001F600'.encode('utf-16-le'), 'ab'.encode('utf-16-be'))
print(s.encode().decode(), s.encode('utf-8').decode('utf-8') == s, b'caf\xc3\xa9'.decode())
try:
    s.encode('ascii')
except UnicodeEncodeError as e:
    print(type(e).__name__, e)
try:
    b'\xc3\x28'.decode('utf-8')
except UnicodeDecodeError as e:
    print(type(e).__name__, e)
try:
    s.encode('no-such-codec')
except LookupError as e:
    print(type(e).__name__, e)
print(b'\xe9t\xe9'.decode('latin-1'), b'abc\xff'.decode('utf-8', 'replace'), b'abc\xff'.decode('utf-8', 'ignore'))
print(b'abc\xff'.decode('utf-8', 'backslashreplace'), '\ud800'.encode('utf-8', 'surrogatepass'))
