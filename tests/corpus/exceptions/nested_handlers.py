# Nested try statements, exceptions raised in handlers, and exception context.
def risky(n):
    if n == 0:
        raise ValueError('zero')
    if n == 1:
        raise TypeError('one')
    return n
for n in range(3):
    try:
        try:
            print('result', risky(n))
        except ValueError as e:
            print('inner caught', e)
            raise RuntimeError('from handler')
    except RuntimeError as e:
        print('outer caught', e, '| context:', repr(e.__context__))
    except TypeError as e:
        print('outer caught type error', e)
try:
    try:
        raise KeyError('k')
    except KeyError:
        try:
            raise IndexError('i')
        except IndexError as e2:
            print('innermost', repr(e2), repr(e2.__context__))
        raise
except KeyError as e:
    print('reraised', repr(e))
