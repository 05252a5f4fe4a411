# from m import *: __all__ naming a missing attribute fails on that name
import sys
try:
    from _star_bad import *
except AttributeError as e:
    print("AttributeError:", e)
print("present" in globals())
def inner():
    namespace = {}
    exec("from _star_bad import present", namespace)
    return namespace["present"]
print(inner())
fake = type(sys)("_star_fake")
fake.__all__ = ["a", "b"]
fake.a = "A"
fake.b = "B"
sys.modules["_star_fake"] = fake
from _star_fake import *
print(a, b)
fake.__all__ = ["a", 5]
from _star_fake import *
