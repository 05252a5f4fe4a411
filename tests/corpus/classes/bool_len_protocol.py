# __bool__ and __len__ for truth testing, and their errors
class T:
    def __bool__(self): return False
class L:
    def __init__(self, n): self.n = n
    def __len__(self): return self.n
print(bool(T()), bool(L(0)), bool(L(3)), not L(0), len(L(5)))
print("yes" if L(1) else "no", [x for x in [L(0), L(2)] if x][0].n)
class BadBool:
    def __bool__(self): return 1
try:
    bool(BadBool())
except TypeError as e:
    print("TypeError:", e)
try:
    if BadBool(): pass
except TypeError as e:
    print("TypeError:", e)
for n in [-1, "3", 2**70, 2.5]:
    try:
        print(len(L(n)))
    except (TypeError, ValueError, OverflowError) as e:
        print(type(e).__name__ + ":", e)
    try:
        print(bool(L(n)))
    except (TypeError, ValueError, OverflowError) as e:
        print(type(e).__name__ + ":", e)
class Both:
    def __bool__(self): return True
    def __len__(self): return 0
print(bool(Both()))
class NoneBool:
    __bool__ = None
try:
    bool(NoneBool())
except TypeError as e:
    print("TypeError:", e)
class Empty: pass
print(bool(Empty()))
try:
    len(Empty())
except TypeError as e:
    print("TypeError:", e)
