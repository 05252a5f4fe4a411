# argparse: a script given bad command-line arguments (.argv) exits with status 2 and
# CPython's usage/error text on stderr; prog comes from sys.argv[0]
import argparse

parser = argparse.ArgumentParser(description='Sum some integers.')
parser.add_argument('integers', metavar='N', type=int, nargs='+', help='an integer to sum')
parser.add_argument('--max', dest='accumulate', action='store_const', const=max, default=sum,
                    help='find the max (default: sum)')
print(parser.prog)
args = parser.parse_args()
print(args.accumulate(args.integers))
