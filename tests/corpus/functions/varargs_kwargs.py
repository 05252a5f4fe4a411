# *args and **kwargs collection, forwarding and mixing with named parameters.
def show(*args, **kwargs):
    return 'args=%r kwargs=%r' % (args, kwargs)
print(show())
print(show(1, 2, 3))
print(show(a=1, b=2))
print(show(1, *[2, 3], x=4, **{'y': 5}))
def total(first, *rest):
    return first + sum(rest)
print(total(1), total(1, 2, 3, 4))
def wrapper(*args, **kwargs):
    return show(*args, **kwargs)
print(wrapper('w', k='v'))
def order(a, b, *args, c=0, **kw):
    return a, b, args, c, kw
print(order(1, 2, 3, 4, c=5, d=6, e=7))
print(order(*range(5)))
def kwonly_view(**kw):
    for k, v in kw.items():
        print(' ', k, '=', v)
kwonly_view(zeta=1, alpha=2, mid=3)
d = {'b': 2, 'a': 1}
print(order(**d))
try:
    show(**{1: 2})
except TypeError as e:
    print(type(e).__name__, e)
try:
    show(**{'a': 1}, **{'a': 2})
except TypeError as e:
    print(type(e).__name__, e)
