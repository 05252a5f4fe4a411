# The stat module: file-type tests, permission bits, filemode, constants, bad input.
import stat

def attempt(f, *args):
    try:
        print(repr(f(*args)))
    except Exception as e:
        print(type(e).__name__, e)

modes = [0o40755, 0o100644, 0o120777, 0o104755, 0o41777, 0o102745, 0, 0o20600, 0o60600, 0o10600, 0o140600, 0o100000]
for m in modes:
    print(oct(m), stat.filemode(m), stat.S_IMODE(m), stat.S_IFMT(m), [f.__name__ for f in (
        stat.S_ISDIR, stat.S_ISREG, stat.S_ISLNK, stat.S_ISCHR, stat.S_ISBLK, stat.S_ISFIFO,
        stat.S_ISSOCK, stat.S_ISDOOR, stat.S_ISPORT, stat.S_ISWHT) if f(m)])
print(stat.S_IFDIR, stat.S_IFREG, stat.S_IFLNK, stat.S_IRWXU, stat.S_IRUSR | stat.S_IWUSR, stat.S_ISUID)
print(stat.ST_MODE, stat.ST_SIZE, stat.ST_MTIME, stat.S_ENFMT == stat.S_ISGID, stat.S_IREAD, stat.UF_HIDDEN)
print(stat.S_IMODE(True), stat.filemode(2**31))
for bad in ["x", 1.5, -1, 2**70, None]:
    for f in (stat.S_ISDIR, stat.S_IMODE, stat.S_IFMT, stat.filemode):
        attempt(f, bad)
