# Uncaught ValueError from int() on a malformed literal.
print(int('1_000', 0), int('0x_1f', 0))
print(int('-0b101', 0), int('+0o10', 0))
for s in ['0b11', '0o7', '42', ' -5 ']:
    print(repr(s), int(s, 0))
print(int('ff', 16), int('z', 36))
print(int('  12  '), int('-7'))
print(int('0', 0), int('00', 0))
for s in ['10', '0x1f', '3.5']:
    print(int(s, 0))
