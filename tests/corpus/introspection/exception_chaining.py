# introspection: __cause__, __context__, __suppress_context__ set by raise/from and except blocks
def implicit():
    try:
        1 / 0
    except ZeroDivisionError:
        raise ValueError("during handling")

def explicit():
    try:
        {}["k"]
    except KeyError as e:
        raise RuntimeError("wrapped") from e

def suppressed():
    try:
        int("x")
    except ValueError:
        raise TypeError("clean") from None

for fn in [implicit, explicit, suppressed]:
    try:
        fn()
    except Exception as e:
        print(fn.__name__, repr(e), repr(e.__cause__), repr(e.__context__), e.__suppress_context__)

e = ValueError("manual")
print(e.__cause__, e.__context__, e.__suppress_context__)
e.__cause__ = KeyError("c")
print(repr(e.__cause__), e.__suppress_context__)
try:
    e.__cause__ = 5
except TypeError as err:
    print("TypeError:", err)
try:
    e.__context__ = "s"
except TypeError as err:
    print("TypeError:", err)
e.__suppress_context__ = True
print(e.__suppress_context__)
explicit()
