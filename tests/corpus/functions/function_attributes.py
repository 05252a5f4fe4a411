# Function objects: __name__, __qualname__, __doc__, __defaults__, custom attributes, first-class use.
def outer(a, b=2):
    """Outer docstring."""
    def inner():
        pass
    return inner
print(outer.__name__, outer.__qualname__, outer.__doc__, outer.__defaults__)
print(outer(1).__name__, outer(1).__qualname__)
outer.tag = 'custom'
print(outer.tag, hasattr(outer, 'tag'), callable(outer))
print(outer.__code__.co_argcount, outer.__code__.co_varnames[:2])
def apply(f, *args):
    return f(*args)
print(apply(max, 3, 9, 2), apply(str.upper, 'abc'), apply(len, [1, 2]))
table = [abs, str, bool, float]
print([f(-1) for f in table])
class C:
    def meth(self):
        pass
print(C.meth.__qualname__, C().meth.__name__)
