# Catching exceptions by tuple of classes, by base classes and order of except clauses.
def raise_it(cls):
    raise cls('from ' + cls.__name__)
classes = [ValueError, KeyError, IndexError, ZeroDivisionError, TypeError, UnicodeError, FileNotFoundError]
for cls in classes:
    try:
        raise_it(cls)
    except (KeyError, IndexError) as e:
        print('lookup', type(e).__name__, e)
    except ArithmeticError as e:
        print('arith', type(e).__name__, e)
    except ValueError as e:
        print('value', type(e).__name__, e)
    except OSError as e:
        print('os', type(e).__name__, e)
    except Exception as e:
        print('other', type(e).__name__, e)
errs = (ValueError, TypeError)
try:
    int(None)
except errs as e:
    print('tuple variable', type(e).__name__)
