# os / os.path everyday parts: constants, pure path functions, file queries, environment,
# directories, rename, fspath, urandom, strerror, and error messages
import os
import os.path

print(os.sep, os.pathsep, os.curdir, os.pardir, os.extsep, os.devnull, os.altsep, os.linesep == '\n')
print(os.error is OSError, os.F_OK, os.R_OK, os.W_OK, os.X_OK)
for p in ('a//b/./c/..', '/../x', '', '//a', '///a', 'a/b/', '.'):
    print(repr(p), repr(os.path.normpath(p)))
print(os.path.relpath('/a/b/c', '/a/x'), os.path.relpath('/a', '/a'), os.path.relpath('/a/b', '/'))
print(os.path.commonprefix(['/usr/lib', '/usr/local/lib']), repr(os.path.commonprefix([])))
print(os.path.commonpath(['/usr/lib', '/usr/local/lib']), os.path.commonpath(['a/b', 'a/c']), os.path.commonpath(['/a']))
print(os.path.splitdrive('/x/y'), os.path.normcase('AbC'), os.path.expanduser('x/~'))
os.environ['PYRITE_TEST_VAR'] = 'val'
print(os.path.expandvars('plain'), os.path.expandvars('$NO_SUCH_VAR_X/a'), os.getenv('NO_SUCH_VAR_X'),
      os.getenv('NO_SUCH_VAR_X', 'dflt'), os.getenv('PYRITE_TEST_VAR'))


class P:
    def __fspath__(self):
        return '/tmp/from_fspath'


print(os.fspath('s'), os.fspath(b'b'), os.fspath(P()))
# One directory per process: the corpus runs its three modes at the same time.
base = '/tmp/pyrite_os_paths_test_%d' % os.getpid()


def show(path):
    return path.replace(base, 'BASE')


if os.path.isdir(base):
    for root in (base + '/x/y/z', base + '/x/y', base + '/x'):
        if os.path.isdir(root):
            os.rmdir(root)
    for name in ('f.txt', 'g.txt'):
        if os.path.exists(base + '/' + name):
            os.remove(base + '/' + name)
    os.rmdir(base)
os.makedirs(base + '/x/y/z')
os.makedirs(base + '/x/y/z', exist_ok=True)
with open(base + '/f.txt', 'w') as f:
    f.write('hello')
print(os.path.getsize(base + '/f.txt'), isinstance(os.path.getmtime(base + '/f.txt'), float))
print(os.path.islink(base + '/f.txt'), os.path.lexists(base + '/f.txt'), os.path.lexists(base + '/nope'))
print(os.path.samefile(base + '/f.txt', base + '/x/../f.txt'), os.access(base + '/f.txt', os.F_OK),
      os.access(base + '/nope', os.F_OK), os.access(base + '/f.txt', os.R_OK | os.W_OK))
print(show(os.path.realpath(base + '/x/y/../y/z/missing')))
os.rename(base + '/f.txt', base + '/g.txt')
print(sorted(os.listdir(base)))
os.replace(base + '/g.txt', base + '/f.txt')
old = os.getcwd()
os.chdir(base + '/x')
print(show(os.getcwd()), show(os.path.abspath('y')), os.path.relpath(base, '.'))
os.chdir(old)
os.removedirs(base + '/x/y/z')
print(sorted(os.listdir(base)))
os.remove(base + '/f.txt')
os.rmdir(base)
print(os.path.exists(base), len(os.urandom(16)), type(os.urandom(0)), isinstance(os.cpu_count(), int))
print(os.strerror(2), '|', os.strerror(13))


def attempt(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)


attempt(lambda: os.makedirs('/tmp'))
attempt(lambda: os.path.getsize('/nonexistent/file'))
attempt(lambda: os.chdir('/nonexistent/dir'))
attempt(lambda: os.rename('/nonexistent/a', '/tmp/b'))
attempt(lambda: os.fspath(3))
attempt(lambda: os.urandom(-1))
attempt(lambda: os.path.commonpath([]))
attempt(lambda: os.path.commonpath(['/a', 'b']))
attempt(lambda: os.path.relpath(''))
