# Uncaught TypeError from raising something that is not an exception.
print('strings are not exceptions:', isinstance('x', BaseException))
for obj in [ValueError, ValueError('x'), KeyError]:
    try:
        raise obj
    except Exception as e:
        print('raised and caught', type(e).__name__, repr(e))
print(issubclass(str, BaseException))
print('raising a string')
raise 'not an exception'
