# sys.exit with a non-int, non-str object prints its str to stderr and exits 1.
import sys
print('exit with a list')
sys.exit(['bad', 'state', 2])
