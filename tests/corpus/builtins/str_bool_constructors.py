# str() and bool() constructors on many values, str(bytes, encoding), and repr vs str.
vals = [0, -12, 3.0, 1e100, 1.5e-7, None, True, [1, 'a'], ('x',), {'k': [1]}, {1, 2}, 'text', b'by', range(2)]
for v in vals:
    print(str(v), '|', repr(v), '|', bool(v))
print(repr(str()), bool(), str(b'abc', 'ascii'), str(b'h\xc3\xa9', encoding='utf-8'))
print(str(b'\xff', 'utf-8', 'replace'), str(b'\xff', 'latin-1'), str(b'a\xffb', 'ascii', 'ignore'))
try:
    str(b'\xff', 'utf-8')
except UnicodeDecodeError as e:
    print(type(e).__name__, e)
print(bool([]), bool([[]]), bool(0.0), bool(-0.0), bool(1e-300), bool('0'), bool(' '))
class Falsy:
    def __bool__(self):
        return False
class ByLen:
    def __len__(self):
        return 0
print(bool(Falsy()), bool(ByLen()), not Falsy())
class BadBool:
    def __bool__(self):
        return 1
try:
    bool(BadBool())
except TypeError as e:
    print(type(e).__name__, e)
