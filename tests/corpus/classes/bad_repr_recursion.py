# Recursion in __repr__ raises RecursionError; self-referencing containers print [...]
class Loop:
    def __repr__(self):
        return repr(self)
try:
    repr(Loop())
except RecursionError as e:
    print("RecursionError:", e)
class Mutual:
    def __init__(self): self.other = None
    def __repr__(self):
        return f"M({self.other!r})"
a, b = Mutual(), Mutual()
a.other, b.other = b, a
try:
    print(a)
except RecursionError as e:
    print("RecursionError:", e)
l = [1]
l.append(l)
print(l, repr(l))
d = {}
d["self"] = d
print(d)
class Holder:
    def __init__(self): self.items = []
    def __repr__(self): return f"Holder({self.items})"
h = Holder()
h.items.append(h.items)
print(h)
class StrLoop:
    def __str__(self): return str(self)
try:
    str(StrLoop())
except RecursionError as e:
    print("RecursionError:", e)
print("alive")
