# string: constants, capwords, Template (substitute, safe_substitute, invalid placeholders, custom delimiter), Formatter (fields, conversions, nesting, numbering errors, overrides).
import string
print(repr(string.whitespace), string.ascii_letters, string.digits, string.hexdigits, string.octdigits)
print(string.punctuation, repr(string.printable))
print(string.capwords(" hello   world  foo "), string.capwords("a-b-c", "-"), string.capwords(""))
T = string.Template
t = T("$who likes $what, ${who}s cost $$5")
print(t.substitute(who="tim", what="ham"), t.substitute({"who": "a", "what": "b"}, what="c"))
print(t.safe_substitute(who="x"), t.get_identifiers(), t.is_valid())
try: t.substitute(who="x")
except KeyError as e: print("KeyError", e)
for bad in ["$", "ab $ cd", "x\ny $1", "${1}", "${a"]:
    try: T(bad).substitute(a=1)
    except ValueError as e: print(e)
    print(repr(T(bad).safe_substitute()), T(bad).is_valid())
print(T("$ $a").get_identifiers())
class P(T):
    delimiter = "%"
print(P("%a and %% and ${b}").substitute(a=1, b=2))
f = string.Formatter()
print(f.format("{0} {1!r} {x:>5} {{}} {y[0]} {z.real}", 1, "s", x="r", y=[7], z=3))
print(f.format("{} {}", 1, 2), f.format("{:{}}", "a", 4), f.vformat("{a}", (), {"a": 1}))
print(list(f.parse("a{b!r:>3}c{{d}}e{}")))
for bad in ["{0} {}", "{} {0}", "{", "}", "{!x}", "{a"]:
    try: print(f.format(bad, 1, a=2))
    except (ValueError, IndexError, KeyError) as e: print(type(e).__name__, e)
class Up(string.Formatter):
    def format_field(self, value, spec): return str(value).upper()
print(Up().format("{0} and {1}", "a", "b"))
print(f.get_field("a.real", (), {"a": 5}), f.convert_field(1, "a"))
try: f.convert_field(1, "q")
except ValueError as e: print(e)
