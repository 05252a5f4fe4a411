# Module-level loops read and rebind globals; builtins can be shadowed or replaced between
# runs of a compiled loop.
import builtins

counter = 0
limit = 1500
while counter < limit:
    counter += 1
    if counter == 700:
        limit = 1000
print(counter, limit)

data = list(range(100))
def total_len(n):
    t = 0
    for i in range(n):
        t += len(data)
    return t
print(total_len(2000))

real_len = builtins.len
builtins.len = lambda x: 7
print(total_len(2000))
builtins.len = real_len
print(total_len(2000))

def use_global(n):
    s = 0
    for i in range(n):
        s += step
    return s
step = 2
print(use_global(3000))
step = 2.5
print(use_global(3000))
del step
try:
    use_global(3000)
except NameError as e:
    print("NameError:", e)

g = 0
for i in range(3000):
    g = g + i
    if i == 1500:
        globals()["extra_name"] = 1
print(g, extra_name)
