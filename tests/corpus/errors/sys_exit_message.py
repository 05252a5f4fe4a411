# sys.exit("message") prints the message to stderr and exits with status 1.
import sys
print('exit status will be 1')
print('about to exit with a message')
steps = ['load', 'validate', 'configure']
for s in steps:
    print('step', s)
print(sys.maxsize > 0)
print('working')
sys.exit('fatal: configuration missing')
