# Printing a string with a lone surrogate to stdout fails in the UTF-8 encoder (after earlier output).
import sys
print('before', ascii('\ud800'))
sys.stdout.write('ok\n')
try:
    sys.stdout.write('x\udc80y\n')
except UnicodeEncodeError as e:
    print('caught:', e)
print('a', 'b\ud800c', 'd')
print('not reached')
