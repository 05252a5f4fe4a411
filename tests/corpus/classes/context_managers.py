# with statement using classes with __enter__/__exit__: ordering, return values, exception suppression.
class Tracker:
    def __init__(self, name, suppress=False):
        self.name = name
        self.suppress = suppress
    def __enter__(self):
        print('enter', self.name)
        return self.name.upper()
    def __exit__(self, exc_type, exc, tb):
        print('exit', self.name, exc_type.__name__ if exc_type else None, exc)
        return self.suppress
with Tracker('a') as v:
    print('body with', v)
with Tracker('outer') as o, Tracker('inner') as i:
    print('nested body', o, i)
with Tracker('quiet', suppress=True):
    raise ValueError('suppressed error')
print('continued after suppression')
try:
    with Tracker('loud'):
        raise KeyError('propagates')
except KeyError as e:
    print('caught outside', repr(e))
def f():
    with Tracker('in function'):
        return 'returned value'
print(f())
for n in range(3):
    with Tracker(f'loop{n}'):
        if n == 1:
            continue
        if n == 2:
            break
        print('loop body', n)
try:
    with Tracker('x', suppress=True), Tracker('y'):
        1 / 0
except ZeroDivisionError:
    print('not reached')
print('done')
