# pass, ellipsis bodies, docstring-only functions and empty classes.
def nothing():
    pass
def doc_only():
    """Only a docstring."""
def ell():
    ...
class Empty:
    pass
print(nothing(), doc_only(), ell(), doc_only.__doc__)
print(type(Empty()).__name__, Empty.__name__)
for _ in range(3):
    pass
while False:
    pass
if True:
    pass
else:
    pass
print(Ellipsis, ..., type(...).__name__)
try:
    pass
except Exception:
    pass
finally:
    print('finally after pass')
