# Empty containers: reprs, truthiness, lengths, operations on empties and errors.
empties = [[], (), {}, set(), frozenset(), '', b'', bytearray()]
for e in empties:
    print(repr(e), len(e), bool(e), list(e), e == type(e)())
print(repr(range(0)), len(range(0)), bool(range(0)), list(range(0)), range(0) == range(5, 5))
print([] + [], () + (), '' + '', {} | {}, set() | set(), sum([]), max([], default=None))
print(sorted([]), list(reversed([])), list(zip([], [])), list(enumerate(())), all(()), any(()))
print([x for x in []], {k: v for k, v in {}.items()}, ''.join([]), ','.join(''), [][:], ()[::-1])
print([] == [], [] is not [], {} == dict(), set() == frozenset(), () == [], '' == b'')
for bad in [lambda: [][0], lambda: ()[0], lambda: ''[0], lambda: {}[0], lambda: min([]), lambda: [].pop()]:
    try:
        bad()
    except (IndexError, KeyError, ValueError) as e:
        print(type(e).__name__, e)
