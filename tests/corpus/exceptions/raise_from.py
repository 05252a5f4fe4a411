# raise ... from ...: __cause__, __context__, __suppress_context__ and from None.
class AppError(Exception):
    pass
def load(key):
    try:
        return {'a': 1}[key]
    except KeyError as e:
        raise AppError('cannot load %s' % key) from e
try:
    load('b')
except AppError as e:
    print(e, '| cause:', repr(e.__cause__), '| suppress:', e.__suppress_context__)
try:
    try:
        1 / 0
    except ZeroDivisionError:
        raise ValueError('hidden context') from None
except ValueError as e:
    print(e, e.__cause__, repr(e.__context__), e.__suppress_context__)
try:
    raise RuntimeError('explicit') from TypeError('cause')
except RuntimeError as e:
    print(repr(e), repr(e.__cause__), e.__context__)
try:
    raise ValueError from KeyError
except ValueError as e:
    print(repr(e), repr(e.__cause__))
try:
    raise ValueError('x') from 5
except TypeError as e:
    print(type(e).__name__, e)
