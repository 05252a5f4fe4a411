# re basics: match/search/fullmatch, groups, named groups, spans, Match and Pattern
# attributes and reprs, lastindex/lastgroup, findall/finditer, code-point offsets.
import re

m = re.match(r"(\w+) (\w+)", "Isaac Newton, physicist")
print(m)
print(m.group(0), m.group(1), m.group(2), m.group(1, 2), m[0], m[2])
print(m.groups(), m.span(), m.span(2), m.start(1), m.end(1), m.regs)
print(m.pos, m.endpos, m.string, m.re, m.lastindex, m.lastgroup)
m = re.search(r"(?P<first>\w+) (?P<last>\w+)", "xx Malcolm Reynolds")
print(m.groupdict(), m["first"], m.group("last"), m.start("last"), m.lastgroup, m.lastindex)
print(re.search(r"(a)(b)?", "xxa").groups(), re.search(r"(a)(b)?", "xxa").groups("-"))
print(re.search(r"(?P<a>a)(?P<b>b)?", "a").groupdict(), re.search(r"(?P<a>a)(?P<b>b)?", "a").groupdict(0))
print(re.match("a", "ba"), re.search("a", "ba"), re.fullmatch("a+", "aaa"), re.fullmatch("a+", "aab"))
print(re.findall(r"\d+", "a1b22c333"), re.findall(r"(\w)(\d)", "a1 b2 c"), re.findall(r"(\w)=", "a= b= c"))
print(re.findall(r"(a)|b", "ab"), re.findall("", "abc"), re.findall(r"x*", "axxb"))
print([m.span() for m in re.finditer(r"\w+", "one two  three")])
p = re.compile(r"(?P<word>[a-z]+)(?P<num>\d*)", re.I)
print(p, p.pattern, p.flags, p.groups, p.groupindex)
print(p.match("ABC12def", 3), p.search("  xy9", 1, 4), p.fullmatch("ab1", 0, 3))
print(re.compile("a+"), re.compile(b"a+"), re.compile("x", re.M | re.S), re.compile("x", re.A))
print(re.compile(r"\d", re.U), re.compile("ab\n'\"c"))
print(re.match("x" * 60, "x" * 60))
s = "héllo wörld ☃ 😀 end"
print([(m.group(), m.span()) for m in re.finditer(r"\w+", s)])
print(re.search("😀", s).span(), re.search(r"\s(\S)\s", s).span(1))
print(re.match(r"(a)(b)(c)", "abc").lastindex, re.match(r"(a)((b)c)", "abc").lastindex)
print(re.match(r"(?:(a)|b)+", "ab").groups(), re.match(r"(?:(a)|b)+", "ab").lastindex)
m = re.match(r"(a)?(b)", "b")
print(m.start(1), m.end(1), m.span(1), m.group(1))
for bad in (3, "nope", -1, 1.5):
    try:
        m.group(bad)
    except IndexError as e:
        print("IndexError", e)
print(bool(m), m.expand(r"[\2|\g<2>|\g<0>]"))
print(re.match(r"a", "a").group(True) if False else "skip")
print(re.compile("a") == re.compile("a"), re.compile("a") == re.compile("a", re.I))
print(re.compile("a") is re.compile("a"))
