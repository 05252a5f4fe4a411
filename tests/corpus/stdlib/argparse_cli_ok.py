# argparse: parse_args() reads sys.argv[1:] (given by .argv)
import argparse

parser = argparse.ArgumentParser()
parser.add_argument('integers', metavar='N', type=int, nargs='+')
parser.add_argument('--max', dest='accumulate', action='store_const', const=max, default=sum)
args = parser.parse_args()
print(args, args.accumulate(args.integers))
