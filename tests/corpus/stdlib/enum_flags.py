# enum: Flag and IntFlag (3.11+ semantics): combining, negation, iteration, boundaries
from enum import Flag, IntFlag, auto, STRICT, CONFORM, EJECT, KEEP, FlagBoundary


class Perm(Flag):
    R = 4
    W = 2
    X = 1


print(repr(Perm.R | Perm.W), str(Perm.R | Perm.W), repr(~Perm.R), repr(Perm(0)), str(Perm(0)))
print(list(Perm.R | Perm.X), len(Perm.R | Perm.W | Perm.X), list(Perm), bool(Perm(0)))
print(Perm.R in (Perm.R | Perm.W), Perm.X in (Perm.R | Perm.W), repr(Perm.R & Perm.W))
print(repr(Perm.R ^ Perm.R), repr(Perm(7)), repr(~Perm(7)), repr(~Perm(0)))
print((Perm.R | Perm.W) is Perm(6), repr(Perm.W | Perm.R))
for bad in (8, -9, 'x'):
    try:
        Perm(bad)
    except ValueError as e:
        print(type(e).__name__, e)
try:
    1 in Perm.R
except TypeError as e:
    print(type(e).__name__, e)
try:
    Perm.R | 1
except TypeError as e:
    print(type(e).__name__, e)


class Color(Flag):
    RED = auto()
    GREEN = auto()
    BLUE = auto()
    WHITE = RED | GREEN | BLUE


print(list(Color), repr(Color.WHITE), repr(Color.RED | Color.GREEN), len(Color))
print(repr(~Color.RED), Color.__members__.keys(), repr(Color(7)))


class IP(IntFlag):
    R = 4
    W = 2
    X = 1


print(repr(IP.R | 8), IP.R | IP.W, repr(~IP.R), IP.R + 1, repr(IP(0)), str(IP(0)))
print(repr(IP.R | IP.W), IP.R | 1, repr(IP(15)), IP.R == 4, isinstance(IP.W, int))
print(f"{IP.R | IP.X}", format(IP.W, 'b'), list(IP(7)), repr(IP(-1)))


class Conform(Flag, boundary=CONFORM):
    A = 1
    B = 2


class Eject(Flag, boundary=EJECT):
    A = 1
    B = 2


print(repr(Conform(7)), Eject(7), type(Eject(7)).__name__, repr(Eject(3)))
print(FlagBoundary.STRICT, repr(KEEP), Perm._boundary_, IP._boundary_)


class Empty(Flag):
    NONE = 0
    A = 1
    B = 2


print(repr(Empty(0)), repr(Empty.A & Empty.B), list(Empty))
