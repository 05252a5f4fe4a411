# gc.collect() finds reference cycles and returns how many unreachable objects it found
import gc

gc.collect()

l = []
l.append(l)
del l
print("self list:", gc.collect())

class C:
    pass

a = C()
b = C()
a.other = b
b.other = a
del a, b
print("two instances:", gc.collect())

x = [1, 2]
y = [x]
x.append(y)
del x, y
print("two lists:", gc.collect())

print("nothing:", gc.collect())

# reachable cycles are left alone
keep = []
keep.append(keep)
print("kept:", gc.collect(), keep[0] is keep)

# generation argument
z = []
z.append(z)
del z
print("young:", gc.collect(0))
print("again:", gc.collect(1))
try:
    gc.collect(3)
except ValueError as e:
    print(type(e).__name__, e)
try:
    gc.collect(-1)
except ValueError as e:
    print(type(e).__name__, e)
print(gc.collect(generation=2))
