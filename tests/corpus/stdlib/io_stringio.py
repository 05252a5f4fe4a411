# io.StringIO: reading, writing, seeking, newline modes, iteration and errors
import io

s = io.StringIO()
print(s.write('hello\n'), s.write('world'), s.tell(), repr(s.getvalue()))
s.seek(0)
print(repr(s.read(3)), repr(s.readline()), repr(s.read()), repr(s.read()))
s.seek(0)
print(s.readlines(), s.tell())
s.seek(2)
s.write('LL')
print(repr(s.getvalue()), s.tell())
print(s.truncate(4), repr(s.getvalue()), s.tell())
s.seek(8)
s.write('!')
print(repr(s.getvalue()))
print(s.seek(0, 2), s.seek(0, 1), s.readable(), s.writable(), s.seekable(), s.isatty())

s = io.StringIO('line1\nline2\nline3')
print([line for line in s], repr(s.read()))
s = io.StringIO('a\nb\nc\n')
print(s.readlines(2), s.readlines())
s = io.StringIO('abc')
print(repr(s.readline(2)), repr(s.read(None)), repr(io.StringIO('xyz').read(-1)))
s = io.StringIO()
s.writelines(['a', 'b', 'c'])
print(repr(s.getvalue()))

text = 'ab\r\ncd\ref\ngh'
for nl in ('\n', None, '', '\r', '\r\n'):
    s = io.StringIO(text, newline=nl)
    print(repr(nl), repr(s.getvalue()), s.readlines(), s.newlines)
s = io.StringIO('ab\ncd', newline='\r\n')
print(repr(s.getvalue()))
s = io.StringIO(None)
print(repr(s.getvalue()), s.encoding, s.errors, s.line_buffering)

with io.StringIO('ctx') as s:
    print(s.read(), s.closed)
print(s.closed)


def attempt(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)


attempt(lambda: io.StringIO(5))
attempt(lambda: io.StringIO('', newline='x'))
attempt(lambda: io.StringIO('', newline=5))
s = io.StringIO('data')
attempt(lambda: s.write(5))
attempt(lambda: s.write(b'x'))
attempt(lambda: s.seek(-1))
attempt(lambda: s.seek(1, 1))
attempt(lambda: s.seek(-1, 2))
attempt(lambda: s.seek(0, 3))
attempt(lambda: s.seek(1.5))
attempt(lambda: s.truncate(-1))
attempt(lambda: s.read('x'))
attempt(lambda: s.detach())
attempt(lambda: s.fileno())
s.close()
s.close()
attempt(lambda: s.read())
attempt(lambda: s.getvalue())
attempt(lambda: s.write('x'))
attempt(lambda: s.tell())
attempt(lambda: next(iter(s)))
print(isinstance(io.StringIO(), io.TextIOBase), isinstance(io.StringIO(), io.IOBase))
print(issubclass(io.StringIO, io.BufferedIOBase), repr(io.StringIO())[:21])
