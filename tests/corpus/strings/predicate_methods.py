# isdigit/isalpha/isspace/isupper/islower/isidentifier/isnumeric/isdecimal/isalnum/isprintable/isascii.
samples = ['abc', 'ABC', 'aBc', '123', '12.3', '', ' ', '\t\n', 'abc123', 'a b', '_name', '2x', 'x2', 'Ünï',
           '½', '²', '٣', '一二三', 'class', 'é', '\x00', 'A1!']
preds = ['isdigit', 'isalpha', 'isspace', 'isupper', 'islower', 'isidentifier', 'isnumeric', 'isdecimal',
         'isalnum', 'isprintable', 'isascii', 'istitle']
print('sample'.ljust(8), ' '.join(p[2:6] for p in preds))
for s in samples:
    print(repr(s).ljust(8), ' '.join(('T' if getattr(s, p)() else '.').center(4) for p in preds))
print(''.isidentifier(), 'a1'.isidentifier(), '1a'.isidentifier(), 'é_x'.isidentifier())
print('Abc Def'.istitle(), 'ABC'.istitle(), ' '.isprintable(), '\n'.isprintable())
