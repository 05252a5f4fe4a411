# Uncaught NameError inside a function where a similar name exists (suggestion in message).
def compute():
    counter = 10
    return countr + 1
print('start')
compute()
