# Syntax error: name used prior to global declaration.
counter = 0
def f():
    print(counter)
    global counter
    counter = 1
