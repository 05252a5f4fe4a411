# __getattr__ that recurses on itself raises RecursionError, not a crash
class Broken:
    def __getattr__(self, name):
        return self.missing_too
try:
    Broken().anything
except RecursionError as e:
    print("RecursionError:", e)
class Proxy:
    def __init__(self, target):
        self.target = target
    def __getattr__(self, name):
        return getattr(self.target, name)
p = Proxy([1, 2])
print(p.count(1))
import_free = Proxy.__new__(Proxy)
try:
    import_free.foo
except RecursionError as e:
    print("RecursionError:", e)
class Loop:
    def __getattribute__(self, name):
        return self.__dict__[name]
try:
    Loop().x
except RecursionError as e:
    print("RecursionError:", e)
class SetLoop:
    def __setattr__(self, name, value):
        setattr(self, name, value)
try:
    SetLoop().x = 1
except RecursionError as e:
    print("RecursionError:", e)
print("still alive")
