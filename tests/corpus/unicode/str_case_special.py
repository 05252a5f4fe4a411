# Unicode case mapping: special casing (ß, ŉ, ﬁ, İ), final sigma, title case digraphs.
words = ['ß', 'straße', 'ŉ', 'ﬁ', 'ﬃx', 'İstanbul', 'ΣΑΣ', 'ὈΔΥΣΣΕΎΣ', 'ΑΣ ΣΑ Σ', 'aΣb', 'aΣ', 'Σ', 'ǆemal', 'ǅ', 'ǉ', 'ŀ', 'ﬀ', 'ẞ', 'ﬗ', 'ǰ', 'ΐ']
for w in words:
    print(w, w.upper(), w.lower(), w.casefold(), w.title(), w.capitalize(), w.swapcase(), len(w.upper()), w.isupper(), w.islower(), w.istitle())
print('σς'.upper(), 'ΣΣ'.lower(), 'A\u0345Σ'.lower(), 'Σ\u0301'.lower(), 'aΣ\u0301'.lower(), 'aΣ.'.lower(), 'a.Σ'.lower())
print('hello world'.title(), "they're bill's".title(), 'ǳ ǳ'.title(), '1a2b'.title(), 'ß'.title(), 'ﬁ'.title(), 'ǈ'.istitle())
print('ǅ'.upper(), 'ǅ'.lower(), 'ǅ'.swapcase(), 'ᾈ'.lower(), 'ᾀ'.upper(), 'ᾀ'.title(), 'ᾳ'.upper())
print('ΑΣ'.casefold(), 'ᏸ'.upper(), 'ꭰ'.upper(), 'Ꭰ'.casefold(), 'Ⅷ'.lower(), 'ⓐ'.upper())
