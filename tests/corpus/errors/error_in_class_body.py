# Uncaught exception raised while executing a class body.
class Fine:
    defaults = {'a': 1}
    value = defaults['a']
print('Fine.value =', Fine.value)
print('defining class')
class Config:
    defaults = {'a': 1}
    value = defaults['b']
print('never printed')
