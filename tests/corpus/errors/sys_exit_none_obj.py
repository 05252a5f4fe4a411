# sys.exit with a non-int, non-str object prints its str to stderr and exits 1.
import sys
print(type(['bad']).__name__)
print('exit codes', [0, 1, 'text'])
try:
    sys.exit('caught message')
except SystemExit as e:
    print('caught', repr(e.code))
print('exit with a list')
sys.exit(['bad', 'state', 2])
