# sys.stderr.write/print to stderr interleaved with stdout; sys.stdout.write return values.
import sys
n = sys.stdout.write('via sys.stdout.write\n')
print('returned', n)
m = sys.stderr.write('via sys.stderr.write\n')
print('stderr returned', m)
for i in range(3):
    print('out', i)
    print('err', i, file=sys.stderr)
sys.stdout.write('no newline at end')
sys.stdout.write('\n')
print(sys.stdout.writable(), sys.stderr.writable())
sys.stderr.flush()
sys.stdout.flush()
