# Uncaught AttributeError on an int object.
print((42).to_bytes(2, 'big'), (42).conjugate(), int.__name__)
print(getattr(42, 'append', 'no append on int'))
print([name for name in ('real', 'append', 'imag') if hasattr(0, name)])
for v in [0, 1, 255, -8]:
    print(v, v.bit_length(), v.real, v.imag, v.numerator)
print(hasattr(5, 'append'), hasattr([], 'append'))
n = 42
print(n.bit_length())
print(n.append(1))
