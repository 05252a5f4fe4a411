# __del__ is called deterministically when the last reference goes away
class Res:
    def __init__(self, name):
        self.name = name
        print("open", name)
    def __del__(self):
        print("close", self.name)
r = Res("a")
del r
print("after del")
r = Res("b")
r = Res("c")
print("rebound")
def scope():
    x = Res("d")
    print("in scope")
scope()
print("scope done")
items = [Res("e"), Res("f")]
items.pop()
print("popped")
items.clear()
print("cleared")
class Holder:
    pass
h = Holder()
h.res = Res("g")
h.res = None
print("attr cleared")
d = {"k": Res("h")}
del d["k"]
print("end")
last = Res("i")
