# __eq__ without __hash__ makes instances unhashable; __hash__ = None; inherited hash
class E:
    def __eq__(self, o): return True
print(E.__hash__)
try:
    hash(E())
except TypeError as e:
    print("TypeError:", e)
try:
    {E(): 1}
except TypeError as e:
    print("TypeError:", e)
class H:
    def __eq__(self, o): return isinstance(o, H)
    def __hash__(self): return 7
print(hash(H()), len({H(), H()}))
class NoHash:
    __hash__ = None
try:
    {NoHash()}
except TypeError as e:
    print("TypeError:", e)
class Child(H):
    def __eq__(self, o): return False
try:
    hash(Child())
except TypeError as e:
    print("TypeError:", e)
class Child2(H):
    pass
print(hash(Child2()))
class Big:
    def __hash__(self): return 2**70
print(hash(Big()) == hash(2**70))
class Neg:
    def __hash__(self): return -1
print(hash(Neg()))
class Bad:
    def __hash__(self): return "x"
try:
    hash(Bad())
except TypeError as e:
    print("TypeError:", e)
class BoolHash:
    def __hash__(self): return True
print(hash(BoolHash()))
class P: pass
p = P()
print(hash(p) == hash(p), p == p, {p: 1}[p])
