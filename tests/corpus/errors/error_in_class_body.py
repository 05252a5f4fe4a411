# Uncaught exception raised while executing a class body.
print('defining class')
class Config:
    defaults = {'a': 1}
    value = defaults['b']
print('never printed')
