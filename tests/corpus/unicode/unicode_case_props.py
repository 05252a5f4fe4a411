# Unicode-aware str predicates and case mapping for several scripts.
print('ǆ'.title(), 'ǈ'.upper(), 'ǉ'.title(), 'Ǉ'.lower())
samples = ['Ελληνικά', 'РУССКИЙ', 'עברית', 'हिन्दी', '한국어', 'ǅungla', 'ÀÉÎÕÜ', 'ﬁnance', '٣٤٥', '①②', 'Ⅻ']
for s in samples:
    print(s, s.upper(), s.lower(), s.title(), s.isalpha(), s.isupper(), s.islower(), s.isnumeric(), s.isdigit(), s.isdecimal())
print(int('٣٤٥'), int('１２３'), float('１.５'), '①'.isdigit(), 'Ⅻ'.isnumeric())
for s in ['ΣΑΣ', 'ﬃ', 'ŉ', 'ß']:
    print(s, s.lower(), s.upper(), len(s.upper()), s.casefold())
print('Ⅻ'.lower(), 'ⓐ'.upper(), '①'.isnumeric(), '½'.isdigit())
print(sorted(['é', 'e', 'ë', 'z', 'É']), max('zé'), min('Éa'))
