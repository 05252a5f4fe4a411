# global statement, reading globals from functions, UnboundLocalError when shadowed.
counter = 0
def bump():
    global counter
    counter += 1
    return counter
bump(); bump()
print(counter)
def make_global():
    global created
    created = 'made inside function'
make_global()
print(created)
x = 'global x'
def read_x():
    return x
def local_x():
    x = 'local x'
    return x
print(read_x(), local_x(), x)
def broken():
    try:
        print(x)
    except UnboundLocalError as e:
        print(type(e).__name__, e)
    x = 1
broken()
def nested():
    def inner():
        global x
        x = 'set by inner'
    inner()
nested()
print(x)
print('counter' in globals(), sorted(k for k in globals() if k.startswith('c')))
