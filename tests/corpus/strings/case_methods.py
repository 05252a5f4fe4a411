# upper/lower/title/capitalize/swapcase/casefold on ASCII and mixed strings.
for s in ['hello world', 'HELLO', "it's a dog's life", 'mIxEd CaSe 123', 'o\'neil mc-donald', '', '42abc', 'ǆemal']:
    print(repr(s), s.upper(), s.lower(), s.title(), s.capitalize(), s.swapcase(), s.casefold())
print('straße'.upper(), 'STRASSE'.lower(), 'Straße'.casefold(), 'ﬁ'.upper(), 'İ'.lower(), len('İ'.lower()))
print('hello'.istitle(), 'Hello World'.istitle(), 'HELLO'.isupper(), 'hello1'.islower(), '123'.islower())
print('Σίσυφος'.upper(), 'ΣΊΣΥΦΟΣ'.lower(), 'ÉCOLE'.lower(), 'éCOLE'.capitalize())
for w in ['mcDonald', 'ÉCOLE normale', 'x-ray', '3rd place', "won't"]:
    print(w.title(), w.capitalize(), w.swapcase().swapcase() == w)
print('ABC'.lower().upper(), 'aBc'.casefold() == 'AbC'.casefold())
print(''.upper(), ' '.title(), '1a'.capitalize())
