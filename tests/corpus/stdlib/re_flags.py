# re flags: RegexFlag values and reprs, combining, Pattern.flags for str and bytes
# patterns, purge and the compile cache, escape, the module's public names.
import re

print(repr(re.I), str(re.M), repr(re.I | re.M), repr(re.M | re.I), repr(re.NOFLAG))
print(repr(re.A | re.I), re.S | re.X, int(re.U), re.I == 2, re.I | 0 == re.I, f"{re.I:d}")
print(re.IGNORECASE is re.I, re.DOTALL == 16, re.VERBOSE == 64, re.ASCII == 256, re.LOCALE == 4)
print(re.compile("a").flags, re.compile(b"a").flags, re.compile("a", re.I | re.M).flags)
print(re.compile("(?i)a").flags, re.compile("(?x)a").flags, re.compile("(?a)a").flags)
print(re.compile("a", re.I).match("A") is not None, re.match("a", "A", flags=re.IGNORECASE))
re.purge()
print(re.compile("x+") == re.compile("x+"), re.compile("x+").pattern)
print(isinstance(re.compile("a"), re.Pattern), isinstance(re.match("a", "a"), re.Match))
print(re.Pattern.__name__, re.Match.__name__)
