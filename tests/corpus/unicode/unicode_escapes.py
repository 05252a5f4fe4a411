# String escape sequences: \x, \u, \U, \N{...}, octal, raw strings and line continuations.
print('\x41\x42', '\u00e9', '\U0001F600', '\N{GREEK SMALL LETTER ALPHA}', '\N{BULLET}', '\101\102', '\0' == '\x00')
print(len('\N{EM DASH}'), r'\u00e9', len(r'\x41'), 'line\
continued')
print('tab:\t|', 'bell-free', repr('\a\b\f\v'), '\'' + "\"")
s = """triple
quoted with 'single' and "double" """
print(s)
print(repr('\u00e9' == 'é'), ord('\N{LATIN SMALL LETTER E WITH ACUTE}'))
print(len('\t\n'), len(r'\t\n'), '\x7e', '\u0041', chr(0x263a) == '\N{WHITE SMILING FACE}')
