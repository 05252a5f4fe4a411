# re: RegexFlag is an enum.IntFlag with global members — reprs like re.IGNORECASE|re.MULTILINE,
# unknown bits kept as hex, iteration, membership, int behaviour, and flags in compile().
import enum
import re

I, M = re.IGNORECASE, re.MULTILINE
print(repr(I | M), str(I | M), repr(re.RegexFlag(0)), repr(I | 1024), repr(~I), repr(re.A))
print(I == 2, int(I | M), type(I | M).__name__, isinstance(I, int), f"{I}", format(I, "d"),
      hash(I) == hash(2), repr(I & M), repr(I ^ I), I in (I | M), M in I)
print(list(re.RegexFlag)[:4], len(re.RegexFlag.__members__), re.RegexFlag(6),
      repr(re.RegexFlag(2 | 512)), re.RegexFlag["DOTALL"], re.S is re.DOTALL)
print(issubclass(re.RegexFlag, enum.IntFlag), re.RegexFlag.__module__, re.NOFLAG, re.X.name,
      re.X.value, (re.I | re.S).name)
print(re.compile("a.b", re.I | re.S), re.compile("x", re.M | re.X | re.A).flags)
print(re.findall("^a", "A\na", flags=re.I | re.M), re.match("a", "A", re.IGNORECASE))
print(sorted(f.name for f in re.I | re.M | re.S))
