# type() of values, type names, type(obj) is comparisons and type as a callable.
for v in [1, 1.0, 'a', b'a', None, True, [], (), {}, set(), frozenset(), range(1), len, type, 1j, ...]:
    print(type(v), type(v).__name__)
print(type(1) is int, type(True) is bool, type(True) is int, type(type) is type)
print(type('')(), type(5)('7'), type([])('ab'))
class C:
    pass
c = C()
print(type(c).__name__, type(c) is C, type(C).__name__, C.__name__, type(c).__qualname__)
def f():
    yield 1
print(type(f).__name__, type(f()).__name__, type(lambda: 0).__name__, type(iter([])).__name__)
print(type({}.keys()).__name__, type(zip()).__name__, type(map(len, '')).__name__)
