# __hash__ returning a non-int, raising, or being inherited wrongly
class StrHash:
    def __hash__(self): return "abc"
class FloatHash:
    def __hash__(self): return 1.0
class NoneHash:
    def __hash__(self): return None
class RaiseHash:
    def __hash__(self): raise KeyError("hashing")
for cls in (StrHash, FloatHash, NoneHash, RaiseHash):
    for action in (hash, lambda o: {o: 1}, lambda o: {o}, lambda o: [1].index(1) if o in {1: 2} else None):
        try:
            action(cls())
            print("ok")
        except TypeError as e:
            print("TypeError:", e)
        except KeyError as e:
            print("KeyError:", e)
class IntSubHash:
    def __hash__(self):
        class MyInt(int): pass
        return MyInt(12)
print(hash(IntSubHash()))
class HugeNeg:
    def __hash__(self): return -(2**80)
print(hash(HugeNeg()) == hash(-(2**80)))
hash(StrHash())
