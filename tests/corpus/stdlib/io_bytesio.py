# io.BytesIO, io module names, and isinstance checks of file objects
import io
import os

b = io.BytesIO(b'abc\ndef\n')
print(b.readline(), b.read(2), b.read(), b.read(), b.tell())
b.seek(0)
print(b.readlines(), list(io.BytesIO(b'x\ny')))
b = io.BytesIO()
print(b.write(b'hello'), b.write(bytearray(b' wor')), b.write(memoryview(b'ld')), b.getvalue())
b.seek(10)
b.write(b'!')
print(b.getvalue(), b.tell())
print(b.seek(-3, 2), b.read(), b.seek(-100, 1), b.truncate(5), b.getvalue())
buf = bytearray(3)
b.seek(1)
print(b.readinto(buf), buf, b.read1(1), b.tell())
view = b.getbuffer()
print(len(view), bytes(view), view[0])
del view
b = io.BytesIO(bytearray(b'init'))
print(b.getvalue(), b.readable(), b.writable(), b.seekable())
with io.BytesIO(b'ctx') as b:
    print(b.read())
print(b.closed)


def attempt(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)


attempt(lambda: io.BytesIO('text'))
b = io.BytesIO(b'xyz')
attempt(lambda: b.write('str'))
attempt(lambda: b.seek(-1))
attempt(lambda: b.seek(0, 5))
attempt(lambda: b.truncate(-2))
attempt(lambda: b.read('2'))
b.close()
attempt(lambda: b.read())
attempt(lambda: b.getvalue())
attempt(lambda: b.write(b'x'))

print(io.SEEK_SET, io.SEEK_CUR, io.SEEK_END, io.DEFAULT_BUFFER_SIZE)
print(io.open is open, io.TextIOWrapper, io.BufferedReader)
print(io.UnsupportedOperation.__mro__)
path = '/tmp/pyrite_io_bytesio_test.txt'
with open(path, 'w') as f:
    print(isinstance(f, io.TextIOBase), isinstance(f, io.IOBase), isinstance(f, io.BufferedIOBase))
    print(type(f) is io.TextIOWrapper)
with open(path, 'rb') as f:
    print(isinstance(f, io.BufferedIOBase), isinstance(f, io.IOBase), isinstance(f, io.TextIOBase))
    print(type(f) is io.BufferedReader)
with open(path) as f:
    try:
        f.write('x')
    except io.UnsupportedOperation as e:
        print(type(e).__name__, e, isinstance(e, OSError), isinstance(e, ValueError))
os.remove(path)
print(isinstance(io.BytesIO(), io.BufferedIOBase), isinstance(io.BytesIO(), io.TextIOBase))
