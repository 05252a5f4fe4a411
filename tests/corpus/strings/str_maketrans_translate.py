# str.maketrans forms and str.translate with str/int/None values, missing keys and errors.
t1 = str.maketrans('abc', 'xyz')
t2 = str.maketrans('ab', 'AB', 'c')
t3 = str.maketrans({'a': 'AA', 'b': None, ord('c'): 67, 'é': 'e'})
print(sorted(t1.items()), sorted(t2.items()), sorted(t3.items()))
for s in ['abcabc', 'cab', 'éa', '', 'xyz']:
    print(s.translate(t1), s.translate(t2), s.translate(t3), s.translate({}), s.translate({97: 'α'}))
class Table:
    def __getitem__(self, k):
        if k == 97:
            return 'Z'
        raise LookupError
print('banana'.translate(Table()), 'abc'.translate([None, None]) if False else 'abc'.translate({}))
for bad in [lambda: str.maketrans('ab', 'a'), lambda: str.maketrans({'ab': 1}), lambda: str.maketrans(1), lambda: 'a'.translate({97: 1.5}), lambda: 'a'.translate({97: 0x110000}),
            lambda: str.maketrans('a', 'b', 1), lambda: str.maketrans({1.5: 'a'})]:
    try:
        print(bad())
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
