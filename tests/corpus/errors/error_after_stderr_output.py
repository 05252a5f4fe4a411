# Output on both stdout and stderr followed by an uncaught exception.
import sys
print('to stdout 1')
print('to stderr 1', file=sys.stderr)
print('to stdout 2')
sys.stderr.write('raw stderr write\n')
raise RuntimeError('fail after mixed output')
