# Output on both stdout and stderr followed by an uncaught exception.
import sys
print('more output', sum(range(10)))
for i in range(3):
    print('line', i, 'of normal output')
print('to stdout 1')
print('to stderr 1', file=sys.stderr)
print('to stdout 2')
sys.stderr.write('raw stderr write\n')
raise RuntimeError('fail after mixed output')
