# Name resolution: local, enclosing, global, builtin; shadowing builtins; class scope.
len_calls = 0
def f():
    return len('abc')
print(f())
def g():
    len = lambda x: 'shadowed'
    return len('abc')
print(g(), len('abc'))
x = 'global'
class C:
    x = 'class'
    y = x + ' attr'
    def m(self):
        return x
print(C.y, C().m())
def enclosing():
    v = 'enclosing'
    class D:
        w = v
        def m(self):
            return v
    return D.w, D().m()
print(enclosing())
def comp_scope():
    n = 5
    return [n * i for i in range(3)]
print(comp_scope())
i = 'outer i'
print([i for i in range(2)], i)
def uses_builtin_later():
    return sorted([3, 1, 2])
print(uses_builtin_later())
