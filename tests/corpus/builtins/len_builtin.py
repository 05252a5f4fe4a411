# len() of many object types and errors.
print(len(''), len('abc'), len('héllo'), len([]), len([1, [2, 3]]), len(()), len((1,)))
print(len({}), len({'a': 1, 'b': 2}), len(set()), len({1, 2, 2}), len(frozenset('aab')))
print(len(range(10)), len(range(0, 10, 3)), len(range(10, 0)), len(range(10, 0, -3)))
print(len(b''), len(b'abc'), len(bytearray(5)), len('\U0001F600'), len('\n\t'))
print(len(range(-10 ** 20, 10 ** 20, 10 ** 18)))
class Sized:
    def __len__(self):
        return 7
print(len(Sized()))
for obj in [5, 3.5, None, len]:
    try:
        len(obj)
    except TypeError as e:
        print(type(e).__name__, e)
class Neg:
    def __len__(self):
        return -1
try:
    len(Neg())
except ValueError as e:
    print(type(e).__name__, e)
