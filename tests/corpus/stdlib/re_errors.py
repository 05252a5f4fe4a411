# re.error (PatternError) messages and positions for malformed patterns, flag errors,
# and bad arguments: each printed as type, message, pos, lineno, colno.
import re

bad = [
    "(", ")", "(a", "a)", "[a", "[", "a**", "*a", "a{2,1}", "(?P<1a>x)", "(?P<a>x)(?P<a>y)",
    "(?P=nope)", "\\", "a\\", r"\q", r"[\q]", r"\1", r"(a)\2", r"(?<=a+)b", r"(?<=a|bc)d",
    "(?", "(?Px)", "(?P", "(?<x", "(?z)", "(?i", "(?-i)", "(?i-i:a)", "(?a-a:x)", "x(?i)",
    r"[b-a]", r"[\d-z]", r"\x1", r"\u12", r"\U0011ffff", r"\N{NOT A NAME}", r"\N", "(?#abc",
    "a{4294967296}", "(?P<n>a)(?(m)b)", "(?(0)a)", "(?(x1)a)", "(a)(?(1)a|b|c)", "a\n(", "{1",
    r"\777", "(?P<>a)", "(?P<a", "(?<", "[a-\\w]", "(?i", "(?L)a", "(?u)a", "(?au)a",
    r"(?<=(?P<g>a)(?P=g))", "(?'x')", "+", "?", "^*", r"\b+", "(?:)",
]
for p in bad:
    try:
        r = re.compile(p)
        print(repr(p), "compiled", r.groups)
    except re.error as e:
        print(repr(p), type(e).__name__, "|", e, "|", e.msg, e.pos, e.lineno, e.colno)
    except Exception as e:
        print(repr(p), type(e).__name__, e)
for p, f in [("a", re.L), ("a", re.A | re.U), (b"a", re.U), (b"a", re.A | re.L)]:
    try:
        re.compile(p, f)
    except ValueError as e:
        print("ValueError", e)
for p in [b"(", b"\\q", b"(?u)x"]:
    try:
        re.compile(p)
    except re.error as e:
        print(type(e).__name__, e, e.pattern)
for arg in [1, None, ["a"]]:
    try:
        re.compile(arg)
    except TypeError as e:
        print("TypeError", e)
try:
    re.compile(re.compile("a"), re.I)
except ValueError as e:
    print("ValueError", e)
print(re.error is re.PatternError, issubclass(re.error, Exception))
e = re.error("custom")
print(e, e.msg, e.pos, e.pattern, e.lineno)
