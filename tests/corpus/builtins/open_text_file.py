# open() in text mode: write, read, readline, readlines, iteration, append, with, seek/tell basics.
import sys
import os
path = '/tmp/pyrite_corpus_open_text_%d.txt' % os.getpid()  # per process: runs may overlap
with open(path, 'w') as f:
    n = f.write('first line\nsecond line\n')
    f.write('third ünïcode line\n')
    print('wrote', n, 'chars; closed inside with:', f.closed)
print('closed after with:', f.closed)
with open(path) as f:
    print(repr(f.read()))
with open(path, 'r') as f:
    print(repr(f.readline()), repr(f.readline()))
    print(repr(f.readline()), repr(f.readline()))
with open(path) as f:
    for i, line in enumerate(f):
        print(i, line.rstrip('\n'))
with open(path, 'a') as f:
    f.write('appended\n')
with open(path) as f:
    print(f.readlines())
f = open(path)
print(f.read(5), '|', f.read(3), '|', f.readline(), end='')
f.close()
try:
    f.read()
except ValueError as e:
    print(type(e).__name__, e)
with open(path, 'w') as f:
    print('written', 'via', 'print', file=f, sep='-')
with open(path) as f:
    print(repr(f.read()))
try:
    open('/tmp/pyrite_corpus_does_not_exist/x.txt')
except FileNotFoundError as e:
    print(type(e).__name__, e.errno, e.strerror, e.filename)
with open(path, 'w') as f:
    f.write('')
with open(path) as f:
    print(repr(f.read()), repr(f.readline()), f.readlines())
import os  # only for cleanup of the temporary file
os.remove(path)
print('removed')
