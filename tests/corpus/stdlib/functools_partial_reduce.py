# functools: reduce, partial (calls, reprs, flattening, keywords, attributes), cmp_to_key, errors
import functools as ft
import operator

def show(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

print(ft.reduce(operator.add, [1, 2, 3, 4]), ft.reduce(operator.mul, range(1, 6), 10))
print(ft.reduce(lambda a, b: a + [b], 'abc', []), ft.reduce(max, [3], 0), ft.reduce(min, iter([5, 2, 8])))
show(lambda: ft.reduce(lambda a, b: a + b, []))
show(lambda: ft.reduce(lambda a, b: a + b, 5))
show(lambda: ft.reduce(lambda a, b: a + b))
show(lambda: ft.reduce(lambda a, b: a + b, [1], 0, 4))

def f(a, b, c=0, *, d=1):
    return (a, b, c, d)

p = ft.partial(f, 1, d=4)
print(p(2), p(2, 3), p(2, d=9), p.func is f, p.args, p.keywords)
p2 = ft.partial(p, 5, c=6)
print(p2(), p2.func is f, p2.args, p2.keywords)
print(repr(ft.partial(print, 1, sep='-')))
print(repr(ft.partial(print, 1, sep='-')).startswith('functools.partial(<built-in function print>'))
print(repr(ft.partial(len)), repr(ft.partial(max, 1, 2, key=abs)))
basetwo = ft.partial(int, base=2)
basetwo.__doc__ = 'Convert base 2 string to an int.'
print(basetwo('10010'), basetwo.__doc__)
print(ft.partial(sorted, key=len)(['ccc', 'a', 'bb']))
print(list(map(ft.partial(pow, 2), range(5))))

class MyPartial(ft.partial):
    pass
mp = MyPartial(f, 1)
print(mp(2), repr(mp).startswith('__main__.MyPartial(<function f'))
show(lambda: ft.partial())
show(lambda: ft.partial(1))

key = ft.cmp_to_key(lambda a, b: (a > b) - (a < b))
print(sorted([3, 1, 2], key=key), sorted(['b', 'A', 'c'], key=ft.cmp_to_key(lambda a, b: -1 if a.lower() < b.lower() else 1)))
print(sorted([5, 2, 9], key=ft.cmp_to_key(lambda a, b: b - a)), max([1, 7, 3], key=ft.cmp_to_key(lambda a, b: a - b)))
k = key(1)
print(k.obj, k < key(2), k >= key(2), k == key(1))
show(lambda: k < 2)
show(lambda: hash(k))
show(lambda: ft.cmp_to_key())
