# __call__, __repr__, __str__, __format__ and their fallbacks and errors
class F:
    def __call__(self, *a, **k): return ("called", a, k)
print(F()(1, x=2), callable(F()), callable(F))
class R:
    def __repr__(self): return "R()"
class S(R):
    def __str__(self): return "S-str"
print(repr(R()), str(R()), str(S()), f"{S()}", f"{S()!r}", [S()], "%s %r" % (S(), S()))
class Fm:
    def __format__(self, spec): return f"<{spec}>"
print(format(Fm(), "abc"), f"{Fm():>10}", "{:x}".format(Fm()), f"{Fm()}")
class BadRepr:
    def __repr__(self): return 5
try:
    repr(BadRepr())
except TypeError as e:
    print("TypeError:", e)
class BadStr:
    def __str__(self): return None
try:
    str(BadStr())
except TypeError as e:
    print("TypeError:", e)
class BadFormat:
    def __format__(self, spec): return 1
try:
    format(BadFormat())
except TypeError as e:
    print("TypeError:", e)
class Plain: pass
try:
    format(Plain(), "d")
except TypeError as e:
    print("TypeError:", e)
print(format(Plain(), "") == str(Plain()))
try:
    Plain()()
except TypeError as e:
    print("TypeError:", e)
class StrSub(str):
    def __str__(self): return "custom"
print(str(StrSub("x")), repr(StrSub("y")), f"{StrSub('z')}")
