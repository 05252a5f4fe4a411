# sys.exit() and sys.exit(0) exit with status 0; SystemExit can be caught first.
import sys
try:
    sys.exit(5)
except SystemExit as e:
    print('caught SystemExit with code', e.code, repr(e))
try:
    sys.exit()
except SystemExit as e:
    print('code of bare exit:', e.code)
print('exiting for real')
sys.exit(0)
