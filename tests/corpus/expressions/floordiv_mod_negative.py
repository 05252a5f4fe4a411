# Floor division and modulo with negative operands (ints and floats) and divmod consistency.
pairs = [(7, 2), (-7, 2), (7, -2), (-7, -2), (0, 3), (0, -3), (1, 10), (-1, 10), (10, -1)]
for a, b in pairs:
    q, r = a // b, a % b
    print(a, b, q, r, q * b + r == a, divmod(a, b))
fpairs = [(7.0, 2.0), (-7.0, 2.0), (7.0, -2.0), (-7.5, -2.0), (-0.5, 1.0), (0.5, -1.0), (5.0, 0.3)]
for a, b in fpairs:
    print(a, b, a // b, a % b, divmod(a, b))
print(-1 % 1.0, 1 % -1.0, -0.0 % 5.0, 0.0 % -5.0)
print(-3 // 1, -3.0 // 1, 3 // -1.0)
big = 10 ** 30 + 7
print(big // -3, big % -3, -big // 3, -big % 3)
print(divmod(-big, 1000), divmod(big, -1000))
print((-13) % 5, -(13 % 5), -13 % -5)
for b in (3, -3):
    print([a % b for a in range(-6, 7)])
    print([a // b for a in range(-6, 7)])
