# repr() and ascii() of strings with quotes, escapes, non-ASCII and containers.
strs = ['plain', "it's", 'say "hi"', 'both \' and "', 'tab\there', 'nl\n', 'back\\slash', '\x00\x07\x1b\x7f',
        'é', 'ñandú', '日本', '\u200b', '\U0001F600', '\ud800', '\x80\x9f\xa0\xad', '']
for s in strs:
    print(repr(s), ascii(s))
print(repr([1, 'a', None]), ascii(['é', b'\xe9']), repr((1,)), repr(()), repr({'é': 'ü'}), ascii({'é': 'ü'}))
print(repr(1.0), repr(-0.0), repr(10 ** 20), repr(True), repr(None), repr(Ellipsis), repr(NotImplemented))
print(repr(int), repr(str), repr(ValueError), repr(ValueError('x')), repr(len))
class P:
    def __repr__(self):
        return 'P<é>'
print(repr(P()), ascii(P()), str(P()), [P()])
