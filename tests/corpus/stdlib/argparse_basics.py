# argparse: options, positionals, nargs, actions, help/usage text and error messages (exit 2)
import argparse
import sys

sys.stderr = sys.stdout


def run(parser, args):
    try:
        print(parser.parse_args(args))
    except SystemExit as e:
        print('exit', e.code)


p = argparse.ArgumentParser(prog='tool', description='Does things with files and stuff.',
                            epilog='See docs.')
p.add_argument('src', help='source file')
p.add_argument('dst', nargs='?', default='out', help='destination (default: %(default)s)')
p.add_argument('-n', '--count', type=int, default=3, help='how many')
p.add_argument('-v', '--verbose', action='count', default=0)
p.add_argument('--mode', choices=['fast', 'slow'], help='speed')
p.add_argument('--tag', action='append', metavar='T')
p.add_argument('-q', action='store_true', help='quiet mode')
p.print_help()
print(p.format_usage(), end='')
run(p, ['a', '-n', '5', '-vv', '--tag', 'x', '--tag=y', '--mode', 'fast'])
run(p, ['a', 'b', '-n7', '-q', '--verb'])
run(p, ['--count=8', 'a'])
for bad in (['a', '-n', 'x'], [], ['a', '--mode', 'medium'], ['a', 'b', 'c'],
            ['a', '--count'], ['a', '--bogus'], ['a', '-qx']):
    run(p, bad)
print(p.parse_known_args(['a', '--bogus', 'b', 'c']))

q = argparse.ArgumentParser(prog='nums')
q.add_argument('values', nargs='+', type=float)
q.add_argument('--pair', nargs=2, metavar=('X', 'Y'))
q.add_argument('--opt', nargs='?', const='C', default='D')
q.add_argument('--many', nargs='*')
q.add_argument('--const', action='store_const', const=42)
q.add_argument('--off', action='store_false', dest='enabled')
q.add_argument('--version', action='version', version='%(prog)s 1.0')
q.print_help()
run(q, ['1', '-2.5', '3'])
run(q, ['1', '--pair', 'a', 'b', '--opt', '--many', 'x', 'y', '--const', '--off'])
run(q, ['1', '--opt', 'v', '--many'])
run(q, ['--', '-1', '-2'])
run(q, ['1', '--pair', 'a'])
run(q, ['x'])
run(q, [])
run(q, ['--version'])
run(q, ['-h'])

g = argparse.ArgumentParser(prog='grp')
ex = g.add_mutually_exclusive_group(required=True)
ex.add_argument('--json', action='store_true')
ex.add_argument('--xml', action='store_true')
extra = g.add_argument_group('extra stuff', 'Options that tune the output.')
extra.add_argument('--indent', type=int, default=2, help='spaces per level')
g.add_argument('--flag', action=argparse.BooleanOptionalAction, default=True, help='a flag')
g.print_help()
run(g, ['--json'])
run(g, ['--json', '--xml'])
run(g, [])
run(g, ['--xml', '--no-flag', '--indent', '4'])
run(g, ['--js'])
run(g, ['--indent', 'four', '--json'])

s = argparse.ArgumentParser(prog='git')
s.add_argument('--debug', action='store_true')
sub = s.add_subparsers(dest='command', help='sub-command help')
add = sub.add_parser('add', help='add files')
add.add_argument('paths', nargs='*')
add.add_argument('-f', '--force', action='store_true')
rm = sub.add_parser('rm', help='remove files')
rm.add_argument('path')
s.print_help()
add.print_help()
run(s, ['add', 'a.txt', 'b.txt', '-f'])
run(s, ['--debug', 'rm', 'x'])
run(s, ['rm'])
run(s, ['mv'])
run(s, [])
print(argparse.Namespace(a=1, b='x'), argparse.Namespace() == argparse.Namespace())

w = argparse.ArgumentParser(prog='a_rather_long_program_name')
for i in range(8):
    w.add_argument('--option-number-%d' % i, metavar='VALUE%d' % i,
                   help='this is the help text for option %d which is fairly long and will '
                        'need to wrap onto more lines' % i)
w.add_argument('input_file')
w.add_argument('output_files', nargs='+')
w.print_help()
try:
    w.add_argument('--option-number-1')
except argparse.ArgumentError as e:
    print(type(e).__name__, e)
try:
    p.add_argument('pos', required=True)
except TypeError as e:
    print(type(e).__name__, e)
