# re.sub/subn/split: templates (\1, \g<name>, \g<0>, escapes), callables, count,
# empty matches, maxsplit, groups in split, bytes.
import re

print(re.sub(r"(\w+)@(\w+)", r"\2 at \1", "joe@home and ann@work"))
print(re.sub(r"(?P<k>\w+)=(?P<v>\w+)", r"\g<v>:\g<k>;\g<0>", "a=1 b=2"))
print(re.sub(r"a", r"\n\t\\-", "bab"), repr(re.sub("a", "\\\\", "a")))
print(re.sub(r"\d+", lambda m: str(int(m.group()) * 2), "1 22 333"))
print(re.subn(r"o", "0", "foo boo"), re.subn(r"o", "0", "foo boo", count=2), re.subn("z", "y", "abc"))
print(re.sub("x*", "-", "abxd"), re.sub("", "-", "abc"), re.sub("(?=b)", "^", "abab"))
print(re.sub(r"(a)|b", r"[\1]", "ab"))
print(re.split(r"\W+", "Words, words, words."))
print(re.split(r"(\W+)", "Words, words, words."))
print(re.split(r"\W+", "Words, words, words.", maxsplit=1))
print(re.split("[a-f]+", "0a3B9", flags=re.IGNORECASE))
print(re.split(r"(\W+)?", "a, b"), re.split("x*", "axbc"), re.split(r"\b", "ab cd"))
print(re.split("(a)|(b)", "1a2b3"))
print(re.sub(rb"(\d)", rb"<\1>", b"a1b2"), re.split(rb",", b"a,b"), re.findall(rb"\w", b"a b"))
print(re.sub("a", lambda m: None, "aba") if False else re.sub("a", lambda m: "", "aba"))
print(re.sub(r"(\w)(\w)", r"\2\1", "abcdef", count=2))
print(re.compile(r"\s+").sub(" ", "a  b \t\n c"))
print(re.sub(r"(?i)HELLO", "bye", "Hello hello HELLO"))
print(re.escape("a.b*c?d[e]f{g}(h)|i^j$k\\l m-n#o&p~q"), re.escape(b"a.b"))
print(re.escape("é_1"), re.sub("(b)", r"\g<1>0", "abc"), re.sub("(b)", r"\10", "abc") if False else "")
for pat, repl in [("(a)", r"\2"), ("(a)", r"\g<x>"), ("(a)", r"\g<1"), ("(a)", r"\g"),
                  ("(a)", r"\q"), ("(a)", "\\"), ("(a)", r"\g<-1>"), ("(a)", r"\g<>")]:
    try:
        print(re.sub(pat, repl, "a"))
    except Exception as e:
        print(type(e).__name__, e)
try:
    re.sub("a", b"x", "a")
except TypeError as e:
    print("TypeError", e)
try:
    re.sub("a", "x", b"a")
except TypeError as e:
    print("TypeError", e)
try:
    re.search(b"a", "a")
except TypeError as e:
    print("TypeError", e)
