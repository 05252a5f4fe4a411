# with-statement errors: object without __enter__, exception raised in __exit__, __enter__ failing.
class NoCM:
    pass
try:
    with NoCM():
        pass
except TypeError as e:
    print(type(e).__name__, e)
class BadExit:
    def __enter__(self):
        return self
    def __exit__(self, *args):
        raise RuntimeError('exit failed')
try:
    with BadExit():
        raise ValueError('body failed')
except RuntimeError as e:
    print(type(e).__name__, e, '| context:', repr(e.__context__))
class BadEnter:
    def __enter__(self):
        raise OSError('enter failed')
    def __exit__(self, *args):
        print('exit should not run')
try:
    with BadEnter():
        print('body should not run')
except OSError as e:
    print(type(e).__name__, e)
class OnlyEnter:
    def __enter__(self):
        return 1
try:
    with OnlyEnter():
        pass
except TypeError as e:
    print(type(e).__name__, e)
