# open() in binary mode: write bytes, read all/partial, readline, iteration, and text/bytes errors.
import os
path = '/tmp/pyrite_corpus_open_binary_%d.bin' % os.getpid()  # per process: runs may overlap
with open(path, 'wb') as f:
    print(f.write(b'line one\n'), f.write(bytes(range(250, 256))), f.write(b'\nend\r\n'))
with open(path, 'rb') as f:
    data = f.read()
print(data, len(data))
with open(path, 'rb') as f:
    print(f.readline(), f.read(3), f.read(0), f.read())
    print(f.read(), f.readline())
with open(path, 'rb') as f:
    print(list(f))
try:
    with open(path, 'wb') as f:
        f.write('text into binary')
except TypeError as e:
    print(type(e).__name__, e)
try:
    with open(path, 'w') as f:
        f.write(b'bytes into text')
except TypeError as e:
    print(type(e).__name__, e)
with open(path, 'wb') as f:
    f.write('héllo wörld\n'.encode('utf-8'))
with open(path) as f:
    print(repr(f.read()))
with open(path, 'rb') as f:
    print(f.read().decode('utf-8').upper())
import os  # only for cleanup of the temporary file
os.remove(path)
print('removed')
