# __index__, __int__, __float__, __complex__, __round__, __trunc__ and their errors
class I:
    def __index__(self): return 3
print([10, 20, 30, 40][I()], "abcdef"[I():], bin(I()), hex(I()), range(I()), int(I()))
print([0] * I(), "xy" * I())
class N:
    def __int__(self): return 42
    def __float__(self): return 2.5
    def __complex__(self): return 1j
print(int(N()), float(N()), complex(N()))
class BadIndex:
    def __index__(self): return "no"
try:
    [1][BadIndex()]
except TypeError as e:
    print("TypeError:", e)
class BadInt:
    def __int__(self): return 1.5
try:
    int(BadInt())
except TypeError as e:
    print("TypeError:", e)
class BadFloat:
    def __float__(self): return 1
try:
    float(BadFloat())
except TypeError as e:
    print("TypeError:", e)
class Nothing: pass
for conv in (int, float, complex):
    try:
        conv(Nothing())
    except TypeError as e:
        print("TypeError:", e)
try:
    [1][Nothing()]
except TypeError as e:
    print("TypeError:", e)
class Rnd:
    def __round__(self, n=None): return ("round", n)
    def __trunc__(self): return 7
print(round(Rnd()), round(Rnd(), 2))
class IntSub(int):
    def __index__(self): return 99
print(int(IntSub(5)), [0, 1, 2, 3, 4, 5, 6][IntSub(5)])
