# Exception args, str() and repr() for zero, one and several arguments.
excs = [Exception(), Exception('msg'), Exception('a', 2), ValueError(''), KeyError('key'),
        KeyError(), KeyError(1, 2), IndexError(3), OSError(2, 'No such file'), StopIteration(5)]
for e in excs:
    print(type(e).__name__, repr(e), '|', str(e), '|', e.args)
e = RuntimeError('x')
e.args = ('changed', 1)
print(e, repr(e))
print(isinstance(KeyError(), LookupError), issubclass(ZeroDivisionError, ArithmeticError))
print(issubclass(UnboundLocalError, NameError), issubclass(RecursionError, RuntimeError))
print(issubclass(KeyboardInterrupt, Exception), issubclass(SystemExit, BaseException))
print([c.__name__ for c in ZeroDivisionError.__mro__])
print(OSError(2, 'No such file').errno, OSError(2, 'No such file').strerror)
