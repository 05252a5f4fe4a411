# Uncaught NameError inside a function where a similar name exists (suggestion in message).
def fine():
    counter = 10
    return counter + 1
print(fine())
def compute():
    counter = 10
    return countr + 1
print('start')
compute()
