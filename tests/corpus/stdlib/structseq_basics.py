# Struct sequences (time.struct_time, os.stat_result, sys.*_info): tuple behaviour,
# named and hidden fields, repr, construction errors, __reduce__, __replace__, copy.
import copy
import os
import sys
import time

T = time.struct_time
print(T.n_sequence_fields, T.n_fields, T.n_unnamed_fields, T.__match_args__)
print(T.__name__, T.__qualname__, T.__module__, T.__bases__, T.__mro__)
print(T.tm_year, type(T.tm_year).__name__)
t = T(range(11))
print(t)
print(t.tm_year, t.tm_isdst, t.tm_zone, t.tm_gmtoff, len(t), t[2], t[-1], t[:3])
print(isinstance(t, tuple), type(t).__name__, t == tuple(range(9)), hash(t) == hash(tuple(range(9))))
print(tuple(t), list(t), t + (1,), t * 0, 3 in t, t.index(4), t.count(1))
a, b, *rest = t
print(a, b, rest)
match t:
    case T(tm_year=y, tm_mon=m):
        print("matched", y, m)
print(T(range(9)).tm_zone, T([1] * 10).tm_zone)
print(T(range(9), {"tm_zone": "UTC", "tm_gmtoff": 3600}).tm_zone)
print(T(sequence=range(9), dict={"tm_gmtoff": 5}).tm_gmtoff)
print(t.__reduce__())
print(copy.copy(t) == t, copy.deepcopy(t).tm_zone)
r = t.__replace__(tm_year=2024, tm_zone="X")
print(r, r.tm_zone, r.tm_gmtoff)
print(copy.replace(t, tm_mon=12).tm_mon)

def attempt(f, *args, **kwargs):
    try:
        print(repr(f(*args, **kwargs)))
    except Exception as e:
        print(type(e).__name__, e)

attempt(T, 1)
attempt(T, None)
attempt(T, (1, 2, 3))
attempt(T, range(12))
attempt(T, range(9), 5)
attempt(T, range(9), None)
attempt(T, range(3), 5)
attempt(T, range(9), {"tm_zone": "X", "bogus": 1})
attempt(T, range(10), {"tm_zone": "X"})
attempt(T)
attempt(T, range(9), {}, 3)
attempt(T, range(9), x=3)
attempt(t.__replace__, 1)
attempt(t.__replace__, bad=1, worse=2)
attempt(setattr, t, "tm_year", 5)
attempt(setattr, t, "foo", 5)
attempt(getattr, t, "__dict__")

class Sub:
    pass
attempt(type, "S", (T,), {})

S = os.stat_result
print(S.n_sequence_fields, S.n_fields, S.n_unnamed_fields, S.__match_args__)
s = S(range(10))
print(s, s.st_atime, s.st_mtime, s.st_ctime, s.st_atime_ns, s.st_blksize)
s = S(range(10), {"st_atime": 1.5, "st_rdev": 7})
print(s.st_atime, s.st_mtime, s.st_rdev, s[7])
attempt(s.__replace__, st_mode=1)
attempt(S, range(9))
attempt(S, range(20))
print(os.terminal_size((80, 24)), os.terminal_size((80, 24)).lines)
attempt(os.terminal_size, (1, 2, 3))
