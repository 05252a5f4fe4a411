# Miscellaneous builtins: id-free identity checks, vars(), sorted dir() subsets, globals()/locals().
class C:
    a = 1
    def __init__(self):
        self.x = 1
        self.y = 2
c = C()
print(vars(c), sorted(k for k in vars(C) if not k.startswith('__')))
print([n for n in dir(c) if not n.startswith('_')])
def f(p, q=2):
    r = p + q
    return sorted(locals().items())
print(f(1))
print('f' in globals(), 'C' in globals(), globals()['C'] is C, __name__)
print(sorted(n for n in dir([]) if not n.startswith('_')))
print(sorted(n for n in dir('') if not n.startswith('_'))[:10])
