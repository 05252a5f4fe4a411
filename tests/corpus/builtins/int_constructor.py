# int() parsing rules: underscores, whitespace, bases, prefixes, signs, and error messages.
good = [('12_3',), (' 7 ',), ('-0',), ('+42',), ('0x1f', 16), ('1f', 16), ('z', 36), ('Z', 36),
        ('0b101', 0), ('0o17', 0), ('0x_ff', 0), ('101', 2), ('777', 8), ('\t\n 12 \n',), ('1_000_000',),
        ('0', 0), ('00', 0), ('-0b11', 0), ('  -  5'.replace(' ', ''),), ('١٢٣',), (3.99,), (-3.99,), (True,), ('10', 36)]
for args in good:
    print(repr(args), int(*args))
print(int(), int(2 ** 100), int('9' * 30))
bad = [('1.5',), ('',), (' ',), ('12_',), ('_12',), ('1__2',), ('0x1f',), ('z', 35), ('08', 0), ('1', 1),
       ('1', 37), ('0b2', 0), ('- 5',), ('5 5',), ('abc', 10), (None,), ([],), ('12', 10.0), (1.5, 10), ('1e3',)]
for args in bad:
    try:
        print(int(*args))
    except (ValueError, TypeError) as e:
        print(repr(args), type(e).__name__, e)
