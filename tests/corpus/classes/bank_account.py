# Bank-account simulation with classes, custom exceptions and a transaction log.
class InsufficientFunds(Exception):
    pass
class Account:
    def __init__(self, owner, balance=0):
        self.owner = owner
        self.balance = balance
        self.log = []
    def deposit(self, amount):
        if amount <= 0:
            raise ValueError(f'invalid deposit amount: {amount}')
        self.balance += amount
        self.log.append(('dep', amount))
    def withdraw(self, amount):
        if amount > self.balance:
            raise InsufficientFunds(f'{self.owner} has {self.balance}, needs {amount}')
        self.balance -= amount
        self.log.append(('wd', amount))
    def __repr__(self):
        return f'Account({self.owner!r}, {self.balance})'
class Savings(Account):
    def __init__(self, owner, balance=0, rate=0.02):
        super().__init__(owner, balance)
        self.rate = rate
    def add_interest(self):
        interest = round(self.balance * self.rate, 2)
        self.deposit(interest)
        return interest
def transfer(src, dst, amount):
    src.withdraw(amount)
    dst.deposit(amount)
a, b = Account('ann', 100), Savings('bob', 50, 0.05)
ops = [(transfer, a, b, 30), (transfer, b, a, 500), (Account.deposit, a, -5), (transfer, b, a, 40)]
for op, *args in ops:
    try:
        op(*args)
        print('ok', op.__name__, a, b)
    except (InsufficientFunds, ValueError) as e:
        print('failed', op.__name__, type(e).__name__, e)
print(b.add_interest(), b, a.log, b.log)
