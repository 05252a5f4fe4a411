# sys.modules: injected modules, None entries, deletion and re-import
import sys
ModuleType = type(sys)
fake = ModuleType("_fake_mod", "fake doc")
fake.answer = 41
sys.modules["_fake_mod"] = fake
import _fake_mod
print(_fake_mod is fake, _fake_mod.answer, _fake_mod.__doc__)
from _fake_mod import answer
print(answer)
sys.modules["_blocked"] = None
try:
    import _blocked
except ImportError as e:
    print(type(e).__name__, e, e.name)
class Anything:
    value = "an instance of a class"
sys.modules["_obj"] = Anything()
import _obj
print(_obj.value)
import _replacer
print(type(_replacer).__name__, _replacer.note)
m = ModuleType("made")
print(m.__name__, m.__doc__, repr(m))
m.x = 1
print(sorted(vars(m)))
print(ModuleType.__name__)
try:
    ModuleType()
except TypeError as e:
    print("TypeError:", e)
del sys.modules["_fake_mod"]
try:
    import _fake_mod
except ModuleNotFoundError as e:
    print(e)
