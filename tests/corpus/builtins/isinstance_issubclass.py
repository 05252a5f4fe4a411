# isinstance/issubclass with classes, tuples, nested tuples, bool/int relation and errors.
print(isinstance(1, int), isinstance(True, int), isinstance(1, bool), isinstance(1.0, (int, float)))
print(isinstance('s', (int, (list, str))), isinstance(None, type(None)), isinstance([], ()))
print(issubclass(bool, int), issubclass(int, bool), issubclass(int, (str, object)), issubclass(KeyError, (LookupError,)))
class A: pass
class B(A): pass
class C(B): pass
print(isinstance(C(), A), isinstance(A(), C), issubclass(C, (int, B)), issubclass(A, A))
print(isinstance(A, type), isinstance(int, type), isinstance(type, type), isinstance(object, type))
print(issubclass(type, object), isinstance(3, object))
try:
    isinstance(1, 'int')
except TypeError as e:
    print(type(e).__name__, e)
try:
    issubclass(1, int)
except TypeError as e:
    print(type(e).__name__, e)
try:
    issubclass(int, [int])
except TypeError as e:
    print(type(e).__name__, e)
