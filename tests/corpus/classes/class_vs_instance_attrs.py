# Class attributes are shared until shadowed by instance attributes; mutation is visible
class Counter:
    count = 0
    items = []
    def bump(self):
        self.count += 1
        self.items.append(self.count)
a, b = Counter(), Counter()
a.bump(); a.bump(); b.bump()
print(a.count, b.count, Counter.count, Counter.items)
print("count" in vars(a), "items" in vars(a))
Counter.count = 100
c = Counter()
print(c.count, a.count)
del a.count
print(a.count)
try:
    del a.count
except AttributeError as e:
    print("AttributeError:", e)
Counter.extra = lambda self: "added later"
print(a.extra(), hasattr(b, "extra"))
del Counter.extra
print(hasattr(a, "extra"))
try:
    del Counter.extra
except AttributeError as e:
    print("AttributeError:", e)
class Sub(Counter):
    count = -1
print(Sub().count, Sub.items is Counter.items, Sub.__dict__.get("items"))
setattr(Sub, "count", 5)
print(getattr(Sub(), "count"), Counter.count)
