# The del statement: names, list items, slices, dict keys, attributes, and NameError after del.
x = 1
y = [1, 2, 3, 4, 5]
z = {'a': 1, 'b': 2}
del x
try:
    print(x)
except NameError as e:
    print(type(e).__name__, e)
del y[1], z['a']
print(y, z)
del y[-2:]
print(y)
a, b = 1, 2
del a, b
print('a' in dir(), 'b' in dir())
def f():
    v = 10
    del v
    try:
        return v
    except UnboundLocalError as e:
        return type(e).__name__ + ': ' + str(e)
print(f())
try:
    del z['missing']
except KeyError as e:
    print(type(e).__name__, e)
lst = [[1, 2], [3, 4]]
del lst[0][1]
print(lst)
def g():
    global gv
    gv = 5
    del gv
g()
print('gv' in globals())
try:
    del undefined_name
except NameError as e:
    print(type(e).__name__, e)
