# format() builtin with various specs and __format__ of user classes.
print(format(42), format(42, 'd'), format(42, '08b'), format(255, 'x'), format(255, '#X'), format(3.14159, '.2f'))
print(format('abc', '>6'), format('abc', '*^7'), format(1234567, ','), format(0.25, '%'), format(12.5, 'e'))
print(format(True), format(True, 'd'), format(None), format([1, 2]), format(-0.0, '+'), format(5, '+'))
class Money:
    def __init__(self, cents):
        self.cents = cents
    def __format__(self, spec):
        if spec == 'short':
            return '$%d' % (self.cents // 100)
        return '$%d.%02d' % divmod(self.cents, 100)
m = Money(12345)
print(format(m), format(m, 'short'), f'{m}', f'{m:short}', '{:short}'.format(m))
try:
    format(1, 'z')
except ValueError as e:
    print(type(e).__name__, e)
try:
    format('s', 'd')
except ValueError as e:
    print(type(e).__name__, e)
try:
    format([], 'x')
except TypeError as e:
    print(type(e).__name__, e)
