# Unicode-aware str predicates and case mapping for several scripts.
samples = ['Ελληνικά', 'РУССКИЙ', 'עברית', 'हिन्दी', '한국어', 'ǅungla', 'ÀÉÎÕÜ', 'ﬁnance', '٣٤٥', '①②', 'Ⅻ']
for s in samples:
    print(s, s.upper(), s.lower(), s.title(), s.isalpha(), s.isupper(), s.islower(), s.isnumeric(), s.isdigit(), s.isdecimal())
print(int('٣٤٥'), int('１２３'), float('１.５'), '①'.isdigit(), 'Ⅻ'.isnumeric())
