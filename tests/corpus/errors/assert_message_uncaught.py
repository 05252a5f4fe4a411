# Uncaught AssertionError with a message.
checks = [(5, 3), (10, 10), (0, 0)]
for a, b in checks:
    assert a >= b, 'not reached'
    print('check passed', a, b)
def withdraw(balance, amount):
    assert amount <= balance, f'cannot withdraw {amount} from {balance}'
    return balance - amount
print(withdraw(100, 40))
print(withdraw(10, 40))
