# The 'as' variable of an except clause is deleted at the end of the handler.
e = 'before'
try:
    1 / 0
except ZeroDivisionError as e:
    print('inside', type(e).__name__)
try:
    print(e)
except NameError as err:
    print(type(err).__name__, err)
def f():
    x = 'initial'
    try:
        raise KeyError('k')
    except KeyError as x:
        pass
    try:
        return x
    except UnboundLocalError as err:
        return type(err).__name__ + ': ' + str(err)
print(f())
saved = None
try:
    raise ValueError('keep me')
except ValueError as exc:
    saved = exc
print(repr(saved), saved.args)
