# User-defined exception classes with custom __init__, __str__ and hierarchies.
class BankError(Exception):
    pass
class InsufficientFunds(BankError):
    def __init__(self, balance, amount):
        super().__init__(balance, amount)
        self.balance = balance
        self.amount = amount
    def __str__(self):
        return 'need %d more' % (self.amount - self.balance)
class Frozen(BankError):
    def __init__(self, who):
        super().__init__('account of %s is frozen' % who)
def withdraw(balance, amount, frozen=False):
    if frozen:
        raise Frozen('alice')
    if amount > balance:
        raise InsufficientFunds(balance, amount)
    return balance - amount
for args in [(100, 30), (10, 50), (5, 1, True)]:
    try:
        print('ok', withdraw(*args))
    except InsufficientFunds as e:
        print('insufficient:', e, e.args, repr(e))
    except BankError as e:
        print('bank error:', type(e).__name__, e)
class Silent(Exception):
    def __str__(self):
        return ''
try:
    raise Silent('ignored')
except Silent as e:
    print(repr(str(e)), e.args)
print(issubclass(Frozen, Exception), [c.__name__ for c in Frozen.__mro__])
