# reversed() over sequences, ranges, strings, dicts and custom __reversed__/sequence protocol.
print(list(reversed([1, 2, 3])), list(reversed('abc')), list(reversed(range(5))), tuple(reversed((1,))))
print(list(reversed({'a': 1, 'b': 2, 'c': 3})), list(reversed({'a': 1}.items())))
r = reversed([10, 20])
print(next(r), next(r), next(r, 'done'))
class Seq:
    def __len__(self):
        return 3
    def __getitem__(self, i):
        if i >= 3:
            raise IndexError
        return i * 100
print(list(reversed(Seq())))
try:
    reversed({1, 2})
except TypeError as e:
    print(type(e).__name__, e)
try:
    reversed(5)
except TypeError as e:
    print(type(e).__name__, e)
print(''.join(reversed('stressed')))
