# re/json edge cases: deeply nested groups (RecursionError as CPython), catastrophic
# backtracking that still ends, non-ASCII subjects and offsets, deep JSON arrays.
import re, json
try:
    re.compile("(" * 50000 + ")" * 50000)
    print("ok deep")
except Exception as e:
    print(type(e).__name__)
print(re.match(r"(a+)+b", "a" * 22 + "c"))
print(re.findall(r"\d", "١2"), re.sub("é", "e", "café"), re.split("ζ", "αζβ"))
print(re.search(r"(?<=é)x", "éx").span())
print(re.match("a", "a", re.I | re.M))
try:
    json.loads("[" * 20000)
except RecursionError as e:
    print("RecursionError", e)
print(len(json.dumps(list(range(1000)))))
print(re.fullmatch(r"\w+", "日本語"), re.search(r"語", "日本語 x").span())
print(re.sub(r"(?i)É", "E", "éÉ"), re.findall(r"(?i)[à-ÿ]", "ÀÉ"))
