# os.stat/lstat/fstat and os.stat_result, the stat module, os.scandir and DirEntry,
# os.walk (top-down with pruning, bottom-up, onerror, symlinks), makedirs/rename/remove,
# and the errors CPython raises for each.
import os
import stat

# Work in a fresh directory and name everything relative to it, so messages are stable.
work = "/tmp/pyrite_os_stat_walk_%d" % os.getpid()
os.mkdir(work)
os.chdir(work)
base = "tree"

def attempt(f, *args, **kwargs):
    try:
        print(repr(f(*args, **kwargs)))
    except Exception as e:
        print(type(e).__name__, e)

os.makedirs(base + "/a/b/c")
os.makedirs(base + "/d")
for name, text in [("f1.txt", "hello"), ("a/f2.txt", "x" * 100), ("a/b/f3.txt", ""), ("d/f4", "1234")]:
    with open(base + "/" + name, "w") as fh:
        fh.write(text)
os.symlink("a", base + "/link_to_a")
os.symlink("f1.txt", base + "/link_to_f1")
attempt(os.symlink, "a", base + "/link_to_a")

st = os.stat(base + "/f1.txt")
print(type(st).__name__, len(st), st.st_size, st[6], stat.S_ISREG(st.st_mode), stat.S_ISDIR(st.st_mode))
print(stat.filemode(st.st_mode)[0], st.st_nlink, st.st_uid >= 0)
print(isinstance(st.st_mtime, float), isinstance(st[8], int), st.st_mtime_ns // 10**9 == st[8], int(st.st_mtime) == st[8])
print(st.st_blocks >= 0, st.st_blksize > 0, st.st_ino == st[1], st.st_dev == st[2], st.st_rdev)
print(os.stat(base + "/link_to_f1") == st, stat.S_ISLNK(os.lstat(base + "/link_to_f1").st_mode))
print(os.stat(base + "/link_to_f1", follow_symlinks=False) == os.lstat(base + "/link_to_f1"))
print(stat.S_ISDIR(os.stat(base).st_mode), os.path.getsize(base + "/a/f2.txt"))
with open(base + "/f1.txt") as fh:
    print(os.fstat(fh.fileno()).st_size, os.fstat(fh.fileno()) == st)

attempt(os.stat, base + "/missing")
attempt(os.stat, "")
attempt(os.stat, base + "/f1.txt/x")
attempt(os.stat, 5.0)
attempt(os.stat, 9999)
attempt(os.stat, "a\0b")
attempt(os.lstat, 9999)
attempt(os.fstat, 9999)
attempt(os.fstat, "x")
attempt(os.stat)

print(sorted(e.name for e in os.scandir(base)))
with os.scandir(base) as it:
    entries = sorted(it, key=lambda e: e.name)
for e in entries:
    print(repr(e), e.path == base + "/" + e.name, e.is_dir(), e.is_file(), e.is_symlink(),
          e.is_dir(follow_symlinks=False), e.is_file(follow_symlinks=False), e.is_junction(),
          e.stat().st_size if e.is_file() else "-", os.fspath(e) == e.path, e.inode() == os.lstat(e.path).st_ino)
it = os.scandir(base)
it.close()
print(list(it))
attempt(os.scandir, base + "/missing")
attempt(os.scandir, base + "/f1.txt")

def rel(p):
    return p[len(base):] or "/"

for top, dirs, files in os.walk(base):
    dirs.sort()
    print("down", rel(top), dirs, sorted(files))
for top, dirs, files in os.walk(base):
    dirs[:] = [d for d in sorted(dirs) if d != "a"]
    print("pruned", rel(top), dirs, sorted(files))
print(sorted((rel(t), sorted(d), sorted(f)) for t, d, f in os.walk(base, topdown=False)))
print(sorted(rel(t) for t, d, f in os.walk(base, followlinks=True)))
errors = []
print(list(os.walk(base + "/missing", onerror=errors.append)), [type(e).__name__ for e in errors])
print(list(os.walk(base + "/missing")))

os.rename(base + "/d/f4", base + "/d/f5")
os.replace(base + "/d/f5", base + "/d/f6")
print(os.listdir(base + "/d"))
attempt(os.rename, base + "/nope", base + "/nope2")
attempt(os.makedirs, base + "/a")
os.makedirs(base + "/a", exist_ok=True)
attempt(os.mkdir, base + "/a")
attempt(os.rmdir, base + "/a")
attempt(os.remove, base + "/a")
attempt(os.remove, base + "/nope")

for top, dirs, files in os.walk(base, topdown=False):
    for f in files:
        os.remove(os.path.join(top, f))
    for d in dirs:
        p = os.path.join(top, d)
        if os.path.islink(p):
            os.remove(p)
        else:
            os.rmdir(p)
os.rmdir(base)
print(os.path.exists(base))
os.chdir("/")
os.rmdir(work)
