# Data descriptors beat the instance dict; non-data descriptors lose to it
class Data:
    def __get__(self, obj, owner):
        return ("data", obj is None, owner.__name__)
    def __set__(self, obj, value):
        print("Data.__set__", value)
class NonData:
    def __get__(self, obj, owner):
        return ("nondata", obj is None, owner.__name__)
class SetOnly:
    def __set__(self, obj, value):
        obj.__dict__["so"] = value * 2
class DelOnly:
    def __get__(self, obj, owner):
        return "delonly-get"
    def __delete__(self, obj):
        print("DelOnly.__delete__")
class C:
    d = Data()
    n = NonData()
    so = SetOnly()
    do = DelOnly()
c = C()
c.__dict__["d"] = "inst-d"
c.__dict__["n"] = "inst-n"
print(c.d, c.n)
print(C.d, C.n)
c.d = 5
c.n = 6
print(c.n, c.__dict__)
c.so = 21
print(c.so, C.__dict__["so"] is C.so)
c.__dict__["do"] = "inst-do"
print(c.do)
del c.do
try:
    c.do = 1
except AttributeError as e:
    print("AttributeError:", e)
try:
    del c.d
except AttributeError as e:
    print("AttributeError:", e)
