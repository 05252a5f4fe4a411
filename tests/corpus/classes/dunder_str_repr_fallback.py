# str() falls back to __repr__; containers use repr of elements; print calls str.
class OnlyRepr:
    def __repr__(self):
        return 'OnlyRepr()'
class OnlyStr:
    def __init__(self, v):
        self.v = v
    def __str__(self):
        return f'OnlyStr:{self.v}'
    def __repr__(self):
        return f'OS({self.v})'
class Both:
    def __str__(self):
        return 'str-of-Both'
    def __repr__(self):
        return 'repr-of-Both'
print(OnlyRepr(), str(OnlyRepr()), [OnlyRepr()])
print(OnlyStr(1), [OnlyStr(2)], (OnlyStr(3),), {'k': OnlyStr(4)})
print(Both(), repr(Both()), f'{Both()}', f'{Both()!r}', '%s|%r' % (Both(), Both()))
class BadRepr:
    def __repr__(self):
        return 42
try:
    repr(BadRepr())
except TypeError as e:
    print(type(e).__name__, e)
