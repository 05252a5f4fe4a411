# Default argument values: evaluation time, mutable default sharing, None idiom.
def greet(name, greeting='Hello', punct='!'):
    return greeting + ', ' + name + punct
print(greet('Ann'), greet('Bob', 'Hi'), greet('Cy', punct='?'), greet(greeting='Yo', name='Di'))
counter = 10
def snapshot(x=counter):
    return x
counter = 20
print(snapshot(), snapshot(5))
def append_to(v, acc=[]):
    acc.append(v)
    return acc
print(append_to(1), append_to(2), append_to(3, []), append_to(4))
def safe_append(v, acc=None):
    if acc is None:
        acc = []
    acc.append(v)
    return acc
print(safe_append(1), safe_append(2))
def f(a, b=2, *, c=3, d):
    return a, b, c, d
print(f(1, d=4), f(1, 5, d=6, c=7))
print(greet.__defaults__, f.__kwdefaults__)
