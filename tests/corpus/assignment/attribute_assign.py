# Attribute assignment, augmented attribute assignment, deletion and AttributeError.
class Box:
    kind = 'box'
b = Box()
b.value = 3
b.value += 4
b.items = []
b.items.append(1)
print(b.value, b.items, b.kind)
b.kind = 'instance kind'
print(b.kind, Box.kind)
del b.kind
print(b.kind)
Box.count = 0
Box.count += 1
print(Box.count, b.count)
del b.value
try:
    print(b.value)
except AttributeError as e:
    print(type(e).__name__, e)
try:
    del b.missing
except AttributeError as e:
    print(type(e).__name__, e)
a = Box()
a.x = a.y = 10
a.x, a.y = a.y + 1, a.x - 1
print(a.x, a.y)
print(sorted(vars(a).items()))
try:
    (5).real = 3
except AttributeError as e:
    print(type(e).__name__, e)
